import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { RelapseReportedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { GUARANTEE_UNTIL_RECORDED, officeOnBehalf } from '../../application/office-on-behalf';
import { RequestReferralCommand } from '../../commands/request-referral/request-referral.command';

/**
 * A panti resident relapsed (kambuh): the owning office refers them to the RSJ the panti named,
 * and the discharge will send them back to their placement.
 */
@ReactsTo(RelapseReportedV1)
export class OnRelapseReported implements Reaction<RelapseReportedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<RelapseReportedV1>): Promise<void> {
    const { placementId, caseId, personId, officeId, rsjId, at } = event.data;
    await this.commands.execute(
      new RequestReferralCommand(
        {
          type: 'RequestReferral',
          referralId: deterministicUuid(`referral:${event.id}`),
          actor: officeOnBehalf(officeId),
          at,
          caseId,
          personId,
          rsjId,
          // A relapse is seen by the panti while it happens: it does not wait in the routine queue.
          urgency: 'urgent',
          guarantee: GUARANTEE_UNTIL_RECORDED,
          returnToPlacementId: placementId,
        },
        byEvent(event),
      ),
    );
  }
}
