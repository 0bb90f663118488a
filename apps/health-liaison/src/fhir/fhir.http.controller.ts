import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  Req,
  Res,
  UseFilters,
  type Type,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CapabilityStatement, Patient, ServiceRequest, Task } from 'fhir/r4';
import { byRequest } from '@lintas/commands/write-cause';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AuditedRequest } from '@lintas/platform/http/access/audited-reads';
import { RecordsRead } from '@lintas/platform/http/access/read-shape';
import { Actor, Allow, Public } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import { IfMatch, MinPosition } from '@lintas/platform/http/request-context';
import { requestValidationPipe } from '@lintas/platform/http/validation.pipe';
import { domainActor } from '../application/domain-actor';
import { AcceptReferralCommand } from '../commands/accept-referral/accept-referral.command';
import { AcceptReferralRequest } from '../commands/accept-referral/accept-referral.request.dto';
import { AdmitPatientCommand } from '../commands/admit-patient/admit-patient.command';
import { AdmitPatientRequest } from '../commands/admit-patient/admit-patient.request.dto';
import { DeclineReferralCommand } from '../commands/decline-referral/decline-referral.command';
import { DeclineReferralRequest } from '../commands/decline-referral/decline-referral.request.dto';
import { DischargePatientCommand } from '../commands/discharge-patient/discharge-patient.command';
import { DischargePatientRequest } from '../commands/discharge-patient/discharge-patient.request.dto';
import { REFERRAL_STATUSES } from '../domain/referral/referral.state';
import {
  ReferralDetailsReadModel,
  type ReferralDetails,
} from '../queries/referral-details/referral-details.read-model';
import { ReferralWorkQueueReadModel } from '../queries/referral-work-queue/referral-work-queue.read-model';
import type { ReferralWorkQueueQuery } from '../queries/referral-work-queue/referral-work-queue.request.dto';
import { FHIR_JSON, FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirPatientResponse, FhirServiceRequestResponse, FhirTaskResponse } from './fhir.response.dto';
import { capabilityStatement, patientOf, serviceRequestOf, taskOf } from './referral.fhir';
import { taskUpdateOf, type TaskUpdate } from './task-update';

type Referral = ReferralDetails & { version: number };

/** How many of a person's referrals to one RSJ a Patient read looks through for its record number. */
const PATIENT_REFERRALS = 20;

/**
 * FHIR R4 over a referral (docs/architecture.md, "FHIR R4"): the addressed RSJ reads it as a
 * ServiceRequest, a Task and a Patient, and answers it by updating the Task, which runs the command
 * the REST route runs. The access rules are the REST routes': only the RSJ the referral is addressed
 * to, and to any other the referral does not exist (404). Errors are OperationOutcomes.
 */
