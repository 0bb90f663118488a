import { given } from '@lintas/testing/decider-spec';
import {
  dinsosJatim,
  dinsosKediri,
  dinsosMalang,
  polresMalang,
  rsjLawang,
  satpolJatim,
  satpolKediri,
  satpolMalang,
} from '../testing/actors';
import { missingPersonalPaths } from '../testing/personal-fields';
import { type HandOverPerson, type ReportPickup } from './pickup.commands';
import { pickupDecider } from './pickup.decider';
import {
  PICKUP_EVENT_DEFINITIONS,
  type PersonHandedOverToDinasSosial,
  type PickupEvent,
  type PickupReported,
} from './pickup.events';

const pickupId = '6f1c2a9e-4b1d-4c7e-9a53-1f0e2d3c4b5a';
const personId = '0b7e5a4c-3d2f-4e1a-8b9c-7d6e5f4a3b2c';

function reportPickup(overrides: Partial<ReportPickup> = {}): ReportPickup {
  return {
    type: 'ReportPickup',
    pickupId,
    personId,
    actor: satpolMalang,
    at: '2025-03-04T09:00:00+07:00',
    foundAt: '2025-03-01T22:15:00+07:00',
    location: { text: 'Pasar Donomulyo, depan los ikan', regionCode: '3507', kecamatanCode: '350701' },
    officerRefs: ['nrp-81020311'],
    circumstances: ['wandering'],
    observedCondition: 'talks to himself, barefoot, thin',
    belongings: ['plastic bag with clothes'],
    descriptors: { sex: 'male', apparentAgeRange: '35-45', namesMentioned: ['Kirun'] },
    ...overrides,
  };
}

const reported: PickupReported = {
  type: 'PickupReported',
  data: {
    pickupId,
    personId,
    unitId: 'satpol-pp-3507',
    unitKind: 'satpol-pp',
    officerRefs: ['nrp-81020311'],
    foundAt: '2025-03-01T22:15:00+07:00',
    reportedAt: '2025-03-04T09:00:00+07:00',
    location: {
      text: 'Pasar Donomulyo, depan los ikan',
      lat: null,
      lon: null,
      regionCode: '3507',
      kecamatanCode: '350701',
    },
    circumstances: ['wandering'],
    circumstancesNote: null,
    observedCondition: 'talks to himself, barefoot, thin',
    belongings: ['plastic bag with clothes'],
    claimedIdentity: null,
    descriptors: { sex: 'male', apparentAgeRange: '35-45', namesMentioned: ['Kirun'] },
    photoRef: null,
  },
};

function handOver(overrides: Partial<HandOverPerson> = {}): HandOverPerson {
  return {
    type: 'HandOverPerson',
    pickupId,
    actor: satpolMalang,
    at: '2025-03-04T11:00:00+07:00',
    office: dinsosMalang,
    receivedBy: 'staff-0042',
    ...overrides,
  };
}

const handedOver: PersonHandedOverToDinasSosial = {
  type: 'PersonHandedOverToDinasSosial',
  data: {
    pickupId,
    personId,
    officeId: 'dinsos-3507',
    handedOverBy: 'satpol-pp-3507',
    receivedBy: 'staff-0042',
    receivedAt: '2025-03-04T11:00:00+07:00',
    conditionOnReceipt: null,
    belongingsHandedOver: [],
    shelter: null,
  },
};

