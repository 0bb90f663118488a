import 'reflect-metadata';
const REQUIRED_IN_PRODUCTION = Symbol('lintas:required-in-production');

/**
 * Marks a setting whose development default must never silently reach production: with
 * NODE_ENV=production `loadEnv` refuses to start unless the variable is set explicitly.
 */
export function RequiredInProduction(): PropertyDecorator {
  return (target, key) => {
    const keys = requiredInProduction(target);
    Reflect.defineMetadata(REQUIRED_IN_PRODUCTION, [...keys, String(key)], target);
  };
}

export function requiredInProduction(prototype: object): string[] {
  return (Reflect.getMetadata(REQUIRED_IN_PRODUCTION, prototype) as string[] | undefined) ?? [];
}
