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
import { ReunificationWritesModule } from './application/reunification-writes.module';
import { AddTracingLeadsController } from './commands/add-tracing-leads/add-tracing-leads.http.controller';
import { ArrangeLongTermPlacementController } from './commands/arrange-long-term-placement/arrange-long-term-placement.http.controller';
import { CloseCaseController } from './commands/close-case/close-case.http.controller';
import { CompleteFollowUpVisitController } from './commands/complete-follow-up-visit/complete-follow-up-visit.http.controller';
import { CompleteHomeVisitController } from './commands/complete-home-visit/complete-home-visit.http.controller';
import { CompleteReunificationController } from './commands/complete-reunification/complete-reunification.http.controller';
import { RecordFamilyDeclinedController } from './commands/record-family-declined/record-family-declined.http.controller';
import { RecordFamilyNotFoundController } from './commands/record-family-not-found/record-family-not-found.http.controller';
import { RecordFamilyTracedController } from './commands/record-family-traced/record-family-traced.http.controller';
import { RecordFollowUpMissedController } from './commands/record-follow-up-missed/record-follow-up-missed.http.controller';
import { ReportRelapseController } from './commands/report-relapse/report-relapse.http.controller';
import { TransferToOriginController } from './commands/transfer-to-origin/transfer-to-origin.http.controller';
import { REUNIFICATION_EVENT_DEFINITIONS } from './domain/reunification/reunification.event-definitions';
import { FAMILY_REUNIFICATION_PUBLICATIONS } from './publications';
import { CaseReunificationController } from './queries/case-reunification/case-reunification.http.controller';
import { CaseloadController } from './queries/caseload/caseload.http.controller';
import { FollowUpsDueController } from './queries/follow-ups-due/follow-ups-due.http.controller';
import { OnAssessmentCompleted } from './reactions/on-assessment-completed/on-assessment-completed.reaction';
import { OnCaseTransferAccepted } from './reactions/on-case-transfer-accepted/on-case-transfer-accepted.reaction';
import { OnCaseTransferDeclined } from './reactions/on-case-transfer-declined/on-case-transfer-declined.reaction';
import { OnPatientDischarged } from './reactions/on-patient-discharged/on-patient-discharged.reaction';
import { OnPersonDied } from './reactions/on-person-died/on-person-died.reaction';
import { OnRehabilitationTerminated } from './reactions/on-rehabilitation-terminated/on-rehabilitation-terminated.reaction';
import { ReunificationsProjection } from './read-models/reunifications.projection';

/** Family tracing, return to the family or region of origin, long-term placement, follow-up and closure. */
@Module({
  imports: [
    ReunificationWritesModule,
    EventStoreModule.forService({
      schema: 'family_reunification',
      definitions: REUNIFICATION_EVENT_DEFINITIONS,
      integration: (source) => integrationMapper(source, FAMILY_REUNIFICATION_PUBLICATIONS),
      projections: (schema) => [new PersonJourneyProjection(schema), new ReunificationsProjection(schema)],
    }),
    MessagingModule.forService({
      publishes: FAMILY_REUNIFICATION_CONTRACTS,
      knows: [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ],
      reactions: [
        OnPersonsLinked,
        OnAssessmentCompleted,
        OnPatientDischarged,
        OnRehabilitationTerminated,
        OnCaseTransferAccepted,
        OnCaseTransferDeclined,
        OnPersonDied,
      ],
    }),
    PersonJourneyModule,
  ],
  controllers: [
    AddTracingLeadsController,
    RecordFamilyTracedController,
    RecordFamilyNotFoundController,
    CompleteHomeVisitController,
    RecordFamilyDeclinedController,
    TransferToOriginController,
    CompleteReunificationController,
    ArrangeLongTermPlacementController,
    CompleteFollowUpVisitController,
    RecordFollowUpMissedController,
    ReportRelapseController,
    CloseCaseController,
    CaseReunificationController,
    CaseloadController,
    FollowUpsDueController,
  ],
})
export class FamilyReunificationModule {}
