import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { FamilyTracingStarter } from '../../application/family-tracing-starter';

/** Intake decided on a return home, or ATENSI in the family or community: find the family. */
@Injectable()
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  readonly contract = AssessmentCompletedV1;

  constructor(@Inject(FamilyTracingStarter) private readonly tracing: FamilyTracingStarter) {}

  async handle(event: Received<AssessmentCompletedV1>, tx: PoolClient): Promise<void> {
    if (event.data.decision !== 'home' && event.data.decision !== 'community') return;
    await this.tracing.start(event, event.data, 'assessment', tx);
  }
}
