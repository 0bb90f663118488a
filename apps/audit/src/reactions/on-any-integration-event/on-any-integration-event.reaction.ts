import { Inject, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AnyContract, Contract } from '@lintas/contracts/contract';
import { byEvent } from '@lintas/commands/write-cause';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { RecordInLedgerCommand } from '../../commands/record-in-ledger/record-in-ledger.command';

/**
 * The ledger reacts to every contract of every service the same way: it keeps the event. The
 * messaging module finds reactions one contract each, so there is one class per contract.
 */
export function ledgerReactions(contracts: readonly AnyContract[]): Type<Reaction>[] {
  return contracts.map((contract) => {
    @ReactsTo(contract as Contract<unknown>)
    class RecordInLedger implements Reaction {
      constructor(@Inject(CommandBus) readonly commands: CommandBus) {}

      handle(event: Received<unknown>): Promise<void> {
        return this.commands.execute(
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
      }
    }
    Object.defineProperty(RecordInLedger, 'name', { value: `RecordInLedger(${contract.type})` });
    return RecordInLedger;
  });
}
