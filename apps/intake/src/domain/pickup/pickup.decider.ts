import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import { type AgencyKind } from '../actor';
import { isKabKotaCode, isKecamatanCode } from '../regions/region-directory';
import { instantMillis } from '../time';
import { type HandOverPerson, type PickupCommand, type ReportPickup } from './pickup.commands';
import { type PickupEvent } from './pickup.events';

export type PickupState =
  | { status: 'none' }
  | {
      status: 'reported' | 'handed-over';
      pickupId: string;
      personId: string;
      unitId: string;
      regionCode: string;
      foundAt: string;
      officeId: string | null;
    };

/** Satpol PP and Polri bring persons in; a Dinas Sosial outreach team (penjangkauan) may too. */
const FIELD_UNITS: readonly AgencyKind[] = ['satpol-pp', 'polri', 'dinas-sosial'];

export const CLOCK_SKEW_MS = 5 * 60_000;

function decide(command: PickupCommand, state: PickupState): PickupEvent[] {
  switch (command.type) {
    case 'ReportPickup':
      return reportPickup(command, state);
    case 'HandOverPerson':
      return handOverPerson(command, state);
  }
}

function reportPickup(command: ReportPickup, state: PickupState): PickupEvent[] {
  if (state.status !== 'none') throw new DomainError('pickup.already-reported', 'this pickup is already reported');
  const { actor, location } = command;
  if (!FIELD_UNITS.includes(actor.kind)) {
    throw new DomainError('pickup.not-a-field-unit', `a ${actor.kind} does not report pickups`, 'forbidden');
  }
  if (!isKabKotaCode(location.regionCode)) {
    throw new DomainError('pickup.invalid-region', 'the region must be a 4-digit kabupaten/kota code', 'invalid');
  }
  if (location.kecamatanCode !== undefined && !isKecamatanCode(location.kecamatanCode)) {
    throw new DomainError('pickup.invalid-kecamatan', 'the kecamatan must be a 6-digit code', 'invalid');
  }
  if (location.kecamatanCode !== undefined && !location.kecamatanCode.startsWith(location.regionCode)) {
    throw new DomainError('pickup.invalid-kecamatan', 'the kecamatan lies outside the kabupaten/kota', 'invalid');
  }
  if (!location.regionCode.startsWith(actor.regionCode)) {
    throw new DomainError('pickup.outside-unit-region', 'the place found lies outside the unit’s region', 'forbidden');
  }
  if (!hasValidCoordinates(location.lat, location.lon)) {
    throw new DomainError(
      'pickup.invalid-coordinates',
      'give both latitude and longitude, in range, or neither',
      'invalid',
    );
  }
  const foundAt = instantMillis(command.foundAt);
  const reportedAt = instantMillis(command.at);
  if (foundAt === null || reportedAt === null) {
    throw new DomainError('pickup.invalid-time', 'times must be ISO 8601 instants with an offset', 'invalid');
  }
  // An offline unit reports days later; beyond a device clock running a little fast, a time after the report is a mistake.
  if (foundAt > reportedAt + CLOCK_SKEW_MS) {
    throw new DomainError('pickup.found-after-report', 'the person cannot be found after the report', 'invalid');
  }
  if (command.circumstances.length === 0) {
    throw new DomainError('pickup.no-circumstances', 'say why the person was brought in', 'invalid');
  }
  if (!command.claimedIdentity && !command.descriptors) {
    throw new DomainError(
      'pickup.no-identity-or-descriptors',
      'give the identity the person claims or descriptors to recognise them',
      'invalid',
    );
  }
  return [
    {
      type: 'PickupReported',
      data: {
        pickupId: command.pickupId,
        personId: command.personId,
        unitId: actor.agencyId,
        unitKind: actor.kind,
        officerRefs: command.officerRefs,
        foundAt: command.foundAt,
        reportedAt: command.at,
        location: {
          text: location.text,
          lat: location.lat ?? null,
          lon: location.lon ?? null,
          regionCode: location.regionCode,
          kecamatanCode: location.kecamatanCode ?? null,
        },
        circumstances: [...new Set(command.circumstances)],
        circumstancesNote: command.circumstancesNote ?? null,
        observedCondition: command.observedCondition,
        belongings: command.belongings,
        claimedIdentity: command.claimedIdentity ?? null,
        descriptors: command.descriptors ?? null,
        photoRef: command.photoRef ?? null,
      },
    },
  ];
}

function handOverPerson(command: HandOverPerson, state: PickupState): PickupEvent[] {
  if (state.status === 'none') throw new DomainError('pickup.not-found', 'no such pickup', 'not-found');
  const { actor, office } = command;
  if (actor.agencyId !== state.unitId && actor.agencyId !== office.agencyId) {
    throw new NotAPartyError(
      'pickup',
      'pickup.not-yours',
      'only the reporting unit or the receiving office records a hand-over',
    );
  }
  if (state.status === 'handed-over') {
    throw new DomainError('pickup.already-handed-over', 'the person was already handed over; the pickup is closed');
  }
  if (office.kind !== 'dinas-sosial') {
    throw new DomainError(
      'pickup.not-to-dinas-sosial',
      'a person is handed over to a kabupaten/kota Dinas Sosial',
      'invalid',
    );
  }
  if (office.regionCode !== state.regionCode) {
    throw new DomainError(
      'pickup.office-of-another-region',
      'the person goes to the Dinas Sosial of the kabupaten/kota where they were found',
      'invalid',
    );
  }
  const receivedAt = instantMillis(command.at);
  if (receivedAt === null)
    throw new DomainError('pickup.invalid-time', 'times must be ISO 8601 instants with an offset', 'invalid');
  if (receivedAt < (instantMillis(state.foundAt) ?? receivedAt)) {
    throw new DomainError(
      'pickup.handed-over-before-found',
      'the person cannot be received before being found',
      'invalid',
    );
  }
  return [
    {
      type: 'PersonHandedOverToDinasSosial',
      data: {
        pickupId: state.pickupId,
        personId: state.personId,
        officeId: office.agencyId,
        handedOverBy: state.unitId,
        receivedBy: command.receivedBy ?? null,
        receivedAt: command.at,
        conditionOnReceipt: command.conditionOnReceipt ?? null,
        belongingsHandedOver: command.belongingsHandedOver ?? [],
        shelter: command.shelter ?? null,
      },
    },
  ];
}

function hasValidCoordinates(lat: number | undefined, lon: number | undefined): boolean {
  if (lat === undefined && lon === undefined) return true;
  if (lat === undefined || lon === undefined) return false;
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

function evolve(state: PickupState, event: PickupEvent): PickupState {
  switch (event.type) {
    case 'PickupReported':
      return {
        status: 'reported',
        pickupId: event.data.pickupId,
        personId: event.data.personId,
        unitId: event.data.unitId,
        regionCode: event.data.location.regionCode,
        foundAt: event.data.foundAt,
        officeId: null,
      };
    case 'PersonHandedOverToDinasSosial':
      return state.status === 'none' ? state : { ...state, status: 'handed-over', officeId: event.data.officeId };
  }
}

export const pickupDecider: Decider<PickupCommand, PickupEvent, PickupState> = {
  decide,
  evolve,
  initialState: { status: 'none' },
};