@Controller('fhir')
@UseFilters(FhirOutcomeFilter)
export class FhirController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReferralDetailsReadModel) private readonly referrals: ReferralDetailsReadModel,
    @Inject(ReferralWorkQueueReadModel) private readonly workQueue: ReferralWorkQueueReadModel,
  ) {}

  /** What this server does of FHIR R4. */
  @Get('metadata')
  @Public()
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'The CapabilityStatement (FHIR R4), as application/fhir+json.' })
  metadata(): CapabilityStatement {
    return capabilityStatement('1');
  }

  /** The referral as the office's request. */
  @Get('ServiceRequest/:referralId')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ type: FhirServiceRequestResponse, description: 'The referral as a FHIR R4 ServiceRequest.' })
  async serviceRequest(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceRequest> {
    const referral = await this.addressed(referralId, actor, request, response);
    return serviceRequestOf(referral);
  }

  /** The RSJ's work on the referral; its version is the ETag to send back as If-Match. */
  @Get('Task/:referralId')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ type: FhirTaskResponse, description: 'The referral as a FHIR R4 Task.' })
  async task(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Task> {
    return taskOf(await this.addressed(referralId, actor, request, response));
  }

  /**
   * The RSJ answers the referral: status `accepted`, `rejected` (with a statusReason), `in-progress`
   * (admission: outputs `ward` and `hospital-record-number`) or `completed` (discharge: outputs
   * `discharge-type`, `discharge-recommendation`, `medication-plan`, ...). Each is the REST route's
   * command; a Task already at that status is answered as it is.
   */
  @Put('Task/:referralId')
  @Allow('rsj')
  @RecordsRead()
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ type: FhirTaskResponse, description: 'The Task after the update.' })
  async updateTask(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: Record<string, unknown>,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @Res({ passthrough: true }) response: Response,
    @IfMatch() ifMatch?: number,
  ): Promise<Task> {
    const current = await this.addressed(referralId, actor, request, response);
    const update = taskUpdateOf(referralId, current.status, body);
    if (update.kind !== 'unchanged') {
      const written = await this.commands.execute(await this.commandOf(referralId, update, actor, ifMatch));
      response.setHeader('X-Lintas-Position', written.position);
    }
    return taskOf(await this.addressed(referralId, actor, request, response));
  }

  /** The person of a referral addressed to the caller; to any other RSJ the person does not exist. */
  @Get('Patient/:personId')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ type: FhirPatientResponse, description: 'The person as a FHIR R4 Patient.' })
  async patient(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @MinPosition() minPosition?: string,
  ): Promise<Patient> {
    const query = { personId, status: REFERRAL_STATUSES.join(',') } as ReferralWorkQueueQuery;
    const queued = (await this.workQueue.queueOf(actor, query, minPosition))
      .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())
      .slice(0, PATIENT_REFERRALS);
    const referrals: ReferralDetails[] = [];
    for (const row of queued) {
      const referral = await this.referrals.seenBy(row.referralId, actor, async (_persons, visible) => visible);
      if (referral) referrals.push(referral);
    }
    if (referrals.length === 0) throw new DomainError('patient.not-found', 'no such patient', 'not-found');
    request.readPersonIds = [personId];
    const admitted = referrals.find((referral) => referral.admission);
    const died = referrals.find((referral) => referral.ending?.kind === 'died');
    return patientOf({
      personId,
      ...(admitted?.admission && {
        medicalRecord: { rsjId: admitted.rsjId, number: admitted.admission.hospitalRecordNumber },
      }),
      ...(died?.ending && { diedAt: died.ending.at }),
    });
  }

  /** The referral as its addressed RSJ reads it, its version as the ETag; else not found. */
  private async addressed(
    referralId: string,
    actor: AgencyActor,
    request: AuditedRequest,
    response: Response,
  ): Promise<Referral> {
    // No emergency access here: the FHIR routes serve the addressed RSJ's own systems.
    const referral = await this.referrals.seenBy(referralId, actor, async (_persons, visible) => visible);
    if (!referral) throw new DomainError('referral.not-found', 'no such referral', 'not-found');
    request.readPersonIds = [referral.personId];
    response.setHeader('ETag', `W/"${referral.version}"`);
    return referral;
  }

  /** The REST route's command for the update, its body checked against the REST route's request DTO. */
  private async commandOf(
    referralId: string,
    update: Exclude<TaskUpdate, { kind: 'unchanged' }>,
    actor: AgencyActor,
    ifMatch?: number,
  ) {
    const base = { referralId, actor: domainActor(actor) };
    const cause = byRequest(actor, ifMatch);
    switch (update.kind) {
      case 'accept': {
        const body = await validated(AcceptReferralRequest, update.body);
        return new AcceptReferralCommand(
          {
            type: 'AcceptReferral',
            ...base,
            at: occurredAt(body.occurredAt),
            ...(body.expectedAdmissionOn && { expectedAdmissionOn: body.expectedAdmissionOn }),
          },
          cause,
        );
      }
      case 'decline': {
        const body = await validated(DeclineReferralRequest, update.body);
        return new DeclineReferralCommand(
          {
            type: 'DeclineReferral',
            ...base,
            at: occurredAt(body.occurredAt),
            reason: body.reason,
            ...(body.note && { note: body.note }),
          },
          cause,
        );
      }
      case 'admit': {
        const body = await validated(AdmitPatientRequest, update.body);
        return new AdmitPatientCommand(
          {
            type: 'AdmitPatient',
            ...base,
            at: occurredAt(body.occurredAt),
            ward: body.ward,
            hospitalRecordNumber: body.hospitalRecordNumber,
          },
          cause,
        );
      }
      case 'discharge': {
        const body = await validated(DischargePatientRequest, update.body);
        return new DischargePatientCommand(
          {
            type: 'DischargePatient',
            ...base,
            at: occurredAt(body.occurredAt),
            dischargeType: body.dischargeType,
            recommendation: body.recommendation,
            medicationPlan: body.medicationPlan,
            ...(body.pantiId && { pantiId: body.pantiId }),
            ...(body.summary && { summary: body.summary }),
            ...(body.nextControlDate && { nextControlDate: body.nextControlDate }),
          },
          cause,
        );
      }
    }
  }
}

/** The body the REST route would have taken, checked as that route checks it (400 with the fields). */
async function validated<T extends object>(type: Type<T>, body: T): Promise<T> {
  return (await requestValidationPipe().transform(body, { type: 'body', metatype: type })) as T;
}
