import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { IntakeWriter } from '../../application/intake-writer';

/** A death reported to health-liaison: the case stops taking assessments and transfers. */
@Injectable()
export class OnPersonDied implements Reaction<PersonDiedV1> {
  readonly contract = PersonDiedV1;

  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  async handle(event: Received<PersonDiedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, at, reportedBy } = event.data;
    await this.intake.react(
      caseId,
      (_, owner) => ({ type: 'RecordDeath', caseId, actor: owner, at: event.time, diedAt: at, reportedBy }),
      event,
      transaction,
    );
  }
}
