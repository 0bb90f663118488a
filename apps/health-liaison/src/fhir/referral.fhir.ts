import type {
  CapabilityStatement,
  CodeableConcept,
  Identifier,
  Organization,
  Patient,
  Reference,
  ServiceRequest,
  Task,
  TaskOutput,
} from 'fhir/r4';
import type { ReferralDetails } from '../queries/referral-details/referral-details.read-model';
import type { ReferralStatus } from '../domain/referral/referral.state';
import type { Urgency } from '../domain/referral/referral.vocabulary';

/**
 * A referral as FHIR R4 resources, the shape SATUSEHAT (Indonesia's health data platform) and the
 * hospitals' own systems speak: the request as a ServiceRequest, the RSJ's work on it as a Task, the
 * person as a Patient, the agencies as Organizations (docs/architecture.md, "FHIR R4"). Pure: what a
 * resource holds is decided here, who may read it by the routes.
 */

/** SATUSEHAT's identifier systems (the national identity number and SATUSEHAT's own patient number). */
export const NIK_SYSTEM = 'https://fhir.kemkes.go.id/id/nik';
export const IHS_NUMBER_SYSTEM = 'https://fhir.kemkes.go.id/id/ihs-number';

/** Lintas's own identifiers and codes, under the base its problem types use. */
const LINTAS = 'https://lintas.id/fhir';

/** The topic an RSJ subscribes to: the referrals addressed to it, their answers, admission and discharge. */
export const RSJ_REFERRAL_TOPIC = `${LINTAS}/SubscriptionTopic/rsj-referral`;
export const LINTAS_SYSTEMS = {
  person: `${LINTAS}/sid/person`,
  referral: `${LINTAS}/sid/referral`,
  agency: `${LINTAS}/sid/agency`,
  /** An RSJ's medical record numbers: one system per RSJ, as SATUSEHAT keeps one per organization. */
  medicalRecord: (rsjId: string) => `${LINTAS}/sid/medical-record/${rsjId}`,
  agencyKind: `${LINTAS}/CodeSystem/agency-kind`,
  declineReason: `${LINTAS}/CodeSystem/decline-reason`,
  dischargeType: `${LINTAS}/CodeSystem/discharge-type`,
  dischargeRecommendation: `${LINTAS}/CodeSystem/discharge-recommendation`,
  referralEnding: `${LINTAS}/CodeSystem/referral-ending`,
  taskOutput: `${LINTAS}/CodeSystem/task-output`,
} as const;

/** The Task outputs the RSJ writes (and reads back): their codes in LINTAS_SYSTEMS.taskOutput. */
export const TASK_OUTPUTS = [
  'expected-admission-on',
  'ward',
  'hospital-record-number',
  'discharge-type',
  'discharge-recommendation',
  'panti',
  'medication-plan',
  'summary',
  'next-control-date',
] as const;
export type TaskOutputCode = (typeof TASK_OUTPUTS)[number];

/** The referral's status as the RSJ's Task: its work on the request. */
export const TASK_STATUS_OF: Record<ReferralStatus, Task['status']> = {
  requested: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  // Declined first; the office then sent the person elsewhere (a new ServiceRequest and Task).
  redirected: 'rejected',
  admitted: 'in-progress',
  discharged: 'completed',
  withdrawn: 'cancelled',
  absconded: 'failed',
  dead: 'failed',
};

/** The referral's status as the office's request: active while someone still has to act on it. */
const REQUEST_STATUS_OF: Record<ReferralStatus, ServiceRequest['status']> = {
  requested: 'active',
  accepted: 'active',
  declined: 'active',
  admitted: 'active',
  discharged: 'completed',
  redirected: 'revoked',
  withdrawn: 'revoked',
  absconded: 'revoked',
  dead: 'revoked',
};

const PRIORITY_OF: Record<Urgency, ServiceRequest['priority']> = {
  routine: 'routine',
  urgent: 'urgent',
  emergency: 'stat',
};

/** What Lintas knows of a person besides its id; health-liaison holds no NIK, intake may. */
export interface PatientFacts {
  personId: string;
  /** Only a NIK someone recorded; never invented, never a placeholder. */
  nik?: string;
  ihsNumber?: string;
  /** The RSJ's own medical record number, with the RSJ that gave it. */
  medicalRecord?: { rsjId: string; number: string };
  /** When the person died, if they did. */
  diedAt?: string;
}

export type AgencyKindInFhir = 'rsj' | 'dinas-sosial' | 'panti';

