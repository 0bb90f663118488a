import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { CaseNumbers } from '../../application/case-numbers';
import { CASE_STREAM } from '../../application/case-stream';
import { registered } from '../../domain/case/case-guards';
import { caseYear } from '../../domain/case/case-number';
import type { CaseStream } from '../../domain/case/case.stream';
import { handedOverPickup } from '../../domain/pickup/handed-over-pickup';
import { pickupStream } from '../../domain/pickup/pickup.stream';
import { RegisterIntakeCommand, type RegisteredIntake } from './register-intake.command';

/**
 * Opens the case with the next number of the office's year, in one transaction with the
 * numbering, and on the journey of the pickup it comes from.
 */
@CommandHandler(RegisterIntakeCommand)
export class RegisterIntakeHandler implements ICommandHandler<RegisterIntakeCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
    @Inject(CaseNumbers) private readonly caseNumbers: CaseNumbers,
  ) {}

  execute({ command, cause }: RegisterIntakeCommand): Promise<RegisteredIntake> {
    const { pickupId, personId, ...registration } = command;
    return this.streams.transaction(async (tx) => {
      await tx.lock(this.cases.streamId(registration.caseId), ...(pickupId ? [pickupStream.streamId(pickupId)] : []));
      const pickup = pickupId ? await tx.load(pickupStream, pickupId) : undefined;
      const handedOver = pickup && handedOverPickup(pickup.state);
      const caseSequence = await this.caseNumbers.next(
        tx.client,
        registration.actor.agencyId,
        caseYear(registration.at),
      );
      // The person of the pickup unless the office names one; a person brought in otherwise is new.
      const person = personId ?? handedOver?.personId ?? deterministicUuid(`person:${registration.caseId}`);
      const opened = await tx.handle(
        this.cases,
        registration.caseId,
        { ...registration, personId: person, caseSequence, ...(handedOver && { pickup: handedOver }) },
        cause,
        { personId: person, correlationId: pickup?.first?.metadata.correlationId },
      );
      return { ...writeResult(opened), caseNumber: registered(opened.state).caseNumber, personId: person };
    });
  }
}
