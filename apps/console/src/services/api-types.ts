/**
 * The shapes of the services' answers that the pages read, as each service's `GET /openapi.json`
 * declares them (only the fields shown here). A personal field may come as `{ "$erased": true }`.
 */
export type Erased = { $erased: true };
export type Personal<T> = T | Erased;

export interface PersonFound {
  personId: string;
  caseId: string;
  caseNumber: string;
  officeId: string;
  name: Personal<string> | null;
  nikLast4: string | null;
  registeredAt: string;
  matchedOn?: 'case-number' | 'nik' | 'name' | 'descriptor';
}

export interface CaseDetails {
  caseId: string;
  caseNumber: string;
  personId: string;
  officeId: string;
  status: 'open' | 'closed';
  registeredAt: string;
  foundRegionCode: string;
  identity: {
    identifiedAt: string;
    /** Null where asked with `mask=nik` (or where none is known): `nikLast4` then shows its end. */
    nik: Personal<string> | null;
    nikLast4?: string | null;
    name: Personal<string>;
    birthDate: Personal<string> | null;
    sex: Personal<string> | null;
    originRegionCode: string | null;
    source: string;
    confidence: string;
    flags: string[];
  } | null;
  assessment: { decision: string; assessedAt: string } | null;
  linkedInto: string | null;
  outcome: string | null;
  closedAt: string | null;
}

export interface Whereabouts {
  personId: string;
  stage: string;
  since: string;
  agencyId: string | null;
  persons: string[];
}

export interface TrailStep {
  eventId: string;
  personId: string;
  type: string;
  source: string;
  stage: 'intake' | 'treatment' | 'rehabilitation' | 'reunification' | 'access' | 'other';
  occurredAt: string;
  recordedAt: string;
  actor: { agencyId: string | null; clientId: string | null };
  correlationId: string | null;
  causationId: string | null;
  data: Record<string, unknown>;
}

export interface Trail {
  personId: string;
  persons: string[];
  asOf: string | null;
  standing: { stage: string; lastStep: string; agencyId: string | null; since: string } | null;
  steps: TrailStep[];
}

export interface AccessRecord {
  id: string;
  at: string;
  outcome: 'granted' | 'refused';
  status: number;
  clientId: string | null;
  agencyId: string | null;
  agencyKind: string | null;
  userId: string | null;
  method: string;
  route: string;
  fields: string[];
  reason?: string;
}

export interface AccessRecords {
  personId: string;
  records: AccessRecord[];
}

export interface Referral {
  referralId: string;
  caseId: string;
  personId: string;
  officeId: string;
  rsjId: string;
  status: string;
  urgency: string;
  requestedAt: string;
}

export interface Placement {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
  officeId: string;
  kind: string;
  status: string;
  requestedAt: string;
  admittedAt: string | null;
  queueStatus?: 'bed-reserved' | 'waiting';
  queuePosition?: number | null;
}

export interface Reunification {
  reunificationId: string;
  caseId: string;
  personId: string;
  status: string;
  startedAt: string;
  nextFollowUpDue: string | null;
}

export interface TracingMatch {
  tracingRequestId: string;
  candidatePersonId: string;
  status: string;
  probability: number;
  proposedAt: string;
  ageDays: number;
}

export interface FollowUpDue {
  reunificationId: string;
  caseId: string;
  personId: string;
  visit: number;
  dueOn: string;
  overdue: boolean;
}

export interface ComplaintInQueue {
  complaintId: string;
  personId: string;
  kind: string;
  filedBy: string;
  filedAt: string;
  answerBy: string;
  overdue: boolean;
  escalations: number;
}

export interface CaseInQueue {
  caseId: string;
  caseNumber: string;
  personId: string;
  officeId: string;
  registeredAt: string;
  transferTo: string | null;
  transferRequestedAt: string | null;
}

export interface IndicatorRow {
  indicator: string;
  unit: string;
  regionLevel: 'province' | 'kabupaten-kota';
  regionCode: string;
  period: string;
  breakdown: string | null;
  value: number;
  observations: number | null;
  p90: number | null;
}

export interface Indicators {
  from: string;
  to: string;
  by: 'month' | 'year';
  region: string | null;
  periods: string[];
  rows: IndicatorRow[];
  notes: string[];
  computedAt: string;
}

export interface VerificationResult {
  verificationId: string;
  ok: boolean;
  results: {
    subject: string;
    ok: boolean;
    checked: number;
    breaks: { kind: string; detail: string }[];
    error?: string;
  }[];
}

export interface DeadLetter {
  id: string;
  consumerGroup: string;
  reason: string;
  detail: string;
  topic: string;
  event: { id: string | null; type: string | null; time: string | null };
  failedAt: string;
  redrivenAt: string | null;
  redriveReason: string | null;
  erasedAt: string | null;
}

export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  statusReason: string | null;
  statusChangedAt: string;
  lastSequence: number;
  createdAt: string;
}

/** rehabilitation `GET /work-queues/beds`: a panti's bed book in counts. */
export interface PantiBeds {
  pantiId: string;
  beds: number;
  waitlistLimit: number | null;
  occupied: number;
  reserved: number;
  free: number;
  waiting: number;
}
