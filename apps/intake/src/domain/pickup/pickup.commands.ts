import { type Actor, type AgencyRef } from '../actor';
import { type ClaimedIdentity, type Descriptors } from '../identity/identity';

/** Why the unit brought the person in (docs/domain.md, "Steps": pickup); several may hold at once. */
export const PICKUP_CIRCUMSTANCES = ['wandering', 'disturbing-order', 'at-risk', 'restrained', 'other'] as const;
export type PickupCircumstance = (typeof PICKUP_CIRCUMSTANCES)[number];

export interface PickupLocation {
  text: string;
  lat?: number;
  lon?: number;
  /** Kabupaten/kota, 4 digits: whose Dinas Sosial receives the person. */
  regionCode: string;
  /** Kecamatan, 6 digits, when the unit knows it. */
  kecamatanCode?: string;
}

/**
 * A Satpol PP or Polri unit (or a Dinas Sosial outreach team) reports a person it brought in.
 * `at` is when the report reaches Lintas; `foundAt` when it happened, days earlier for a unit
 * that was offline.
 */
export interface ReportPickup {
  type: 'ReportPickup';
  pickupId: string;
  personId: string;
  actor: Actor;
  at: string;
  foundAt: string;
  location: PickupLocation;
  officerRefs: string[];
  circumstances: PickupCircumstance[];
  circumstancesNote?: string;
  observedCondition: string;
  belongings: string[];
  claimedIdentity?: ClaimedIdentity;
  descriptors?: Descriptors;
  /** An object-store key, never the image. */
  photoRef?: string;
}

/** The person passes to the Dinas Sosial of the kabupaten/kota where they were found; `at` is the receipt. */
export interface HandOverPerson {
  type: 'HandOverPerson';
  pickupId: string;
  actor: Actor;
  at: string;
  office: AgencyRef;
  /** The staff reference of who received the person at the office, when known. */
  receivedBy?: string;
  conditionOnReceipt?: string;
  belongingsHandedOver?: string[];
  /** The temporary shelter (rumah singgah, shelter) the person goes to. */
  shelter?: string;
}

export type PickupCommand = ReportPickup | HandOverPerson;
