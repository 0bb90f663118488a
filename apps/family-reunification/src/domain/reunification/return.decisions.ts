import { DomainError } from '@lintas/domain-kernel/domain-error';
import { areValidFollowUpOffsets, followUpsDue } from './follow-up-schedule';
import type { ArrangeLongTermPlacement, CompleteReunification } from './reunification.commands';
import type { ReunificationConfig } from './reunification.config';
import type { FollowUpScheduled, LongTermPlacementArranged, ReunificationCompleted } from './reunification.events';
import { refOf, requireLocatedFamily, requireOwnOpenWork } from './reunification.guards';
import type { ReunificationState } from './reunification.state';

/** The hand-over to a located, ready family; the follow-up visits are scheduled with it. */
export function completeReunification(
  command: CompleteReunification,
  state: ReunificationState,
  config: ReunificationConfig,
): (ReunificationCompleted | FollowUpScheduled)[] {
  const open = requireLocatedFamily(state, command.actor);
  if (open.family.readiness !== 'ready') {
    throw new DomainError('reunification.family-not-ready', `the family is not ready (${open.family.readiness})`);
  }
  const offsets = command.followUpOffsetsMonths ?? config.followUpOffsetsMonths;
  if (!areValidFollowUpOffsets(offsets)) {
    throw new DomainError(
      'reunification.invalid-follow-up-offsets',
      'follow-up offsets must be increasing whole months above 0',
      'invalid',
    );
  }
  const { handedTo, place, documentsHandedOver, medicationHandedOver, puskesmasId, at } = command;
  const ref = refOf(open);
  return [
    {
      type: 'ReunificationCompleted',
      data: {
        ...ref,
        handedTo: { name: handedTo.name, relation: handedTo.relation },
        place,
        documentsHandedOver: [...documentsHandedOver],
        ...(medicationHandedOver === undefined ? {} : { medicationHandedOver }),
        at,
      },
    },
    ...followUpsDue(at, offsets).map(({ visit, dueOn }): FollowUpScheduled => ({
      type: 'FollowUpScheduled',
      data: { ...ref, visit, dueOn, ...(puskesmasId === undefined ? {} : { puskesmasId }), at },
    })),
  ];
}

/**
 * Balai is the last resort (docs/domain.md, "ATENSI"): a long-term placement needs tracing to have failed, or a
 * located family that is not ready or refuses.
 */
export function arrangeLongTermPlacement(
  command: ArrangeLongTermPlacement,
  state: ReunificationState,
): LongTermPlacementArranged[] {
  const open = requireOwnOpenWork(state, command.actor);
  if (command.reason === 'no-family' && open.phase !== 'family-not-found') {
    throw new DomainError(
      'reunification.family-not-ruled-out',
      `tracing has not ended without a family (${open.phase})`,
    );
  }
  const readiness = open.family?.readiness;
  if (command.reason === 'family-unable' && readiness !== 'not-ready' && readiness !== 'refuses') {
    throw new DomainError(
      'reunification.family-not-unable',
      `no located family has been found unable to take the person (${readiness ?? open.phase})`,
    );
  }
  const { pantiId, reason, reviewOn, at } = command;
  return [
    {
      type: 'LongTermPlacementArranged',
      data: { ...refOf(open), pantiId, reason, ...(reviewOn === undefined ? {} : { reviewOn }), at },
    },
  ];
}
