import { DomainError } from '@lintas/domain-kernel/domain-error';
import type {
  AddTracingLeads,
  CompleteHomeVisit,
  RecordFamilyDeclinedReturn,
  RecordFamilyNotFound,
  RecordFamilyTraced,
  StartFamilyTracing,
} from './reunification.commands';
import type {
  FamilyDeclinedReturn,
  FamilyNotFound,
  FamilyTraced,
  FamilyTracingStarted,
  HomeVisitCompleted,
  TracingLeadsAdded,
} from './reunification.events';
import { refOf, requireLocatedFamily, requireOwnOpenWork } from './reunification.guards';
import type { OpenedReunification, ReunificationState } from './reunification.state';

// Ownership and access are decided per kabupaten/kota, so a family must be placed at least that precisely.
const KAB_KOTA_OR_FINER = /^\d{4}(\d{2}(\d{4})?)?$/;

export function startFamilyTracing(command: StartFamilyTracing, state: ReunificationState): FamilyTracingStarted[] {
  if (state.status !== 'none') {
    throw new DomainError('reunification.already-started', 'family tracing has already started for this reunification');
  }
  if (command.actor.kind !== 'dinas-sosial') {
    throw new DomainError(
      'reunification.not-dinas-sosial',
      'family tracing is the work of a Dinas Sosial office',
      'forbidden',
    );
  }
  const { reunificationId, caseId, personId, startedFrom, leads, actor, at } = command;
  return [
    {
      type: 'FamilyTracingStarted',
      data: { reunificationId, caseId, personId, officeId: actor.agencyId, startedFrom, leads: [...leads], at },
    },
  ];
}

/** More names and places as the person remembers them, while the family is still sought. */
export function addTracingLeads(command: AddTracingLeads, state: ReunificationState): TracingLeadsAdded[] {
  const open = requireOwnOpenWork(state, command.actor);
  if (command.leads.length === 0) return [];
  return [{ type: 'TracingLeadsAdded', data: { ...refOf(open), leads: [...command.leads], at: command.at } }];
}

/** Found once tracing runs, after it failed, or again when another relative turns out better placed. */
export function recordFamilyTraced(command: RecordFamilyTraced, state: ReunificationState): FamilyTraced[] {
  const open = requireOwnOpenWork(state, command.actor);
  if (!KAB_KOTA_OR_FINER.test(command.regionCode)) {
    throw new DomainError(
      'reunification.invalid-region-code',
      'the family region must be a kabupaten/kota code (4 digits) or finer',
      'invalid',
    );
  }
  const { relation, familyMemberName, contact, regionCode, verifiedBy, at } = command;
  return [
    {
      type: 'FamilyTraced',
      data: {
        ...refOf(open),
        relation,
        ...(familyMemberName === undefined ? {} : { familyMemberName }),
        contact,
        regionCode,
        verifiedBy,
        at,
      },
    },
  ];
}

export function recordFamilyNotFound(command: RecordFamilyNotFound, state: ReunificationState): FamilyNotFound[] {
  const open = requireOwnOpenWork(state, command.actor);
  if (open.phase !== 'tracing') {
    throw new DomainError('reunification.not-tracing', `no tracing is under way (${open.phase})`);
  }
  return [{ type: 'FamilyNotFound', data: { ...refOf(open), efforts: command.efforts, at: command.at } }];
}

/** A family that refuses at the visit has declined the return: both facts are recorded at once. */
export function completeHomeVisit(
  command: CompleteHomeVisit,
  state: ReunificationState,
): (HomeVisitCompleted | FamilyDeclinedReturn)[] {
  const open = requireLocatedFamily(state, command.actor);
  const { readiness, risks, needs = [], notes, refusalReason, at } = command;
  const visit: HomeVisitCompleted = {
    type: 'HomeVisitCompleted',
    data: {
      ...refOf(open),
      readiness,
      ...(risks === undefined ? {} : { risks }),
      needs: [...needs],
      ...(notes === undefined ? {} : { notes }),
      at,
    },
  };
  if (readiness !== 'refuses' || open.family.readiness === 'refuses') return [visit];
  return [visit, declinedReturn(open, refusalReason, at)];
}

export function recordFamilyDeclinedReturn(
  command: RecordFamilyDeclinedReturn,
  state: ReunificationState,
): FamilyDeclinedReturn[] {
  const open = requireLocatedFamily(state, command.actor);
  if (open.family?.readiness === 'refuses') {
    throw new DomainError('reunification.already-declined', 'the family has already declined the return');
  }
  return [declinedReturn(open, command.reason, command.at)];
}

function declinedReturn(open: OpenedReunification, reason: string | undefined, at: string): FamilyDeclinedReturn {
  return { type: 'FamilyDeclinedReturn', data: { ...refOf(open), ...(reason === undefined ? {} : { reason }), at } };
}
