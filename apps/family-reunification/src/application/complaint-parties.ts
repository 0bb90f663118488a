import type { AgencyKind } from '@lintas/platform/http/agency/agency-token';

/**
 * The kinds of agency a complaint may be routed to: whoever is responsible for what the family
 * complains of (a case's office, a referral's RSJ, a placement's panti, the police or Satpol PP
 * who picked the person up) and, once overdue, its parent office. Each answers and reads the
 * complaints routed to it; which complaint is whose is the domain's rule, not the kind's.
 */
export const COMPLAINT_ADDRESSEE_KINDS: AgencyKind[] = [
  'satpol-pp',
  'polri',
  'dinas-sosial',
  'dinas-sosial-provinsi',
  'rsj',
  'panti',
];
