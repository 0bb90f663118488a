import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseTransferDeclinedV1 } from '@lintas/contracts/intake/intake.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { CaseRegister } from '../../application/case-register';
import { ReunificationWriter } from '../../application/reunification-writer';

/** The office of the region of origin refused the case: a person sent there comes back to the sender. */
@Injectable()
export class OnCaseTransferDeclined implements Reaction<CaseTransferDeclinedV1> {
  readonly contract = CaseTransferDeclinedV1;

  constructor(
    @Inject(CaseRegister) private readonly register: CaseRegister,
    @Inject(ReunificationWriter) private readonly writer: ReunificationWriter,
  ) {}

  async handle(event: Received<CaseTransferDeclinedV1>, tx: PoolClient): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    for (const { reunificationId, personId } of await this.register.reunificationsOf(tx, caseId)) {
      await this.writer.react(
        {
          type: 'RecordTransferDeclined',
          reunificationId,
          toOfficeId,
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
