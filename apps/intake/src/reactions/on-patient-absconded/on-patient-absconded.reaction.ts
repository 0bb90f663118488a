import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PatientAbscondedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { IntakeWriter } from '../../application/intake-writer';

/** The person ran away from the RSJ: the owning office sees it on the case. */
@Injectable()
export class OnPatientAbsconded implements Reaction<PatientAbscondedV1> {
  readonly contract = PatientAbscondedV1;

  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  async handle(event: Received<PatientAbscondedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, at, rsjId } = event.data;
    await this.intake.react(
      caseId,
      (_, owner) => ({
        type: 'RecordAbsconding',
        caseId,
        actor: owner,
        at: event.time,
        abscondedAt: at,
        from: 'rsj',
        reportedBy: rsjId,
      }),
      event,
      transaction,
      // Closed or ended by a death in the meantime: the escape changes nothing any more.
      ['case.closed', 'case.person-deceased'],
    );
  }
}
