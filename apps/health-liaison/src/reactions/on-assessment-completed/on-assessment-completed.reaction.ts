import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { GUARANTEE_UNTIL_RECORDED, officeOnBehalf } from '../../application/office-on-behalf';
import { RequestReferralCommand } from '../../commands/request-referral/request-referral.command';

/** Intake assessed the person as needing an RSJ: the referral is requested for the owning office. */
@ReactsTo(AssessmentCompletedV1)
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<AssessmentCompletedV1>): Promise<void> {
    const { decision, rsjId, caseId, personId, officeId } = event.data;
    if (decision !== 'rsj') return;
    if (!rsjId) throw new PermanentError('an assessment that decides for an RSJ names no RSJ');
    await this.commands.execute(
      new RequestReferralCommand(
        {
          type: 'RequestReferral',
          // From the event's id: the same assessment, however often delivered, makes one referral.
          referralId: deterministicUuid(`referral:${event.id}`),
          actor: officeOnBehalf(officeId),
          at: event.time,
          caseId,
          personId,
          rsjId,
          urgency: 'routine',
          guarantee: GUARANTEE_UNTIL_RECORDED,
        },
        byEvent(event),
      ),
    );
  }
}
