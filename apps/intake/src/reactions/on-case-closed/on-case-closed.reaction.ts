import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseClosedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { IntakeWriter } from '../../application/intake-writer';

/** Family-reunification closed the case: it is closed here too, with the same outcome. */
@Injectable()
export class OnCaseClosed implements Reaction<CaseClosedV1> {
  readonly contract = CaseClosedV1;

  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  async handle(event: Received<CaseClosedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, outcome, at } = event.data;
    await this.intake.react(
      caseId,
      (_, owner) => ({ type: 'CloseCase', caseId, actor: owner, at, outcome }),
      event,
      transaction,
    );
  }
}