describe('pickup: reporting', () => {
  it('records what a unit reports, with when it happened and when it was reported', () => {
    given(pickupDecider).when(reportPickup()).then([reported]);
  });

  it('keeps coordinates, a claimed identity, a note and a photo reference when given', () => {
    given(pickupDecider)
      .when(
        reportPickup({
          location: { text: 'Jl. Raya Kepanjen', lat: -8.13, lon: 112.57, regionCode: '3507' },
          circumstances: ['restrained', 'at-risk', 'restrained'],
          circumstancesNote: 'found chained in a shed behind the house',
          claimedIdentity: { name: 'Sukirun', origin: 'Blitar' },
          descriptors: undefined,
          photoRef: 'photos/2025/03/abc.jpg',
        }),
      )
      .then(([event]) => {
        expect(event?.type).toBe('PickupReported');
        expect(event?.data).toMatchObject({
          location: { lat: -8.13, lon: 112.57, kecamatanCode: null },
          circumstances: ['restrained', 'at-risk'],
          circumstancesNote: 'found chained in a shed behind the house',
          claimedIdentity: { name: 'Sukirun', origin: 'Blitar' },
          descriptors: null,
          photoRef: 'photos/2025/03/abc.jpg',
        });
      });
  });

  it('takes a report from a police unit and from a Dinas Sosial outreach team', () => {
    given(pickupDecider)
      .when(reportPickup({ actor: polresMalang }))
      .then(([e]) => expect(e?.data).toMatchObject({ unitKind: 'polri' }));
    given(pickupDecider)
      .when(reportPickup({ actor: dinsosMalang }))
      .then(([e]) => expect(e?.data).toMatchObject({ unitKind: 'dinas-sosial' }));
  });

  it('lets a provincial unit report anywhere in its province', () => {
    given(pickupDecider)
      .when(reportPickup({ actor: satpolJatim }))
      .then(([e]) => expect(e?.type).toBe('PickupReported'));
  });

  it('takes a report submitted days after the pickup, from a unit that was offline', () => {
    given(pickupDecider)
      .when(reportPickup({ foundAt: '2025-02-20T08:00:00Z', at: '2025-03-04T09:00:00Z' }))
      .then(([e]) =>
        expect(e?.data).toMatchObject({ foundAt: '2025-02-20T08:00:00Z', reportedAt: '2025-03-04T09:00:00Z' }),
      );
  });

  it('reports a pickup only once', () => {
    given(pickupDecider, [reported]).when(reportPickup()).thenThrows('pickup.already-reported');
  });

  it.each([rsjLawang, dinsosJatim])('refuses a pickup report from a $kind', (actor) => {
    const error = given(pickupDecider).when(reportPickup({ actor })).thenThrows('pickup.not-a-field-unit');
    expect(error.kind).toBe('forbidden');
  });

  it('refuses a pickup outside the unit’s own region', () => {
    const error = given(pickupDecider)
      .when(reportPickup({ actor: satpolKediri }))
      .thenThrows('pickup.outside-unit-region');
    expect(error.kind).toBe('forbidden');
  });

  it.each(['35', '35071', '35.07', ''])('refuses region code %p: it must be a kabupaten/kota', (regionCode) => {
    given(pickupDecider)
      .when(reportPickup({ location: { text: 'x', regionCode } }))
      .thenThrows('pickup.invalid-region');
  });

  it.each(['3507011', '357101'])('refuses kecamatan %p: malformed or outside the kabupaten/kota', (kecamatanCode) => {
    given(pickupDecider)
      .when(reportPickup({ location: { text: 'x', regionCode: '3507', kecamatanCode } }))
      .thenThrows('pickup.invalid-kecamatan');
  });

  it.each([
    [{ lat: -8.13 }],
    [{ lon: 112.57 }],
    [{ lat: -91, lon: 112.57 }],
    [{ lat: -8.13, lon: 181 }],
    [{ lat: Number.NaN, lon: 112.57 }],
  ])('refuses coordinates %p', (coordinates) => {
    given(pickupDecider)
      .when(reportPickup({ location: { text: 'x', regionCode: '3507', ...coordinates } }))
      .thenThrows('pickup.invalid-coordinates');
  });

  it('refuses a person found after the report was made', () => {
    given(pickupDecider)
      .when(reportPickup({ foundAt: '2025-03-04T09:05:01+07:00', at: '2025-03-04T09:00:00+07:00' }))
      .thenThrows('pickup.found-after-report');
  });

  it('forgives a unit’s clock running up to five minutes ahead', () => {
    given(pickupDecider)
      .when(reportPickup({ foundAt: '2025-03-04T09:05:00+07:00', at: '2025-03-04T09:00:00+07:00' }))
      .then(([event]) => expect(event?.type).toBe('PickupReported'));
  });

  it.each([{ foundAt: '2025-03-01' }, { at: 'yesterday' }, { foundAt: '2025-03-01T22:15:00' }])(
    'refuses times that are not instants with an offset: %p',
    (times) => {
      given(pickupDecider).when(reportPickup(times)).thenThrows('pickup.invalid-time');
    },
  );

  it('needs at least one circumstance', () => {
    given(pickupDecider)
      .when(reportPickup({ circumstances: [] }))
      .thenThrows('pickup.no-circumstances');
  });

  it('needs a claimed identity or descriptors', () => {
    given(pickupDecider)
      .when(reportPickup({ descriptors: undefined, claimedIdentity: undefined }))
      .thenThrows('pickup.no-identity-or-descriptors');
  });
});

