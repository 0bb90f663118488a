import { countedRegion, levelsOf, officeRegion, regionAccess, withinRegion } from './regions';

describe('regions', () => {
  it("reads an office's region from its agency id, by the contracts' convention", () => {
    expect(officeRegion('dinsos-3507')).toBe('3507');
    expect(officeRegion('dinsos-35')).toBe('35');
    expect(officeRegion('rsj-lawang')).toBeUndefined();
    expect(officeRegion('dinsos-350')).toBeUndefined();
    expect(officeRegion(null)).toBeUndefined();
  });

  it('counts a kecamatan or desa at its kabupaten/kota, a province as itself', () => {
    expect(countedRegion('350701')).toBe('3507');
    expect(countedRegion('3507012001')).toBe('3507');
    expect(countedRegion('3507')).toBe('3507');
    expect(countedRegion('35')).toBe('35');
    expect(countedRegion('350')).toBeUndefined();
    expect(countedRegion(null)).toBeUndefined();
  });

  it('counts a kabupaten/kota in its own row and its province’s', () => {
    expect(levelsOf('3507')).toEqual([
      { level: 'kabupaten-kota', code: '3507' },
      { level: 'province', code: '35' },
    ]);
    expect(levelsOf('35')).toEqual([{ level: 'province', code: '35' }]);
  });

  it('keeps the rows of the asked region: a province with its kabupaten/kota, a kabupaten/kota alone', () => {
    expect(['35', '3507', '3578', '36', '3601'].filter((code) => withinRegion('35', code))).toEqual([
      '35',
      '3507',
      '3578',
    ]);
    expect(['35', '3507', '3578'].filter((code) => withinRegion('3507', code))).toEqual(['3507']);
    expect(['35', '3507'].filter((code) => withinRegion(null, code))).toEqual(['35', '3507']);
  });
});

describe('which region a caller reads', () => {
  const admin = { kind: 'admin', regionCode: '35' };
  const malang = { kind: 'dinas-sosial', regionCode: '3507' };
  const jatim = { kind: 'dinas-sosial-provinsi', regionCode: '35' };

  it('lets an admin read any region, every region by default', () => {
    expect(regionAccess(admin, undefined)).toEqual({ allowed: true, region: null });
    expect(regionAccess(admin, '91')).toEqual({ allowed: true, region: '91' });
  });

  it('keeps a kabupaten/kota office to its own kabupaten/kota', () => {
    expect(regionAccess(malang, undefined)).toEqual({ allowed: true, region: '3507' });
    expect(regionAccess(malang, '3507')).toEqual({ allowed: true, region: '3507' });
    expect(regionAccess(malang, '35')).toMatchObject({ allowed: false });
    expect(regionAccess(malang, '3578')).toMatchObject({ allowed: false });
  });

  it("keeps a provincial office to its province and the province's kabupaten/kota", () => {
    expect(regionAccess(jatim, undefined)).toEqual({ allowed: true, region: '35' });
    expect(regionAccess(jatim, '3578')).toEqual({ allowed: true, region: '3578' });
    expect(regionAccess(jatim, '36')).toMatchObject({ allowed: false });
    expect(regionAccess(jatim, '3601')).toMatchObject({ allowed: false });
  });

  it('refuses every other kind, and what is no region code', () => {
    expect(regionAccess({ kind: 'rsj', regionCode: '3507' }, undefined)).toMatchObject({ allowed: false });
    expect(regionAccess(admin, '350701')).toMatchObject({ allowed: false });
    expect(regionAccess(admin, 'x')).toMatchObject({ allowed: false });
  });
});
