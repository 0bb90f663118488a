/** What a family complains of (issue 19): a delay, how the person was treated, a person not returned. */
export const COMPLAINT_KINDS = ['delay', 'treatment', 'not-returned', 'other'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** A case or a service of it, or an agency as a whole; by id only. */
export const COMPLAINT_SUBJECT_TYPES = ['case', 'referral', 'placement', 'tracing-request', 'agency'] as const;
export interface ComplaintSubject {
  type: (typeof COMPLAINT_SUBJECT_TYPES)[number];
  id: string;
}

/** `resolved` once answered and the family is told; `withdrawn` by the family at any time. */
export const COMPLAINT_OUTCOMES = ['resolved', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** `open` waits for an answer, escalated or not; `answered` waits for the filer to close it. */
export const COMPLAINT_STATUSES = ['open', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
