import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { CaseRegister } from '../../application/case-register';
import { ReunificationWriter, SERVICE_NAME } from '../../application/reunification-writer';

/** Death stops every open flow: each reunification of the case records it and takes no further step. */
@Injectable()
export class OnPersonDied implements Reaction<PersonDiedV1> {
  readonly contract = PersonDiedV1;

  constructor(
    @Inject(CaseRegister) private readonly register: CaseRegister,
    @Inject(ReunificationWriter) private readonly writer: ReunificationWriter,
  ) {}

  async handle(event: Received<PersonDiedV1>, tx: PoolClient): Promise<void> {
    const { caseId, at, reportedBy } = event.data;
    await this.register.personDied(tx, caseId, at);
    for (const { reunificationId, personId } of await this.register.reunificationsOf(tx, caseId)) {
      await this.writer.react(
        {
          type: 'RecordPersonDied',
          reunificationId,
          diedAt: at,
          reportedBy,
          // This service relays health-liaison's record; the reporting agency is in the data.
          actor: { agencyId: `lintas-${SERVICE_NAME}`, kind: 'admin', regionCode: '' },
          at: event.time,
        },
        event,
        personId,
        tx,
      );
    }
  }
}
