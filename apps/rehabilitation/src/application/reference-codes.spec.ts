import { SERVICE_CODE } from '../commands/agree-atensi-plan/agree-atensi-plan.request.dto';
import { ATENSI_2021 } from '../domain/atensi/atensi-service-types';
import { FUNCTIONING_LINTAS_1 } from '../domain/atensi/functioning-domains';
import {
  ATENSI_CATALOGUE_VERSIONS,
  ATENSI_PLAN_SERVICE_CODES,
  ATENSI_SERVICE_TYPE_CODES,
  ATENSI_SUBTYPE_CODES,
  FUNCTIONING_DOMAINS,
  FUNCTIONING_INSTRUMENT_VERSIONS,
  FUNCTIONING_SCORE_RANGE,
} from './reference-codes';

describe('the reference codes the OpenAPI document lists', () => {
  it("lists every catalogue's service types and subtypes, as the requests name them", () => {
    expect(ATENSI_CATALOGUE_VERSIONS).toEqual(['2021']);
    expect(ATENSI_SERVICE_TYPE_CODES).toEqual(ATENSI_2021.serviceTypes.map((type) => type.code));
    expect(ATENSI_SUBTYPE_CODES).toContain('psychosocial');
    expect(new Set(ATENSI_SUBTYPE_CODES).size).toBe(ATENSI_SUBTYPE_CODES.length);
    expect(ATENSI_PLAN_SERVICE_CODES).toEqual(expect.arrayContaining(['therapy', 'therapy/psychosocial']));
    expect(ATENSI_PLAN_SERVICE_CODES).toHaveLength(ATENSI_SERVICE_TYPE_CODES.length + 23);
    for (const code of ATENSI_PLAN_SERVICE_CODES) expect(code).toMatch(SERVICE_CODE);
  });

  it('lists the functioning instruments, their suggested domains and their scale', () => {
    expect(FUNCTIONING_INSTRUMENT_VERSIONS).toEqual(['lintas-1']);
    expect(FUNCTIONING_DOMAINS).toEqual(FUNCTIONING_LINTAS_1.domains);
    expect(FUNCTIONING_SCORE_RANGE).toEqual({ minimum: 1, maximum: 5 });
  });
});
