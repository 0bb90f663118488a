import { PersonSearchController } from './queries/person-search/person-search.http.controller';
import { PersonSearchReadModel } from './queries/person-search/person-search.read-model';
import { CloseTracingRequestAsFoundController } from './commands/close-tracing-request-as-found/close-tracing-request-as-found.http.controller';
import { ConfirmTracingMatchHandler } from './commands/confirm-tracing-match/confirm-tracing-match.handler';
import { ConfirmTracingMatchController } from './commands/confirm-tracing-match/confirm-tracing-match.http.controller';
import { RegisterTracingRequestController } from './commands/register-tracing-request/register-tracing-request.http.controller';
import { RejectTracingMatchController } from './commands/reject-tracing-match/reject-tracing-match.http.controller';
import { UpdateTracingRequestController } from './commands/update-tracing-request/update-tracing-request.http.controller';
import { WithdrawTracingRequestController } from './commands/withdraw-tracing-request/withdraw-tracing-request.http.controller';
import { TracingRequestWriteHandler } from './application/tracing-request-write';
import { TracingCandidateController } from './queries/tracing-candidate/tracing-candidate.http.controller';
import { TracingMatchesController } from './queries/tracing-matches/tracing-matches.http.controller';
import { TracingRequestDetailsController } from './queries/tracing-request-details/tracing-request-details.http.controller';
import { MatchIndex } from './application/match-index';
import { TracingMatcher } from './reactions/match-tracing-requests/tracing-matcher';
import { TRACING_MATCHER_REACTIONS } from './reactions/match-tracing-requests/tracing-matcher.reactions';
import { TracingRequestsProjection } from './read-models/tracing-requests/tracing-requests.projection';
import { TRACING_REQUEST_EVENT_DEFINITIONS } from './domain/tracing-request/tracing-request.event-definitions';
import { Module } from '@nestjs/common';
import { CommandsModule } from '@lintas/commands/commands.module';
import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS, IntakeRedeliveryRequestedV1 } from '@lintas/contracts/intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { RedeliveryModule } from '@lintas/messaging/nest/redelivery.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import {
  ALSO_ON_PERSON_ERASED,
  OnPersonErased,
  type AlsoOnPersonErased,
} from '@lintas/person-journey/on-person-erased.reaction';
import { OnPersonsLinked } from '@lintas/person-journey/on-persons-linked.reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { CaseNumbers } from './application/case-numbers';
import { caseStreamProvider } from './application/case-stream';
import { KnownPersons } from './application/known-persons';
import { AcceptCaseTransferController } from './commands/accept-case-transfer/accept-case-transfer.http.controller';
import { AcceptCaseTransferHandler } from './commands/accept-case-transfer/accept-case-transfer.handler';
import { CloseCaseController } from './commands/close-case/close-case.http.controller';
import { CloseCaseHandler } from './commands/close-case/close-case.handler';
import { CompleteAssessmentController } from './commands/complete-assessment/complete-assessment.http.controller';
import { CompleteAssessmentHandler } from './commands/complete-assessment/complete-assessment.handler';
import { DeclineCaseTransferController } from './commands/decline-case-transfer/decline-case-transfer.http.controller';
import { DeclineCaseTransferHandler } from './commands/decline-case-transfer/decline-case-transfer.handler';
import { RequestEmergencyAccessController } from './commands/request-emergency-access/request-emergency-access.http.controller';
import { RequestEmergencyAccessHandler } from './commands/request-emergency-access/request-emergency-access.handler';
import { ReviewEmergencyAccessController } from './commands/review-emergency-access/review-emergency-access.http.controller';
import { ReviewEmergencyAccessHandler } from './commands/review-emergency-access/review-emergency-access.handler';
import { EmergencyAccessesController } from './queries/emergency-accesses/emergency-accesses.http.controller';
import { EmergencyAccessesProjection } from './read-models/emergency-accesses/emergency-accesses.projection';
import { EMERGENCY_ACCESS_EVENT_DEFINITIONS } from './domain/emergency-access/emergency-access.events';
import { OnEmergencyAccessGranted } from '@lintas/person-journey/emergency/on-emergency-access-granted.reaction';
import { ErasePersonController } from './commands/erase-person/erase-person.http.controller';
import { ErasePersonHandler } from './commands/erase-person/erase-person.handler';
import { FindDuplicateCandidatesController } from './commands/find-duplicate-candidates/find-duplicate-candidates.http.controller';
import { FindDuplicateCandidatesHandler } from './commands/find-duplicate-candidates/find-duplicate-candidates.handler';
import { HandOverPersonController } from './commands/hand-over-person/hand-over-person.http.controller';
import { HandOverPersonHandler } from './commands/hand-over-person/hand-over-person.handler';
import { IdentifyPersonController } from './commands/identify-person/identify-person.http.controller';
import { IdentifyPersonHandler } from './commands/identify-person/identify-person.handler';
import { LinkPersonsController } from './commands/link-persons/link-persons.http.controller';
import { LinkPersonsHandler } from './commands/link-persons/link-persons.handler';
import { RecordAbscondingController } from './commands/record-absconding/record-absconding.http.controller';
import { RecordAbscondingHandler } from './commands/record-absconding/record-absconding.handler';
import { RecordConsentController } from './commands/record-consent/record-consent.http.controller';
import { RecordConsentHandler } from './commands/record-consent/record-consent.handler';
import { RecordDeathHandler } from './commands/record-death/record-death.handler';
import { RegisterIntakeController } from './commands/register-intake/register-intake.http.controller';
import { RegisterIntakeHandler } from './commands/register-intake/register-intake.handler';
import { RejectDuplicateController } from './commands/reject-duplicate/reject-duplicate.http.controller';
import { RejectDuplicateHandler } from './commands/reject-duplicate/reject-duplicate.handler';
import { ReportPickupController } from './commands/report-pickup/report-pickup.http.controller';
import { ReportPickupHandler } from './commands/report-pickup/report-pickup.handler';
import { RequestCaseTransferController } from './commands/request-case-transfer/request-case-transfer.http.controller';
import { RequestCaseTransferHandler } from './commands/request-case-transfer/request-case-transfer.handler';
import { CASE_EVENT_DEFINITIONS } from './domain/case/case.events';
import { ERASURE_EVENT_DEFINITIONS } from './domain/erasure/erasure.events';
import { PICKUP_EVENT_DEFINITIONS } from './domain/pickup/pickup.events';
import { INTAKE_PUBLICATIONS } from './publications';
import { CaseDetailsController } from './queries/case-details/case-details.http.controller';
import { CaseDetailsReadModel } from './queries/case-details/case-details.read-model';
import { CaseloadController } from './queries/caseload/caseload.http.controller';
import { CaseloadReadModel } from './queries/caseload/caseload.read-model';
import { PickupDetailsController } from './queries/pickup-details/pickup-details.http.controller';
import { PickupDetailsReadModel } from './queries/pickup-details/pickup-details.read-model';
import { WhereaboutsController } from './queries/whereabouts/whereabouts.http.controller';
import { WhereaboutsReadModel } from './queries/whereabouts/whereabouts.read-model';
import { OnCaseClosed } from './reactions/on-case-closed/on-case-closed.reaction';
import { OnPatientAbsconded } from './reactions/on-patient-absconded/on-patient-absconded.reaction';
import { OnPersonDied } from './reactions/on-person-died/on-person-died.reaction';
import { OnResidentAbsconded } from './reactions/on-resident-absconded/on-resident-absconded.reaction';
import { CaseloadProjection } from './read-models/caseload/caseload.projection';
import { KnownPersonsProjection } from './read-models/known-persons/known-persons.projection';
import { WhereaboutsProjection } from './read-models/whereabouts/whereabouts.projection';
import { WHEREABOUTS_REACTIONS } from './read-models/whereabouts/whereabouts.reactions';
import { AGENCY_DIRECTORY, ConventionAgencyDirectory } from './reference-data/agency-directory';
import { loadRegionDirectory, REGION_DIRECTORY } from './reference-data/region-directory';

