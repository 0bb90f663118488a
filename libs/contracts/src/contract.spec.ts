import { defineContract } from './contract';
import { ContractRegistry } from './contract-registry';

interface ReferralAccepted {
  referralId: string;
  expectedAdmission?: string;
}

const referralAccepted = defineContract<ReferralAccepted>({
  name: 'id.lintas.health-liaison.rsj-referral.accepted',
  version: 1,
  topic: 'health-liaison.events',
  schema: {
    type: 'object',
    properties: {
      referralId: { type: 'string', minLength: 1 },
      expectedAdmission: { type: 'string', nullable: true },
    },
    required: ['referralId'],
    additionalProperties: false,
  },
});

describe('contracts', () => {
  it('carry their version in the CloudEvents type', () => {
    expect(referralAccepted.type).toBe('id.lintas.health-liaison.rsj-referral.accepted.v1');
  });

  it('accept data that fits the schema', () => {
    expect(referralAccepted.validate({ referralId: 'r-1' })).toEqual({ ok: true, data: { referralId: 'r-1' } });
  });

  it('name each field that does not fit', () => {
    expect(referralAccepted.validate({ referralId: 7, bedNumber: 'B-2' })).toEqual({
      ok: false,
      problems: [
        { path: '', message: "must NOT have additional properties 'bedNumber'" },
        { path: '/referralId', message: 'must be string' },
      ],
    });
    expect(referralAccepted.validate(null)).toMatchObject({
      ok: false,
      problems: [{ path: '', message: 'must be object' }],
    });
  });

  it('are found by type, once each', () => {
    const registry = new ContractRegistry([referralAccepted]);
    expect(registry.find(referralAccepted.type)).toBe(referralAccepted);
    expect(registry.find('id.lintas.unknown.v1')).toBeUndefined();
    expect(registry.topics).toEqual(['health-liaison.events']);
    expect(() => new ContractRegistry([referralAccepted, referralAccepted])).toThrow(/registered twice/);
  });
});
