import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '@lintas/contracts/intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { INDICATOR_EVENT_TYPES } from './indicator-events';

describe('the events the indicators read', () => {
  it('are contract types the services publish, written as the contracts write them', () => {
    const published = new Set(
      [
        ...INTAKE_CONTRACTS,
        ...HEALTH_LIAISON_CONTRACTS,
        ...REHABILITATION_CONTRACTS,
        ...FAMILY_REUNIFICATION_CONTRACTS,
      ].map((contract) => contract.type),
    );
    expect(INDICATOR_EVENT_TYPES.filter((type) => !published.has(type))).toEqual([]);
  });
});
