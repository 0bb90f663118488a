import { ConventionAgencyDirectory } from './agency-directory';

describe('the agency directory', () => {
  const agencies = new ConventionAgencyDirectory();

  it('reads a kabupaten/kota Dinas Sosial and its region from its id', () => {
    expect(agencies.find('dinsos-3571')).toEqual({ agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' });
  });

  it('tells a provincial Dinas Sosial apart, so that the domain can refuse it as a receiver', () => {
    expect(agencies.find('dinsos-35')?.kind).toBe('dinas-sosial-provinsi');
  });

  it('does not know other ids', () => {
    expect(agencies.find('rsj-lawang')).toBeUndefined();
    expect(agencies.find('dinsos-malang')).toBeUndefined();
  });
});
