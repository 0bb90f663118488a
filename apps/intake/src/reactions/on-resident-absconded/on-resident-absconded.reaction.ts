import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { ResidentAbscondedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { IntakeWriter } from '../../application/intake-writer';

/** The person ran away from the panti: the owning office sees it on the case. */
@Injectable()
export class OnResidentAbsconded implements Reaction<ResidentAbscondedV1> {
  readonly contract = ResidentAbscondedV1;

  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  async handle(event: Received<ResidentAbscondedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, at, pantiId } = event.data;
    await this.intake.react(
      caseId,
      (_, owner) => ({
        type: 'RecordAbsconding',
        caseId,
        actor: owner,
        at: event.time,
        abscondedAt: at,
        from: 'panti',
        reportedBy: pantiId,
      }),
      event,
      transaction,
      // Closed or ended by a death in the meantime: the escape changes nothing any more.
      ['case.closed', 'case.person-deceased'],
    );
  }
}
