import { takeInfrastructure } from './run-state';

export default async function globalTeardown(): Promise<void> {
  await Promise.all(takeInfrastructure().map((infrastructure) => infrastructure.stop()));
}
