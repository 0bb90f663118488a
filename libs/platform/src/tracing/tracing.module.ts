import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Tracing } from './tracing';

const TRACING = Symbol('TRACING');

/** Sends the spans still batched when the service stops, so that its last requests are not lost. */
@Module({})
export class TracingModule implements OnApplicationShutdown {
  static forProcess(tracing: Tracing): DynamicModule {
    return { module: TracingModule, providers: [{ provide: TRACING, useValue: tracing }] };
  }

  constructor(@Inject(TRACING) private readonly tracing: Tracing) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}