const ORGANIZATION_TYPE: Record<AgencyKindInFhir, { code: string; display: string }> = {
  rsj: { code: 'prov', display: 'Healthcare Provider' },
  'dinas-sosial': { code: 'govt', display: 'Government' },
  panti: { code: 'cg', display: 'Community Group' },
};

export const reference = {
  patient: (personId: string): Reference => ({ reference: `Patient/${personId}` }),
  organization: (agencyId: string): Reference => ({ reference: `Organization/${agencyId}` }),
  serviceRequest: (referralId: string): Reference => ({ reference: `ServiceRequest/${referralId}` }),
};

export function patientOf(facts: PatientFacts): Patient {
  const identifier: Identifier[] = [{ use: 'secondary', system: LINTAS_SYSTEMS.person, value: facts.personId }];
  if (facts.nik) identifier.push({ use: 'official', system: NIK_SYSTEM, value: facts.nik });
  if (facts.ihsNumber) identifier.push({ use: 'official', system: IHS_NUMBER_SYSTEM, value: facts.ihsNumber });
  if (facts.medicalRecord) {
    identifier.push({
      use: 'usual',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      system: LINTAS_SYSTEMS.medicalRecord(facts.medicalRecord.rsjId),
      value: facts.medicalRecord.number,
      assigner: reference.organization(facts.medicalRecord.rsjId),
    });
  }
  return {
    resourceType: 'Patient',
    id: facts.personId,
    identifier,
    ...(facts.diedAt && { deceasedDateTime: facts.diedAt }),
  };
}

/** An agency Lintas knows by its id; the register holds its name, which the referral does not. */
export function organizationOf(agencyId: string, kind: AgencyKindInFhir): Organization {
  const type = ORGANIZATION_TYPE[kind];
  return {
    resourceType: 'Organization',
    id: agencyId,
    identifier: [{ system: LINTAS_SYSTEMS.agency, value: agencyId }],
    active: true,
    type: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', ...type }] },
      { coding: [{ system: LINTAS_SYSTEMS.agencyKind, code: kind }] },
    ],
  };
}

/** The office's request to the RSJ: who, why, how urgent, to whom. */
export function serviceRequestOf(referral: ReferralDetails & { version?: number }): ServiceRequest {
  const notes = [
    referral.letter?.escort && { text: `Escort: ${referral.letter.escort}` },
    referral.letter && {
      text: `Social worker to call: ${referral.letter.workerContact.name}, ${referral.letter.workerContact.phone}`,
    },
  ].filter((note): note is { text: string } => Boolean(note));
  return {
    resourceType: 'ServiceRequest',
    id: referral.referralId,
    ...meta(referral),
    identifier: [{ system: LINTAS_SYSTEMS.referral, value: referral.referralId }],
    ...(referral.redirectedFromReferralId && {
      replaces: [reference.serviceRequest(referral.redirectedFromReferralId)],
    }),
    status: REQUEST_STATUS_OF[referral.status],
    intent: 'order',
    priority: PRIORITY_OF[referral.urgency],
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }] }],
    code: { text: 'Psychiatric hospital referral (rujukan RSJ)' },
    subject: reference.patient(referral.personId),
    authoredOn: referral.requestedAt,
    requester: reference.organization(referral.officeId),
    performer: [reference.organization(referral.rsjId)],
    ...(referral.letter && { reasonCode: [{ text: referral.letter.reason }] }),
    ...(notes.length > 0 && { note: notes }),
  };
}

