import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import { type AgencyKind } from '../actor';
import { type ClaimedIdentity, type Descriptors } from '../identity/identity';
import { type PickupCircumstance } from './pickup.commands';

export type PickupReported = DomainEvent<
  'PickupReported',
  {
    pickupId: string;
    personId: string;
    unitId: string;
    unitKind: AgencyKind;
    officerRefs: string[];
    foundAt: string;
    reportedAt: string;
    location: {
      text: string;
      lat: number | null;
      lon: number | null;
      regionCode: string;
      kecamatanCode: string | null;
    };
    circumstances: PickupCircumstance[];
    circumstancesNote: string | null;
    observedCondition: string;
    belongings: string[];
    claimedIdentity: ClaimedIdentity | null;
    descriptors: Descriptors | null;
    photoRef: string | null;
  }
>;

export type PersonHandedOverToDinasSosial = DomainEvent<
  'PersonHandedOverToDinasSosial',
  {
    pickupId: string;
    personId: string;
    officeId: string;
    handedOverBy: string;
    receivedBy: string | null;
    receivedAt: string;
    conditionOnReceipt: string | null;
    belongingsHandedOver: string[];
    shelter: string | null;
  }
>;

export type PickupEvent = PickupReported | PersonHandedOverToDinasSosial;

/**
 * The location of a vulnerable person, what they carry and how they look are personal data (docs/domain.md,
 * "Personal data").
 */
export const PICKUP_EVENT_DEFINITIONS: EventDefinition[] = [
  {
    type: 'PickupReported',
    schemaVersion: 1,
    personalFields: [
      'location.text',
      'location.lat',
      'location.lon',
      'circumstancesNote',
      'observedCondition',
      'belongings',
      'claimedIdentity',
      'descriptors',
      'photoRef',
    ],
  },
  {
    type: 'PersonHandedOverToDinasSosial',
    schemaVersion: 1,
    personalFields: ['conditionOnReceipt', 'belongingsHandedOver', 'shelter'],
  },
];
