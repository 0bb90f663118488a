import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { PatientDischargedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor } from '../../application/actors';
import { RequestPlacementCommand } from '../../commands/request-placement/request-placement.command';
import { ReturnResidentFromRsjCommand } from '../../commands/return-resident-from-rsj/return-resident-from-rsj.command';
import { TerminateRehabilitationCommand } from '../../commands/terminate-rehabilitation/terminate-rehabilitation.command';

/**
 * A discharge that names a placement ends a relapse: back to the panti if the RSJ recommends it,
 * else the placement ends (the family or outpatient care take over, as health-liaison tells them).
 * A discharge recommending a panti without a placement is a new placement request.
 */
@ReactsTo(PatientDischargedV1)
export class OnPatientDischarged implements Reaction<PatientDischargedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<PatientDischargedV1>): Promise<void> {
    const { returnToPlacementId, recommendation, pantiId, referralId, rsjId, caseId, personId, officeId } = event.data;
    const at = event.data.dischargedAt;
    const cause = byEvent(event);
    if (returnToPlacementId && recommendation === 'panti') {
      await this.commands.execute(
        new ReturnResidentFromRsjCommand(
          {
            type: 'ReturnResidentFromRsj',
            placementId: returnToPlacementId,
            rsjId,
            referralId,
            // For the owning office: the discharging RSJ may not be the one named at the relapse
            // (a declined referral goes on to another hospital), and health-liaison checked it.
            actor: officeActor(officeId),
            at,
          },
          cause,
        ),
      );
      return;
    }
    if (returnToPlacementId) {
      await this.commands.execute(
        new TerminateRehabilitationCommand(
          {
            type: 'TerminateRehabilitation',
            placementId: returnToPlacementId,
            reason: 'transferred',
            recommendations: null,
            actor: officeActor(officeId),
            at,
          },
          cause,
        ),
      );
      return;
    }
    if (recommendation !== 'panti') return;
    if (!pantiId) throw new PermanentError('a discharge to a panti names no pantiId');
    await this.commands.execute(
      new RequestPlacementCommand(
        {
          type: 'RequestPlacement',
          placementId: deterministicUuid(`placement:${event.id}`),
          caseId,
          personId,
          pantiId,
          kind: 'rehabilitation',
          cluster: null,
          reason: null,
          actor: officeActor(officeId),
          at,
        },
        cause,
      ),
    );
  }
}