/** The RSJ's work on the request: requested → accepted or rejected → in-progress → completed. */
export function taskOf(referral: ReferralDetails & { version?: number }): Task {
  const outputs: TaskOutput[] = [];
  if (referral.decision?.expectedAdmissionOn) {
    outputs.push(output('expected-admission-on', { valueDate: referral.decision.expectedAdmissionOn }));
  }
  if (referral.admission) {
    outputs.push(output('ward', { valueString: referral.admission.ward }));
    outputs.push(
      output('hospital-record-number', {
        valueIdentifier: {
          system: LINTAS_SYSTEMS.medicalRecord(referral.rsjId),
          value: referral.admission.hospitalRecordNumber,
        },
      }),
    );
  }
  const discharge = referral.discharge;
  if (discharge) {
    outputs.push(output('discharge-type', { valueCodeableConcept: coded('dischargeType', discharge.dischargeType) }));
    outputs.push(
      output('discharge-recommendation', {
        valueCodeableConcept: coded('dischargeRecommendation', discharge.recommendation),
      }),
    );
    if (discharge.pantiId) outputs.push(output('panti', { valueReference: reference.organization(discharge.pantiId) }));
    outputs.push(output('medication-plan', { valueString: discharge.medicationPlan }));
    if (discharge.summary) outputs.push(output('summary', { valueString: discharge.summary }));
    if (discharge.nextControlDate) outputs.push(output('next-control-date', { valueDate: discharge.nextControlDate }));
  }
  const start = referral.admission?.admittedAt;
  const end = discharge?.dischargedAt;
  return {
    resourceType: 'Task',
    id: referral.referralId,
    ...meta(referral),
    identifier: [{ system: LINTAS_SYSTEMS.referral, value: referral.referralId }],
    basedOn: [reference.serviceRequest(referral.referralId)],
    status: TASK_STATUS_OF[referral.status],
    ...statusReasonOf(referral),
    intent: 'order',
    priority: PRIORITY_OF[referral.urgency],
    focus: reference.serviceRequest(referral.referralId),
    for: reference.patient(referral.personId),
    authoredOn: referral.requestedAt,
    lastModified: lastModifiedOf(referral),
    requester: reference.organization(referral.officeId),
    owner: reference.organization(referral.rsjId),
    ...(start && { executionPeriod: { start, ...(end && { end }) } }),
    ...(outputs.length > 0 && { output: outputs }),
  };
}

/** What this service serves of FHIR R4: reads of a referral's resources, and the RSJ's Task updates. */
export function capabilityStatement(version: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-06-01',
    publisher: 'Lintas',
    kind: 'instance',
    software: { name: 'Lintas health-liaison', version },
    implementation: { description: 'RSJ referrals of Lintas, as FHIR R4 resources (SATUSEHAT identifiers)' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'The addressed RSJ reads its referrals and answers them by updating the Task (PUT with a new status), ' +
          'and subscribes to them (Subscriptions R5 Backport IG: rest-hook, handshake, heartbeat, $status, $events).',
        security: {
          description:
            'OAuth 2.0 bearer access tokens from the Lintas identity provider, for agencies of kind rsj; ' +
            'a referral addressed to another RSJ does not exist for the caller (404).',
        },
        resource: [
          { type: 'ServiceRequest', interaction: [{ code: 'read' }] },
          { type: 'Task', interaction: [{ code: 'read' }, { code: 'update' }], updateCreate: false },
          { type: 'Patient', interaction: [{ code: 'read' }] },
          {
            type: 'Subscription',
            // The topics a subscription may name (Backport IG: R4 has no SubscriptionTopic resource).
            extension: [
              {
                url: 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical',
                valueCanonical: RSJ_REFERRAL_TOPIC,
              },
            ],
            supportedProfile: [
              'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription',
            ],
            interaction: [{ code: 'read' }, { code: 'update' }, { code: 'search-type' }],
            updateCreate: true,
            operation: [
              {
                name: 'status',
                definition:
                  'http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status',
              },
              {
                name: 'events',
                definition:
                  'http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-events',
              },
            ],
          },
        ],
      },
    ],
  };
}

function meta(referral: { version?: number }): Pick<Task, 'meta'> {
  return referral.version === undefined ? {} : { meta: { versionId: String(referral.version) } };
}

function output(code: TaskOutputCode, value: Omit<TaskOutput, 'type'>): TaskOutput {
  return { type: { coding: [{ system: LINTAS_SYSTEMS.taskOutput, code }] }, ...value };
}

function coded(system: keyof typeof LINTAS_SYSTEMS, code: string, text?: string): CodeableConcept {
  return { coding: [{ system: LINTAS_SYSTEMS[system] as string, code }], ...(text && { text }) };
}

function statusReasonOf(referral: ReferralDetails): Pick<Task, 'statusReason'> {
  if (referral.decision?.outcome === 'declined' && referral.decision.reason) {
    return { statusReason: coded('declineReason', referral.decision.reason, referral.decision.note) };
  }
  if (referral.ending) {
    return { statusReason: coded('referralEnding', referral.ending.kind, referral.ending.detail) };
  }
  return {};
}

function lastModifiedOf(referral: ReferralDetails): string {
  const times = [
    referral.requestedAt,
    referral.decision?.at,
    referral.admission?.admittedAt,
    referral.discharge?.dischargedAt,
    referral.ending?.at,
  ].filter((at): at is string => Boolean(at));
  return times.reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest));
}
