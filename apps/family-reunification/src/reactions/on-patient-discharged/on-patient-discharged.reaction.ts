import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PatientDischargedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { FamilyTracingStarter } from '../../application/family-tracing-starter';

/** The RSJ discharged the person with the recommendation to go home to the family. */
@Injectable()
export class OnPatientDischarged implements Reaction<PatientDischargedV1> {
  readonly contract = PatientDischargedV1;

  constructor(@Inject(FamilyTracingStarter) private readonly tracing: FamilyTracingStarter) {}

  async handle(event: Received<PatientDischargedV1>, tx: PoolClient): Promise<void> {
    if (event.data.recommendation !== 'family') return;
    await this.tracing.start(event, event.data, 'rsj-discharge', tx);
  }
}
