import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { CaseRegister } from '../../application/case-register';
import { ReunificationWriter } from '../../application/reunification-writer';

/** Another office accepted the case in intake: it owns the case's reunifications from now on. */
@Injectable()
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  readonly contract = CaseTransferAcceptedV1;

  constructor(
    @Inject(CaseRegister) private readonly register: CaseRegister,
    @Inject(ReunificationWriter) private readonly writer: ReunificationWriter,
  ) {}

  async handle(event: Received<CaseTransferAcceptedV1>, tx: PoolClient): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    await this.register.ownerMoved(tx, caseId, toOfficeId);
    for (const { reunificationId, personId } of await this.register.reunificationsOf(tx, caseId)) {
      await this.writer.react(
        {
          type: 'MoveCaseOwnership',
          reunificationId,
          toOfficeId,
          // The receiving office accepted; no rule of the move reads its region.
          actor: { agencyId: toOfficeId, kind: 'dinas-sosial', regionCode: '' },
          at: event.time,
        },
        event,
        personId,
        tx,
      );
    }
  }
}
