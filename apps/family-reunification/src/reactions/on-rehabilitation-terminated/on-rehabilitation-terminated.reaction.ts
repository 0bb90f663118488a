import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { RehabilitationTerminatedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { FamilyTracingStarter } from '../../application/family-tracing-starter';

/** The panti ended rehabilitation because the person is ready to return. */
@Injectable()
export class OnRehabilitationTerminated implements Reaction<RehabilitationTerminatedV1> {
  readonly contract = RehabilitationTerminatedV1;

  constructor(@Inject(FamilyTracingStarter) private readonly tracing: FamilyTracingStarter) {}

  async handle(event: Received<RehabilitationTerminatedV1>, tx: PoolClient): Promise<void> {
    if (event.data.reason !== 'ready-to-return') return;
    await this.tracing.start(event, event.data, 'rehabilitation-terminated', tx);
  }
}
