import { Module } from '@nestjs/common';
import { CommandsModule } from '@lintas/commands/commands.module';
import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '@lintas/contracts/intake/intake.contracts';
import {
  REHABILITATION_CONTRACTS,
  RehabilitationRedeliveryRequestedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { RedeliveryModule } from '@lintas/messaging/nest/redelivery.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OnEmergencyAccessGranted } from '@lintas/person-journey/emergency/on-emergency-access-granted.reaction';
import { OnPersonErased } from '@lintas/person-journey/on-person-erased.reaction';
import { OnPersonsLinked } from '@lintas/person-journey/on-persons-linked.reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { serviceSchema } from '@lintas/platform/service/platform.module';
import { PlacementIndex } from './application/placement-index';
import { AdmitResidentHandler } from './commands/admit-resident/admit-resident.handler';
import { AdmitResidentController } from './commands/admit-resident/admit-resident.http.controller';
import { AgreeAtensiPlanHandler } from './commands/agree-atensi-plan/agree-atensi-plan.handler';
import { AgreeAtensiPlanController } from './commands/agree-atensi-plan/agree-atensi-plan.http.controller';
import { DeclinePlacementHandler } from './commands/decline-placement/decline-placement.handler';
import { DeclinePlacementController } from './commands/decline-placement/decline-placement.http.controller';
import { RecordAtensiServiceHandler } from './commands/record-atensi-service/record-atensi-service.handler';
import { RecordAtensiServiceController } from './commands/record-atensi-service/record-atensi-service.http.controller';
import { RecordProgressReviewHandler } from './commands/record-progress-review/record-progress-review.handler';
import { RecordProgressReviewController } from './commands/record-progress-review/record-progress-review.http.controller';
import { ReportAbscondingHandler } from './commands/report-absconding/report-absconding.handler';
import { ReportAbscondingController } from './commands/report-absconding/report-absconding.http.controller';
import { ReportRelapseHandler } from './commands/report-relapse/report-relapse.handler';
import { ReportRelapseController } from './commands/report-relapse/report-relapse.http.controller';
import { RequestPlacementHandler } from './commands/request-placement/request-placement.handler';
import { RequestPlacementController } from './commands/request-placement/request-placement.http.controller';
import { ReturnAbscondedResidentHandler } from './commands/return-absconded-resident/return-absconded-resident.handler';
import { ReturnAbscondedResidentController } from './commands/return-absconded-resident/return-absconded-resident.http.controller';
import { ReturnResidentFromRsjHandler } from './commands/return-resident-from-rsj/return-resident-from-rsj.handler';
import { ReturnResidentFromRsjController } from './commands/return-resident-from-rsj/return-resident-from-rsj.http.controller';
import { SetPantiCapacityHandler } from './commands/set-panti-capacity/set-panti-capacity.handler';
import { SetPantiCapacityController } from './commands/set-panti-capacity/set-panti-capacity.http.controller';
import { TerminateRehabilitationHandler } from './commands/terminate-rehabilitation/terminate-rehabilitation.handler';
import { TerminateRehabilitationController } from './commands/terminate-rehabilitation/terminate-rehabilitation.http.controller';
import { TransferPlacementOwnershipHandler } from './commands/transfer-placement-ownership/transfer-placement-ownership.handler';
import { WithdrawPlacementRequestHandler } from './commands/withdraw-placement-request/withdraw-placement-request.handler';
import { WithdrawPlacementRequestController } from './commands/withdraw-placement-request/withdraw-placement-request.http.controller';
import { PANTI_EVENT_DEFINITIONS } from './domain/panti/panti.events';
import { PLACEMENT_EVENT_DEFINITIONS } from './domain/placement/placement.event-definitions';
import { REHABILITATION_PUBLICATIONS } from './publications';
import { BedBookController } from './queries/bed-book/bed-book.http.controller';
import { CasePlacementsController } from './queries/case-placements/case-placements.http.controller';
import { CasePlacementsReadModel } from './queries/case-placements/case-placements.read-model';
import { PlacementDetailsController } from './queries/placement-details/placement-details.http.controller';
import { PlacementDetailsReadModel } from './queries/placement-details/placement-details.read-model';
import { ReferenceDataController } from './queries/reference-data/reference-data.http.controller';
import { ResidentsController } from './queries/residents/residents.http.controller';
import { ResidentsReadModel } from './queries/residents/residents.read-model';
import { WaitingListController } from './queries/waiting-list/waiting-list.http.controller';
import { WaitingListReadModel } from './queries/waiting-list/waiting-list.read-model';
import { OnAssessmentCompleted } from './reactions/on-assessment-completed/on-assessment-completed.reaction';
import { OnCaseTransferAccepted } from './reactions/on-case-transfer-accepted/on-case-transfer-accepted.reaction';
import { OnLongTermPlacementArranged } from './reactions/on-long-term-placement-arranged/on-long-term-placement-arranged.reaction';
import { OnPatientDischarged } from './reactions/on-patient-discharged/on-patient-discharged.reaction';
import { OnPersonDied } from './reactions/on-person-died/on-person-died.reaction';
import { PlacementsProjection } from './read-models/placements/placements.projection';

/** Panti/balai placements, ATENSI plans and services, relapse and termination. */
@Module({
  imports: [
    EventStoreModule.forService({
      schema: serviceSchema('rehabilitation'),
      definitions: [...PLACEMENT_EVENT_DEFINITIONS, ...PANTI_EVENT_DEFINITIONS],
      integration: (source) => integrationMapper(source, REHABILITATION_PUBLICATIONS),
      projections: (schema) => [new PersonJourneyProjection(schema), new PlacementsProjection(schema)],
    }),
    MessagingModule.forService({
      publishes: REHABILITATION_CONTRACTS,
      knows: [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ],
    }),
    RedeliveryModule.forService(RehabilitationRedeliveryRequestedV1),
    CommandsModule,
    PersonJourneyModule,
  ],
  controllers: [
    SetPantiCapacityController,
    RequestPlacementController,
    AdmitResidentController,
    DeclinePlacementController,
    WithdrawPlacementRequestController,
    AgreeAtensiPlanController,
    RecordAtensiServiceController,
    RecordProgressReviewController,
    ReportRelapseController,
    ReturnResidentFromRsjController,
    ReportAbscondingController,
    ReturnAbscondedResidentController,
    TerminateRehabilitationController,
    PlacementDetailsController,
    CasePlacementsController,
    WaitingListController,
    ResidentsController,
    BedBookController,
    ReferenceDataController,
  ],
  providers: [
    PlacementIndex,
    SetPantiCapacityHandler,
    RequestPlacementHandler,
    AdmitResidentHandler,
    DeclinePlacementHandler,
    WithdrawPlacementRequestHandler,
    AgreeAtensiPlanHandler,
    RecordAtensiServiceHandler,
    RecordProgressReviewHandler,
    ReportRelapseHandler,
    ReturnResidentFromRsjHandler,
    ReportAbscondingHandler,
    ReturnAbscondedResidentHandler,
    TerminateRehabilitationHandler,
    TransferPlacementOwnershipHandler,
    OnPersonsLinked,
    OnPersonErased,
    OnEmergencyAccessGranted,
    OnAssessmentCompleted,
    OnPatientDischarged,
    OnLongTermPlacementArranged,
    OnPersonDied,
    OnCaseTransferAccepted,
    PlacementDetailsReadModel,
    CasePlacementsReadModel,
    WaitingListReadModel,
    ResidentsReadModel,
  ],
})
export class RehabilitationModule {}
