/** Injection tokens every service provides through the PlatformModule. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
