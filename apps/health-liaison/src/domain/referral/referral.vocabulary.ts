/**
 * The codes a referral is described with. They mirror the health-liaison contracts; kept here so
 * the domain depends on nothing, and the contract mapping fails to compile if the two drift apart.
 */
export const GUARANTEE_KINDS = ['bpjs-pbi', 'bpjs', 'jamkesda', 'sktm', 'dinas-sosial-letter'] as const;
export type GuaranteeKind = (typeof GUARANTEE_KINDS)[number];

export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const DECLINE_REASONS = ['no-bed', 'not-indicated', 'no-guarantee', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DISCHARGE_RECOMMENDATIONS = ['panti', 'family', 'outpatient'] as const;
export type DischargeRecommendation = (typeof DISCHARGE_RECOMMENDATIONS)[number];

/** How the stay ended: on the doctor's advice, at the request of the patient or guardian (APS), or by transfer. */
export const DISCHARGE_TYPES = ['medical-advice', 'own-request', 'transfer'] as const;
export type DischargeType = (typeof DISCHARGE_TYPES)[number];

/**
 * Who pays the stay (docs/domain.md, "Payment guarantees"). The reference may follow later: an
 * office often refers before the guarantee letter is numbered, and records it when it is.
 */
export interface PaymentGuarantee {
  kind: GuaranteeKind;
  /** A BPJS card or letter number: it identifies the person, so it is personal data. */
  reference?: string;
  issuer?: string;
  /** The last day the guarantee covers, YYYY-MM-DD. */
  validUntil?: string;
}

/** The social worker the RSJ calls about this person. */
export interface WorkerContact {
  name: string;
  phone: string;
}

/**
 * The referral letter (surat rujukan): what the RSJ reads before deciding. Personal throughout;
 * it travels only to the addressed RSJ, through the API, never in a contract.
 */
export interface ReferralLetter {
  /** Why the person is referred: observed condition and behaviour, in the worker's words. */
  reason: string;
  /** Who brings the person, e.g. two officers and the case worker. */
  escort?: string;
  workerContact: WorkerContact;
}