describe('pickup: hand-over to Dinas Sosial', () => {
  it('closes the pickup with the receiving office, who received the person and when', () => {
    given(pickupDecider, [reported]).when(handOver()).then([handedOver]);
  });

  it('keeps the condition on receipt, the belongings handed over and the shelter', () => {
    given(pickupDecider, [reported])
      .when(
        handOver({
          conditionOnReceipt: 'calm, hungry',
          belongingsHandedOver: ['plastic bag'],
          shelter: 'Rumah Singgah Kepanjen',
        }),
      )
      .then(([e]) =>
        expect(e?.data).toMatchObject({
          conditionOnReceipt: 'calm, hungry',
          belongingsHandedOver: ['plastic bag'],
          shelter: 'Rumah Singgah Kepanjen',
        }),
      );
  });

  it('may be recorded by the receiving office as its receipt', () => {
    given(pickupDecider, [reported])
      .when(handOver({ actor: dinsosMalang }))
      .then([handedOver]);
  });

  it('cannot hand over a pickup that was never reported', () => {
    const error = given(pickupDecider).when(handOver()).thenThrows('pickup.not-found');
    expect(error.kind).toBe('not-found');
  });

  it('hands a person over only once', () => {
    given(pickupDecider, [reported, handedOver]).when(handOver()).thenThrows('pickup.already-handed-over');
  });

  it('is not another unit’s to record', () => {
    const error = given(pickupDecider, [reported])
      .when(handOver({ actor: polresMalang }))
      .thenThrows('pickup.not-yours');
    expect(error.kind).toBe('not-a-party');
  });

  it('goes only to a kabupaten/kota Dinas Sosial', () => {
    given(pickupDecider, [reported])
      .when(handOver({ office: rsjLawang }))
      .thenThrows('pickup.not-to-dinas-sosial');
    given(pickupDecider, [reported])
      .when(handOver({ office: dinsosJatim }))
      .thenThrows('pickup.not-to-dinas-sosial');
  });

  it('goes to the Dinas Sosial of the region where the person was found', () => {
    given(pickupDecider, [reported])
      .when(handOver({ office: dinsosKediri }))
      .thenThrows('pickup.office-of-another-region');
  });

  it('cannot receive the person before they were found', () => {
    given(pickupDecider, [reported])
      .when(handOver({ at: '2025-03-01T22:00:00+07:00' }))
      .thenThrows('pickup.handed-over-before-found');
  });

  it('needs an instant for the receipt', () => {
    given(pickupDecider, [reported])
      .when(handOver({ at: 'now' }))
      .thenThrows('pickup.invalid-time');
  });
});

describe('pickup: personal fields', () => {
  it('defines every event, with personal paths that exist in its data', () => {
    const full: PickupEvent[] = [
      {
        ...reported,
        data: {
          ...reported.data,
          location: { ...reported.data.location, lat: -8.1, lon: 112.5 },
          circumstancesNote: 'n',
          claimedIdentity: { name: 'x' },
          photoRef: 'p',
        },
      },
      { ...handedOver, data: { ...handedOver.data, conditionOnReceipt: 'calm', shelter: 's' } },
    ];
    expect(PICKUP_EVENT_DEFINITIONS.map((d) => d.type)).toEqual(full.map((e) => e.type));
    expect(missingPersonalPaths(PICKUP_EVENT_DEFINITIONS, full)).toEqual([]);
  });
});
