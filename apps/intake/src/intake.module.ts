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
import { IntakeWritesModule } from './application/intake-writes.module';
import { KnownPersonsProjection } from './application/known-persons';
import { AcceptCaseTransferController } from './commands/accept-case-transfer/accept-case-transfer.http.controller';
import { CheckDuplicatesController } from './commands/check-duplicates/check-duplicates.http.controller';
import { CloseCaseController } from './commands/close-case/close-case.http.controller';
import { CompleteAssessmentController } from './commands/complete-assessment/complete-assessment.http.controller';
import { DeclineCaseTransferController } from './commands/decline-case-transfer/decline-case-transfer.http.controller';
import { HandOverPersonController } from './commands/hand-over-person/hand-over-person.http.controller';
import { IdentifyPersonController } from './commands/identify-person/identify-person.http.controller';
import { LinkPersonsController } from './commands/link-persons/link-persons.http.controller';
import { RecordAbscondingController } from './commands/record-absconding/record-absconding.http.controller';
import { RecordConsentController } from './commands/record-consent/record-consent.http.controller';
import { RegisterIntakeController } from './commands/register-intake/register-intake.http.controller';
import { RejectDuplicateController } from './commands/reject-duplicate/reject-duplicate.http.controller';
import { ReportPickupController } from './commands/report-pickup/report-pickup.http.controller';
import { RequestCaseTransferController } from './commands/request-case-transfer/request-case-transfer.http.controller';
import { CASE_EVENT_DEFINITIONS } from './domain/case/case.events';
import { PICKUP_EVENT_DEFINITIONS } from './domain/pickup/pickup.events';
import { INTAKE_PUBLICATIONS } from './publications';
import { CaseDetailsController } from './queries/case-details/case-details.http.controller';
import { CaseloadController } from './queries/caseload/caseload.http.controller';
import { CaseloadProjection } from './queries/caseload/caseload.projection';
import { PickupDetailsController } from './queries/pickup-details/pickup-details.http.controller';
import { WhereaboutsController } from './queries/whereabouts/whereabouts.http.controller';
import { WhereaboutsProjection } from './queries/whereabouts/whereabouts.projection';
import { JOURNEY_STEP_REACTIONS } from './reactions/journey-steps/journey-steps.reactions';
import { OnCaseClosed } from './reactions/on-case-closed/on-case-closed.reaction';
import { OnPatientAbsconded } from './reactions/on-patient-absconded/on-patient-absconded.reaction';
import { OnPersonDied } from './reactions/on-person-died/on-person-died.reaction';
import { OnResidentAbsconded } from './reactions/on-resident-absconded/on-resident-absconded.reaction';

/** Pickups by Satpol PP and Polri, hand-over to Dinas Sosial, intake, identification and assessment. */
@Module({
  imports: [
    IntakeWritesModule,
    EventStoreModule.forService({
      schema: 'intake',
      definitions: [...PICKUP_EVENT_DEFINITIONS, ...CASE_EVENT_DEFINITIONS],
      integration: (source) => integrationMapper(source, INTAKE_PUBLICATIONS),
      projections: (schema, store) => [
        new PersonJourneyProjection(schema),
        new CaseloadProjection(schema),
        new KnownPersonsProjection(schema, store.cipher),
        new WhereaboutsProjection(schema),
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
      reactions: [
        OnPersonsLinked,
        OnCaseClosed,
        OnPersonDied,
        OnPatientAbsconded,
        OnResidentAbsconded,
        ...JOURNEY_STEP_REACTIONS,
      ],
    }),
    PersonJourneyModule,
  ],
  controllers: [
    ReportPickupController,
    HandOverPersonController,
    RegisterIntakeController,
    IdentifyPersonController,
    CheckDuplicatesController,
    RejectDuplicateController,
    LinkPersonsController,
    RecordConsentController,
    CompleteAssessmentController,
    RequestCaseTransferController,
    AcceptCaseTransferController,
    DeclineCaseTransferController,
    RecordAbscondingController,
    CloseCaseController,
    PickupDetailsController,
    CaseDetailsController,
    CaseloadController,
    WhereaboutsController,
  ],
})
export class IntakeModule {}
