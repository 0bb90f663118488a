import type { Task, TaskOutput } from 'fhir/r4';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import type { AcceptReferralRequest } from '../commands/accept-referral/accept-referral.request.dto';
import type { AdmitPatientRequest } from '../commands/admit-patient/admit-patient.request.dto';
import type { DeclineReferralRequest } from '../commands/decline-referral/decline-referral.request.dto';
import type { DischargePatientRequest } from '../commands/discharge-patient/discharge-patient.request.dto';
import type { DeclineReason, DischargeRecommendation, DischargeType } from '../domain/referral/referral.vocabulary';
import { LINTAS_SYSTEMS, TASK_STATUS_OF, type TaskOutputCode } from './referral.fhir';
import type { ReferralStatus } from '../domain/referral/referral.state';

/**
 * What an RSJ's update of a Task asks for: one of the REST routes' commands, with the body that
 * route would have taken (validated against the same request DTO), or nothing when the Task already
 * stands where the update puts it (an update is idempotent, as FHIR's PUT is).
 */
export type TaskUpdate =
  | { kind: 'unchanged' }
  | { kind: 'accept'; body: AcceptReferralRequest }
  | { kind: 'decline'; body: DeclineReferralRequest }
  | { kind: 'admit'; body: AdmitPatientRequest }
  | { kind: 'discharge'; body: DischargePatientRequest };

/** The Task statuses an RSJ may set, and the REST route each one is. */
const COMMAND_OF: Partial<Record<NonNullable<Task['status']>, Exclude<TaskUpdate['kind'], 'unchanged'>>> = {
  accepted: 'accept',
  rejected: 'decline',
  'in-progress': 'admit',
  completed: 'discharge',
};

export function taskUpdateOf(referralId: string, current: ReferralStatus, body: unknown): TaskUpdate {
  const task = body as Partial<Task> | null;
  if (task === null || typeof task !== 'object' || task.resourceType !== 'Task') {
    throw invalid('the body must be a FHIR Task resource');
  }
  if (task.id !== undefined && task.id !== referralId) {
    throw invalid(`the Task's id (${String(task.id)}) is not the id in the URL (${referralId})`);
  }
  const status = task.status;
  if (status === TASK_STATUS_OF[current]) return { kind: 'unchanged' };
  const kind = status === undefined ? undefined : COMMAND_OF[status];
  if (!kind) {
    throw invalid(`an RSJ sets a Task's status to accepted, rejected, in-progress or completed, not ${String(status)}`);
  }
  const outputs = task.output ?? [];
  const occurredAt = (at: string | undefined) => (at ? { occurredAt: at } : {});
  switch (kind) {
    case 'accept': {
      const expectedAdmissionOn = outputOf(outputs, 'expected-admission-on')?.valueDate;
      return { kind, body: { ...(expectedAdmissionOn && { expectedAdmissionOn }) } };
    }
    case 'decline': {
      const coding = task.statusReason?.coding?.find((c) => c.system === LINTAS_SYSTEMS.declineReason);
      if (!coding?.code) {
        throw invalid(`a rejected Task needs a statusReason coded in ${LINTAS_SYSTEMS.declineReason}`);
      }
      const note = task.statusReason?.text;
      return { kind, body: { reason: coding.code as DeclineReason, ...(note && { note }) } };
    }
    case 'admit':
      return {
        kind,
        body: {
          ward: outputOf(outputs, 'ward')?.valueString as string,
          hospitalRecordNumber: (outputOf(outputs, 'hospital-record-number')?.valueIdentifier?.value ??
            outputOf(outputs, 'hospital-record-number')?.valueString) as string,
          ...occurredAt(task.executionPeriod?.start),
        },
      };
    case 'discharge': {
      const panti = outputOf(outputs, 'panti')?.valueReference?.reference;
      const summary = outputOf(outputs, 'summary')?.valueString;
      const nextControlDate = outputOf(outputs, 'next-control-date')?.valueDate;
      return {
        kind,
        body: {
          dischargeType: codeOf(outputs, 'discharge-type', LINTAS_SYSTEMS.dischargeType) as DischargeType,
          recommendation: codeOf(
            outputs,
            'discharge-recommendation',
            LINTAS_SYSTEMS.dischargeRecommendation,
          ) as DischargeRecommendation,
          medicationPlan: outputOf(outputs, 'medication-plan')?.valueString as string,
          ...(panti && { pantiId: panti.replace(/^Organization\//, '') }),
          ...(summary && { summary }),
          ...(nextControlDate && { nextControlDate }),
          ...occurredAt(task.executionPeriod?.end),
        },
      };
    }
  }
}

function outputOf(outputs: readonly TaskOutput[], code: TaskOutputCode): TaskOutput | undefined {
  return outputs.find((o) => o.type?.coding?.some((c) => c.system === LINTAS_SYSTEMS.taskOutput && c.code === code));
}

function codeOf(outputs: readonly TaskOutput[], code: TaskOutputCode, system: string): string | undefined {
  return outputOf(outputs, code)?.valueCodeableConcept?.coding?.find((c) => c.system === system)?.code;
}

function invalid(detail: string): EdgeError {
  return new EdgeError(422, 'fhir.task-invalid', detail);
}
