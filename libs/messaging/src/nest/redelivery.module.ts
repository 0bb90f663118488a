import { Module, type DynamicModule } from '@nestjs/common';
import type { Contract } from '@lintas/contracts/contract';
import type { RedeliveryRequestedV1 } from '@lintas/contracts/admin/redelivery.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { REDELIVERER } from '@lintas/platform/service/redeliverer';
import { SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { Redeliveries } from '../redelivery/redeliveries';
import { PrefixedTransport } from '../transport/prefixed-transport';

/**
 * A publishing service's redeliveries (`POST /admin/redeliveries`, which the platform serves): one
 * line in the service's module, with the service's redelivery contract from its `*_CONTRACTS`.
 * Uses the service's event store (its integration mapper, its outbox) and its messaging's transport
 * (to create a consumer group's redelivery topics).
 */
@Module({})
export class RedeliveryModule {
  static forService(contract: Contract<RedeliveryRequestedV1>): DynamicModule {
    return {
      module: RedeliveryModule,
      // So that the platform's admin route finds it (REDELIVERER).
      global: true,
      providers: [
        {
          provide: REDELIVERER,
          inject: [EventStore, PrefixedTransport, SERVICE_NAME],
          useFactory: (store: EventStore, transport: PrefixedTransport, name: string) =>
            new Redeliveries(store, transport, { source: `/lintas/${name}`, contract }),
        },
      ],
      exports: [REDELIVERER],
    };
  }
}
