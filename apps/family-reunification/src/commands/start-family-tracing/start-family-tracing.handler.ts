import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { CaseRegister } from '../../application/case-register';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { StartFamilyTracingCommand } from './start-family-tracing.command';

@CommandHandler(StartFamilyTracingCommand)
export class StartFamilyTracingHandler implements ICommandHandler<StartFamilyTracingCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CaseRegister) private readonly register: CaseRegister,
  ) {}

  execute({ handOver, handedOverBy }: StartFamilyTracingCommand): Promise<void> {
    const { caseId, personId, startedFrom } = handOver;
    return this.streams.transaction(async (tx) => {
      const facts = await this.register.facts(tx.client, caseId);
      // The person died before this hand-over reached us: there is no family to return them to.
      if (facts.died) return;
      // Derived from the hand-over, so that a redelivered event finds the reunification it started.
      const reunificationId = deterministicUuid(`reunification:${handedOverBy.id}`);
      // Intake may have moved the case to another office after the sending service last heard of it.
      const officeId = facts.ownerOfficeId ?? handOver.officeId;
      await tx.handle(
        reunificationStream,
        reunificationId,
        {
          type: 'StartFamilyTracing',
          reunificationId,
          caseId,
          personId,
          startedFrom,
          leads: handOver.leads ?? [],
          // On behalf of the owning office, whose hand-over this is; no rule of the start reads its region.
          actor: { agencyId: officeId, kind: 'dinas-sosial', regionCode: '' },
          at: handedOverBy.time,
        },
        byEvent(handedOverBy),
        { personId },
      );
      await this.register.addReunification(tx.client, caseId, reunificationId, personId);
    });
  }
}
