import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import { type AgencyKind } from '../actor';

export const REVIEW_VERDICTS = ['justified', 'unjustified'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/**
 * Break-the-glass: an agency the rules keep from a person took emergency access to them, with its
 * reason, until `expiresAt`. The offices that own the person's cases are told and must review it.
 */
export type EmergencyAccessGranted = DomainEvent<
  'EmergencyAccessGranted',
  {
    accessId: string;
    personId: string;
    agencyId: string;
    agencyKind: AgencyKind;
    /** Why, in the agency's words: sealed, it may tell of the person's condition. */
    reason: string;
    grantedAt: string;
    expiresAt: string;
    /** The offices owning the person's cases when it was taken: they review it. */
    owningOfficeIds: string[];
  }
>;

/** An owning office (or an admin) judged an emergency access afterwards. */
export type EmergencyAccessReviewed = DomainEvent<
  'EmergencyAccessReviewed',
  {
    accessId: string;
    personId: string;
    verdict: ReviewVerdict;
    note: string | null;
    reviewedBy: string;
    reviewedAt: string;
  }
>;

export type EmergencyAccessEvent = EmergencyAccessGranted | EmergencyAccessReviewed;

export const EMERGENCY_ACCESS_EVENT_DEFINITIONS: EventDefinition[] = [
  { type: 'EmergencyAccessGranted', schemaVersion: 1, personalFields: ['reason'] },
  { type: 'EmergencyAccessReviewed', schemaVersion: 1, personalFields: ['note'] },
];
