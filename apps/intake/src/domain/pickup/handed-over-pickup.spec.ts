import { given } from '@lintas/testing/decider-spec';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { dinsosMalang, satpolMalang } from '../testing/actors';
import { handedOverPickup } from './handed-over-pickup';
import { pickupDecider } from './pickup.decider';

const pickupId = '6f1c2a9e-4b1d-4c7e-9a53-1f0e2d3c4b5a';
const personId = '0b7e5a4c-3d2f-4e1a-8b9c-7d6e5f4a3b2c';

function history() {
  const reported = given(pickupDecider)
    .when({
      type: 'ReportPickup',
      pickupId,
      personId,
      actor: satpolMalang,
      at: '2025-03-04T09:00:00+07:00',
      foundAt: '2025-03-04T08:00:00+07:00',
      location: { text: 'Pasar', regionCode: '3507' },
      officerRefs: [],
      circumstances: ['wandering'],
      observedCondition: 'confused',
      belongings: [],
      descriptors: { sex: 'female' },
    })
    .then(() => undefined);
  const handedOver = given(pickupDecider, reported)
    .when({
      type: 'HandOverPerson',
      pickupId,
      actor: satpolMalang,
      at: '2025-03-04T10:00:00+07:00',
      office: dinsosMalang,
    })
    .then(() => undefined);
  return { reported, handedOver };
}

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.kind] : error;
  }
  return undefined;
};

describe('the pickup a case starts from', () => {
  it('gives the person, the receiving office and the region where they were found', () => {
    const { reported, handedOver } = history();
    const { state } = given(pickupDecider, [...reported, ...handedOver]);
    expect(handedOverPickup(state)).toEqual({ pickupId, personId, officeId: 'dinsos-3507', regionCode: '3507' });
  });

  it('must exist', () => {
    expect(codeOf(() => handedOverPickup(pickupDecider.initialState))).toEqual(['pickup.not-found', 'not-found']);
  });

  it('must have been handed over', () => {
    const { state } = given(pickupDecider, history().reported);
    expect(codeOf(() => handedOverPickup(state))).toEqual(['case.pickup-not-handed-over', 'conflict']);
  });
});
