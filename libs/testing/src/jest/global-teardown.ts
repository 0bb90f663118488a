import { takeInfrastructure } from './run-state';

export default async function globalTeardown(): Promise<void> {
  await takeInfrastructure()?.stop();
}
