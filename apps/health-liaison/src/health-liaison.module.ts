import { Module } from '@nestjs/common';
import { CommandsModule } from '@lintas/commands/commands.module';
import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import {
  HEALTH_LIAISON_CONTRACTS,
  HealthLiaisonRedeliveryRequestedV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '@lintas/contracts/intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { RedeliveryModule } from '@lintas/messaging/nest/redelivery.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OnEmergencyAccessGranted } from '@lintas/person-journey/emergency/on-emergency-access-granted.reaction';
import { OnPersonErased } from '@lintas/person-journey/on-person-erased.reaction';
import { OnPersonsLinked } from '@lintas/person-journey/on-persons-linked.reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { WebhooksModule } from '@lintas/webhooks/nest/webhooks.module';
import { ReferralIndex } from './application/referral-index';
import { ChangeWebhookSubscriptionStatusController } from './commands/change-webhook-subscription-status/change-webhook-subscription-status.http.controller';
import { ChangeWebhookSubscriptionStatusHandler } from './commands/change-webhook-subscription-status/change-webhook-subscription-status.handler';
import { RedeliverWebhookEventsController } from './commands/redeliver-webhook-events/redeliver-webhook-events.http.controller';
import { RedeliverWebhookEventsHandler } from './commands/redeliver-webhook-events/redeliver-webhook-events.handler';
import { FhirSubscriptionsController } from './fhir/fhir-subscriptions.http.controller';
import { ReferralFhirTopic } from './fhir/referral-fhir-topic';
import { RotateWebhookKeyController } from './commands/rotate-webhook-key/rotate-webhook-key.http.controller';
import { RotateWebhookKeyHandler } from './commands/rotate-webhook-key/rotate-webhook-key.handler';
import { SubscribeToReferralsController } from './commands/subscribe-to-referrals/subscribe-to-referrals.http.controller';
import { SubscribeToReferralsHandler } from './commands/subscribe-to-referrals/subscribe-to-referrals.handler';
import { ReferralFeedController } from './queries/referral-feed/referral-feed.http.controller';
import { ReferralFeedReadModel } from './queries/referral-feed/referral-feed.read-model';
import { WebhookAttemptsController } from './queries/webhook-attempts/webhook-attempts.http.controller';
import { WebhookSubscriptionsController } from './queries/webhook-subscriptions/webhook-subscriptions.http.controller';
import { REFERRAL_EVENT_REACTIONS } from './reactions/on-referral-event/on-referral-event.reaction';
import { AcceptReferralController } from './commands/accept-referral/accept-referral.http.controller';
import { AcceptReferralHandler } from './commands/accept-referral/accept-referral.handler';
import { AdmitPatientController } from './commands/admit-patient/admit-patient.http.controller';
import { AdmitPatientHandler } from './commands/admit-patient/admit-patient.handler';
import { DeclineReferralController } from './commands/decline-referral/decline-referral.http.controller';
import { DeclineReferralHandler } from './commands/decline-referral/decline-referral.handler';
import { DischargePatientController } from './commands/discharge-patient/discharge-patient.http.controller';
import { DischargePatientHandler } from './commands/discharge-patient/discharge-patient.handler';
import { MoveReferralToOfficeHandler } from './commands/move-referral-to-office/move-referral-to-office.handler';
import { RecordPaymentGuaranteeController } from './commands/record-payment-guarantee/record-payment-guarantee.http.controller';
import { RecordPaymentGuaranteeHandler } from './commands/record-payment-guarantee/record-payment-guarantee.handler';
import { RecordTreatmentNoteController } from './commands/record-treatment-note/record-treatment-note.http.controller';
import { RecordTreatmentNoteHandler } from './commands/record-treatment-note/record-treatment-note.handler';
import { RedirectReferralController } from './commands/redirect-referral/redirect-referral.http.controller';
import { RedirectReferralHandler } from './commands/redirect-referral/redirect-referral.handler';
import { ReportAbscondingController } from './commands/report-absconding/report-absconding.http.controller';
import { ReportAbscondingHandler } from './commands/report-absconding/report-absconding.handler';
import { ReportDeathController } from './commands/report-death/report-death.http.controller';
import { ReportDeathHandler } from './commands/report-death/report-death.handler';
import { RequestReferralController } from './commands/request-referral/request-referral.http.controller';
import { RequestReferralHandler } from './commands/request-referral/request-referral.handler';
import { SendReferralLetterController } from './commands/send-referral-letter/send-referral-letter.http.controller';
import { SendReferralLetterHandler } from './commands/send-referral-letter/send-referral-letter.handler';
import { WithdrawReferralController } from './commands/withdraw-referral/withdraw-referral.http.controller';
import { WithdrawReferralHandler } from './commands/withdraw-referral/withdraw-referral.handler';
import { REFERRAL_EVENT_DEFINITIONS } from './domain/referral/referral.event-definitions';
import { FhirController } from './fhir/fhir.http.controller';
import { HEALTH_LIAISON_PUBLICATIONS } from './publications';
import { ReferralDetailsController } from './queries/referral-details/referral-details.http.controller';
import { ReferralDetailsReadModel } from './queries/referral-details/referral-details.read-model';
import { ReferralWorkQueueController } from './queries/referral-work-queue/referral-work-queue.http.controller';
import { ReferralWorkQueueReadModel } from './queries/referral-work-queue/referral-work-queue.read-model';
import { OnAssessmentCompleted } from './reactions/on-assessment-completed/on-assessment-completed.reaction';
import { OnCaseTransferAccepted } from './reactions/on-case-transfer-accepted/on-case-transfer-accepted.reaction';
import { OnRelapseReported } from './reactions/on-relapse-reported/on-relapse-reported.reaction';
import { ReferralWorkQueueProjection } from './read-models/referral-work-queue/referral-work-queue.projection';

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
    }),
    RedeliveryModule.forService(HealthLiaisonRedeliveryRequestedV1),
    CommandsModule,
    PersonJourneyModule,
    WebhooksModule.forService({ fhirTopic: ReferralFhirTopic }),
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
    FhirController,
    FhirSubscriptionsController,
    RedeliverWebhookEventsController,
    SubscribeToReferralsController,
    ChangeWebhookSubscriptionStatusController,
    RotateWebhookKeyController,
    WebhookSubscriptionsController,
    WebhookAttemptsController,
    ReferralFeedController,
  ],
  providers: [
    ReferralIndex,
    RequestReferralHandler,
    SendReferralLetterHandler,
    RecordPaymentGuaranteeHandler,
    AcceptReferralHandler,
    DeclineReferralHandler,
    RedirectReferralHandler,
    WithdrawReferralHandler,
    MoveReferralToOfficeHandler,
    AdmitPatientHandler,
    RecordTreatmentNoteHandler,
    DischargePatientHandler,
    ReportAbscondingHandler,
    ReportDeathHandler,
    ReferralWorkQueueReadModel,
    ReferralDetailsReadModel,
    OnPersonsLinked,
    OnPersonErased,
    OnEmergencyAccessGranted,
    OnAssessmentCompleted,
    OnRelapseReported,
    OnCaseTransferAccepted,
    SubscribeToReferralsHandler,
    ChangeWebhookSubscriptionStatusHandler,
    RotateWebhookKeyHandler,
    RedeliverWebhookEventsHandler,
    ReferralFeedReadModel,
    ...REFERRAL_EVENT_REACTIONS,
  ],
})
export class HealthLiaisonModule {}