/** Pickups by Satpol PP and Polri, hand-over to Dinas Sosial, intake, identification and assessment. */
@Module({
  imports: [
    CommandsModule,
    EventStoreModule.forService({
      schema: 'intake',
      definitions: [
        ...PICKUP_EVENT_DEFINITIONS,
        ...CASE_EVENT_DEFINITIONS,
        ...ERASURE_EVENT_DEFINITIONS,
        ...EMERGENCY_ACCESS_EVENT_DEFINITIONS,
        ...TRACING_REQUEST_EVENT_DEFINITIONS,
      ],
      integration: (source) => integrationMapper(source, INTAKE_PUBLICATIONS),
      projections: (schema, store) => [
        new PersonJourneyProjection(schema),
        new CaseloadProjection(schema),
        new KnownPersonsProjection(schema, store.cipher),
        new WhereaboutsProjection(schema),
        new EmergencyAccessesProjection(schema, store.cipher),
        new TracingRequestsProjection(schema),
      ],
    }),
    MessagingModule.forService({
      publishes: INTAKE_CONTRACTS,
      knows: [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ],
    }),
    RedeliveryModule.forService(IntakeRedeliveryRequestedV1),
    PersonJourneyModule,
  ],
  controllers: [
    ReportPickupController,
    HandOverPersonController,
    RegisterIntakeController,
    IdentifyPersonController,
    FindDuplicateCandidatesController,
    RejectDuplicateController,
    LinkPersonsController,
    RecordConsentController,
    CompleteAssessmentController,
    RequestCaseTransferController,
    AcceptCaseTransferController,
    DeclineCaseTransferController,
    RecordAbscondingController,
    CloseCaseController,
    ErasePersonController,
    RequestEmergencyAccessController,
    ReviewEmergencyAccessController,
    EmergencyAccessesController,
    PickupDetailsController,
    CaseDetailsController,
    CaseloadController,
    WhereaboutsController,
    RegisterTracingRequestController,
    UpdateTracingRequestController,
    WithdrawTracingRequestController,
    CloseTracingRequestAsFoundController,
    ConfirmTracingMatchController,
    RejectTracingMatchController,
    TracingRequestDetailsController,
    TracingCandidateController,
    TracingMatchesController,
    PersonSearchController,
  ],
  providers: [
    { provide: REGION_DIRECTORY, useFactory: () => loadRegionDirectory() },
    { provide: AGENCY_DIRECTORY, useClass: ConventionAgencyDirectory },
    caseStreamProvider,
    CaseNumbers,
    KnownPersons,
    ReportPickupHandler,
    HandOverPersonHandler,
    RegisterIntakeHandler,
    IdentifyPersonHandler,
    FindDuplicateCandidatesHandler,
    RejectDuplicateHandler,
    LinkPersonsHandler,
    RecordConsentHandler,
    CompleteAssessmentHandler,
    RequestCaseTransferHandler,
    AcceptCaseTransferHandler,
    DeclineCaseTransferHandler,
    RecordAbscondingHandler,
    RecordDeathHandler,
    CloseCaseHandler,
    ErasePersonHandler,
    RequestEmergencyAccessHandler,
    ReviewEmergencyAccessHandler,
    PickupDetailsReadModel,
    CaseDetailsReadModel,
    CaseloadReadModel,
    WhereaboutsReadModel,
    OnPersonsLinked,
    OnPersonErased,
    OnEmergencyAccessGranted,
    OnCaseClosed,
    OnPersonDied,
    OnPatientAbsconded,
    OnResidentAbsconded,
    ...WHEREABOUTS_REACTIONS,
    TracingRequestWriteHandler,
    ConfirmTracingMatchHandler,
    MatchIndex,
    TracingMatcher,
    {
      // An erased person leaves the matching: their record and its blind-index tokens go.
      provide: ALSO_ON_PERSON_ERASED,
      useFactory:
        (matcher: TracingMatcher): AlsoOnPersonErased =>
        (persons, tx) =>
          matcher.withdrawn(persons, tx),
      inject: [TracingMatcher],
    },
    ...TRACING_MATCHER_REACTIONS,
    PersonSearchReadModel,
  ],
})
export class IntakeModule {}
