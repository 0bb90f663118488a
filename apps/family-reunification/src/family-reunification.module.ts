import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandsModule } from '@lintas/commands/commands.module';
import {
  FAMILY_REUNIFICATION_CONTRACTS,
  FamilyReunificationRedeliveryRequestedV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
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
import { CaseRegister } from './application/case-register';
import { ComplaintEscalation } from './application/complaint-escalation';
import { ParentOffices, ParentOfficesInterceptor } from './application/parent-offices';
import { AddTracingLeadsHandler } from './commands/add-tracing-leads/add-tracing-leads.handler';
import { AddTracingLeadsController } from './commands/add-tracing-leads/add-tracing-leads.http.controller';
import { AnswerComplaintHandler } from './commands/answer-complaint/answer-complaint.handler';
import { AnswerComplaintController } from './commands/answer-complaint/answer-complaint.http.controller';
import { ArrangeLongTermPlacementHandler } from './commands/arrange-long-term-placement/arrange-long-term-placement.handler';
import { ArrangeLongTermPlacementController } from './commands/arrange-long-term-placement/arrange-long-term-placement.http.controller';
import { CloseCaseHandler } from './commands/close-case/close-case.handler';
import { CloseCaseController } from './commands/close-case/close-case.http.controller';
import { CloseComplaintHandler } from './commands/close-complaint/close-complaint.handler';
import { CloseComplaintController } from './commands/close-complaint/close-complaint.http.controller';
import { CompleteFollowUpVisitHandler } from './commands/complete-follow-up-visit/complete-follow-up-visit.handler';
import { CompleteFollowUpVisitController } from './commands/complete-follow-up-visit/complete-follow-up-visit.http.controller';
import { CompleteHomeVisitHandler } from './commands/complete-home-visit/complete-home-visit.handler';
import { CompleteHomeVisitController } from './commands/complete-home-visit/complete-home-visit.http.controller';
import { CompleteReunificationHandler } from './commands/complete-reunification/complete-reunification.handler';
import { CompleteReunificationController } from './commands/complete-reunification/complete-reunification.http.controller';
import { EscalateOverdueComplaintHandler } from './commands/escalate-overdue-complaint/escalate-overdue-complaint.handler';
import { FileComplaintHandler } from './commands/file-complaint/file-complaint.handler';
import { FileComplaintController } from './commands/file-complaint/file-complaint.http.controller';
import { MoveCaseOwnershipHandler } from './commands/move-case-ownership/move-case-ownership.handler';
import { RecordFamilyDeclinedReturnHandler } from './commands/record-family-declined-return/record-family-declined-return.handler';
import { RecordFamilyDeclinedReturnController } from './commands/record-family-declined-return/record-family-declined-return.http.controller';
import { RecordFamilyNotFoundHandler } from './commands/record-family-not-found/record-family-not-found.handler';
import { RecordFamilyNotFoundController } from './commands/record-family-not-found/record-family-not-found.http.controller';
import { RecordFamilyTracedHandler } from './commands/record-family-traced/record-family-traced.handler';
import { RecordFamilyTracedController } from './commands/record-family-traced/record-family-traced.http.controller';
import { RecordFollowUpMissedHandler } from './commands/record-follow-up-missed/record-follow-up-missed.handler';
import { RecordFollowUpMissedController } from './commands/record-follow-up-missed/record-follow-up-missed.http.controller';
import { RecordPersonDeathHandler } from './commands/record-person-death/record-person-death.handler';
import { RecordTransferDeclinedHandler } from './commands/record-transfer-declined/record-transfer-declined.handler';
import { ReportRelapseHandler } from './commands/report-relapse/report-relapse.handler';
import { ReportRelapseController } from './commands/report-relapse/report-relapse.http.controller';
import { StartFamilyTracingHandler } from './commands/start-family-tracing/start-family-tracing.handler';
import { TransferToRegionOfOriginHandler } from './commands/transfer-to-region-of-origin/transfer-to-region-of-origin.handler';
import { TransferToRegionOfOriginController } from './commands/transfer-to-region-of-origin/transfer-to-region-of-origin.http.controller';
import { COMPLAINT_EVENT_DEFINITIONS } from './domain/complaint/complaint.event-definitions';
import { REUNIFICATION_EVENT_DEFINITIONS } from './domain/reunification/reunification.event-definitions';
import { FAMILY_REUNIFICATION_PUBLICATIONS } from './publications';
import { CaseReunificationController } from './queries/case-reunification/case-reunification.http.controller';
import { CaseReunificationReadModel } from './queries/case-reunification/case-reunification.read-model';
import { CaseloadController } from './queries/caseload/caseload.http.controller';
import { CaseloadReadModel } from './queries/caseload/caseload.read-model';
import { ComplaintDetailsController } from './queries/complaint-details/complaint-details.http.controller';
import { ComplaintDetailsReadModel } from './queries/complaint-details/complaint-details.read-model';
import { ComplaintQueueController } from './queries/complaint-queue/complaint-queue.http.controller';
import { ComplaintQueueReadModel } from './queries/complaint-queue/complaint-queue.read-model';
import { FollowUpsDueController } from './queries/follow-ups-due/follow-ups-due.http.controller';
import { FollowUpsDueReadModel } from './queries/follow-ups-due/follow-ups-due.read-model';
import { OnAssessmentCompleted } from './reactions/on-assessment-completed/on-assessment-completed.reaction';
import { OnCaseTransferAccepted } from './reactions/on-case-transfer-accepted/on-case-transfer-accepted.reaction';
import { OnCaseTransferDeclined } from './reactions/on-case-transfer-declined/on-case-transfer-declined.reaction';
import { OnPatientDischarged } from './reactions/on-patient-discharged/on-patient-discharged.reaction';
import { OnPersonDied } from './reactions/on-person-died/on-person-died.reaction';
import { OnTracingMatchConfirmed } from './reactions/on-tracing-match-confirmed/on-tracing-match-confirmed.reaction';
import { OnRehabilitationTerminated } from './reactions/on-rehabilitation-terminated/on-rehabilitation-terminated.reaction';
import { ComplaintsProjection } from './read-models/complaints/complaints.projection';
import { ReunificationsProjection } from './read-models/reunifications/reunifications.projection';

/** Family tracing, return to the family or region of origin, long-term placement, follow-up and closure. */
@Module({
  imports: [
    CommandsModule,
    EventStoreModule.forService({
      schema: 'family_reunification',
      definitions: [...REUNIFICATION_EVENT_DEFINITIONS, ...COMPLAINT_EVENT_DEFINITIONS],
      integration: (source) => integrationMapper(source, FAMILY_REUNIFICATION_PUBLICATIONS),
      projections: (schema) => [
        new PersonJourneyProjection(schema),
        new ReunificationsProjection(schema),
        new ComplaintsProjection(schema),
      ],
    }),
    MessagingModule.forService({
      publishes: FAMILY_REUNIFICATION_CONTRACTS,
      knows: [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ],
    }),
    RedeliveryModule.forService(FamilyReunificationRedeliveryRequestedV1),
    PersonJourneyModule,
  ],
  controllers: [
    AddTracingLeadsController,
    RecordFamilyTracedController,
    RecordFamilyNotFoundController,
    CompleteHomeVisitController,
    RecordFamilyDeclinedReturnController,
    TransferToRegionOfOriginController,
    CompleteReunificationController,
    ArrangeLongTermPlacementController,
    CompleteFollowUpVisitController,
    RecordFollowUpMissedController,
    ReportRelapseController,
    CloseCaseController,
    CaseReunificationController,
    CaseloadController,
    FollowUpsDueController,
    FileComplaintController,
    AnswerComplaintController,
    CloseComplaintController,
    ComplaintDetailsController,
    ComplaintQueueController,
  ],
  providers: [
    CaseRegister,
    StartFamilyTracingHandler,
    AddTracingLeadsHandler,
    RecordFamilyTracedHandler,
    RecordFamilyNotFoundHandler,
    CompleteHomeVisitHandler,
    RecordFamilyDeclinedReturnHandler,
    TransferToRegionOfOriginHandler,
    MoveCaseOwnershipHandler,
    RecordTransferDeclinedHandler,
    CompleteReunificationHandler,
    ArrangeLongTermPlacementHandler,
    CompleteFollowUpVisitHandler,
    RecordFollowUpMissedHandler,
    ReportRelapseHandler,
    RecordPersonDeathHandler,
    CloseCaseHandler,
    CaseReunificationReadModel,
    CaseloadReadModel,
    FollowUpsDueReadModel,
    FileComplaintHandler,
    AnswerComplaintHandler,
    EscalateOverdueComplaintHandler,
    CloseComplaintHandler,
    ComplaintDetailsReadModel,
    ComplaintQueueReadModel,
    ParentOffices,
    { provide: APP_INTERCEPTOR, useClass: ParentOfficesInterceptor },
    ComplaintEscalation,
    OnPersonsLinked,
    OnPersonErased,
    OnEmergencyAccessGranted,
    OnAssessmentCompleted,
    OnPatientDischarged,
    OnRehabilitationTerminated,
    OnCaseTransferAccepted,
    OnCaseTransferDeclined,
    OnPersonDied,
    OnTracingMatchConfirmed,
  ],
})
export class FamilyReunificationModule {}
