import { ATENSI_2021, atensiCatalogue, CURRENT_ATENSI_VERSION } from './atensi-service-types';
import { FUNCTIONING_LINTAS_1 } from './functioning-domains';

const KEBAB = /^[a-z]+(-[a-z]+)*$/;

describe('ATENSI reference data', () => {
  it('names its legal basis: Permensos 7/2021, which replaced 16/2020', () => {
    expect(ATENSI_2021).toEqual(
      expect.objectContaining({
        version: '2021',
        legalBasis: expect.stringContaining('7/2021'),
        replaces: 'Permensos 16/2020',
      }),
    );
    expect(atensiCatalogue(CURRENT_ATENSI_VERSION)).toBe(ATENSI_2021);
  });

  it('has the seven direct services, each with its Indonesian name', () => {
    expect(ATENSI_2021.serviceTypes.map((type) => type.code)).toEqual([
      'decent-living-support',
      'social-care-and-childcare',
      'family-support',
      'therapy',
      'vocational-and-entrepreneurship',
      'social-assistance',
      'accessibility-support',
    ]);
    expect(ATENSI_2021.serviceTypes.find((type) => type.code === 'decent-living-support')?.name).toBe(
      'Dukungan pemenuhan kebutuhan hidup layak',
    );
  });

  it('uses unique kebab-case codes within each level', () => {
    for (const type of ATENSI_2021.serviceTypes) {
      expect(type.code).toMatch(KEBAB);
      const codes = type.subtypes.map((subtype) => subtype.code);
      codes.forEach((code) => expect(code).toMatch(KEBAB));
      expect(new Set(codes).size).toBe(codes.length);
    }
    FUNCTIONING_LINTAS_1.domains.forEach((domain) => expect(domain).toMatch(KEBAB));
  });

  it('knows no other version, nor inherited names', () => {
    expect(atensiCatalogue('2020')).toBeUndefined();
    expect(atensiCatalogue('toString')).toBeUndefined();
  });
});
