/** What the console's providers are injected by: explicit tokens, since `tsx` emits no type metadata. */
export const CONSOLE_ENV = Symbol('CONSOLE_ENV');
export const CONSOLE_LOGGER = Symbol('CONSOLE_LOGGER');
