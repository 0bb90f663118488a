import { Inject, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AnyContract, Contract } from '@lintas/contracts/contract';
import { PersonErasedV1 } from '@lintas/contracts/intake/intake.contracts';
import { byEvent } from '@lintas/commands/write-cause';
import { ServiceDeadLetters } from '@lintas/messaging/nest/service-dead-letters';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { RecordInLedgerCommand } from '../../commands/record-in-ledger/record-in-ledger.command';

/**
 * The ledger reacts to every contract of every service the same way: it keeps the event. The
 * messaging module finds reactions one contract each, so there is one class per contract. An
 * erasure is also what every other service does with it: this service's dead letters naming the
 * persons lose their data, in the same transaction (the ledger itself holds none of it).
 */
export function ledgerReactions(contracts: readonly AnyContract[]): Type<Reaction>[] {
  return contracts.map((contract) => {
    @ReactsTo(contract as Contract<unknown>)
    class RecordInLedger implements Reaction {
      constructor(
        @Inject(CommandBus) readonly commands: CommandBus,
        @Inject(ServiceDeadLetters) readonly deadLetters: ServiceDeadLetters,
      ) {}

      async handle(event: Received<unknown>): Promise<void> {
        await this.commands.execute(
          new RecordInLedgerCommand(
            {
              eventId: event.id,
              source: event.source,
              type: event.type,
              time: event.time,
              personId: event.personId ?? null,
              correlationId: event.correlationId ?? null,
              causationId: event.causationId ?? null,
              actorAgencyId: event.actor?.agencyId ?? null,
              actorClientId: event.actor?.clientId ?? null,
              data: event.data,
            },
            byEvent(event),
          ),
        );
        if (contract.type === PersonErasedV1.type) {
          const { personId, persons } = event.data as PersonErasedV1;
          await this.deadLetters.eraseFor([...new Set([personId, ...persons])]);
        }
      }
    }
    Object.defineProperty(RecordInLedger, 'name', { value: `RecordInLedger(${contract.type})` });
    return RecordInLedger;
  });
}
