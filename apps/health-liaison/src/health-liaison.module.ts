import { Module } from '@nestjs/common';
import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '@lintas/contracts/intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OnPersonsLinked } from '@lintas/person-journey/on-persons-linked.reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { ReferralIndexSchema } from './application/referral-index';
import { ReferralWriter } from './application/referral-writer';
import { AcceptReferralController } from './commands/accept-referral/accept-referral.http.controller';
import { AdmitPatientController } from './commands/admit-patient/admit-patient.http.controller';
import { DeclineReferralController } from './commands/decline-referral/decline-referral.http.controller';
import { DischargePatientController } from './commands/discharge-patient/discharge-patient.http.controller';
import { RecordPaymentGuaranteeController } from './commands/record-payment-guarantee/record-payment-guarantee.http.controller';
import { RecordTreatmentNoteController } from './commands/record-treatment-note/record-treatment-note.http.controller';
import { RedirectReferralController } from './commands/redirect-referral/redirect-referral.http.controller';
import { ReportAbscondingController } from './commands/report-absconding/report-absconding.http.controller';
import { ReportDeathController } from './commands/report-death/report-death.http.controller';
import { RequestReferralController } from './commands/request-referral/request-referral.http.controller';
import { SendReferralLetterController } from './commands/send-referral-letter/send-referral-letter.http.controller';
import { WithdrawReferralController } from './commands/withdraw-referral/withdraw-referral.http.controller';
import { REFERRAL_EVENT_DEFINITIONS } from './domain/referral/referral.event-definitions';
import { HEALTH_LIAISON_PUBLICATIONS } from './publications';
import { ReferralDetailsController } from './queries/referral-details/referral-details.http.controller';
import { ReferralWorkQueueController } from './queries/referral-work-queue/referral-work-queue.http.controller';
import { ReferralWorkQueueProjection } from './queries/referral-work-queue/referral-work-queue.projection';
import { OnCaseTransferAccepted } from './reactions/on-case-transfer-accepted/on-case-transfer-accepted.reaction';
import { OnAssessmentCompleted } from './reactions/on-assessment-completed/on-assessment-completed.reaction';
import { OnRelapseReported } from './reactions/on-relapse-reported/on-relapse-reported.reaction';

/** RSJ referrals, admission, discharge, absconding and death. */
@Module({
  imports: [
    EventStoreModule.forService({
      schema: 'health_liaison',
      definitions: REFERRAL_EVENT_DEFINITIONS,
      integration: (source) => integrationMapper(source, HEALTH_LIAISON_PUBLICATIONS),
      projections: (schema) => [new PersonJourneyProjection(schema), new ReferralWorkQueueProjection(schema)],
    }),
    MessagingModule.forService({
      publishes: HEALTH_LIAISON_CONTRACTS,
      knows: [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ],
      reactions: [OnPersonsLinked, OnAssessmentCompleted, OnRelapseReported, OnCaseTransferAccepted],
    }),
    PersonJourneyModule,
  ],
  controllers: [
    RequestReferralController,
    SendReferralLetterController,
    RecordPaymentGuaranteeController,
    AcceptReferralController,
    DeclineReferralController,
    RedirectReferralController,
    WithdrawReferralController,
    AdmitPatientController,
    RecordTreatmentNoteController,
    DischargePatientController,
    ReportAbscondingController,
    ReportDeathController,
    ReferralWorkQueueController,
    ReferralDetailsController,
  ],
  providers: [ReferralIndexSchema, ReferralWriter],
})
export class HealthLiaisonModule {}
