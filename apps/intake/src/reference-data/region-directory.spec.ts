import { checkNik } from '../domain/identity/nik-check';
import { loadRegionDirectory } from './region-directory';

describe('the region directory from idn-area-data', () => {
  const regions = loadRegionDirectory();

  it('knows every kabupaten/kota and kecamatan, without dots', () => {
    expect(regions.has('3507')).toBe(true); // Kabupaten Malang
    expect(regions.has('3571')).toBe(true); // Kota Kediri
    expect(regions.has('350701')).toBe(true); // Donomulyo
    expect(regions.has('35.07')).toBe(false);
    expect(regions.has('35')).toBe(false);
    expect([...regions].filter((code) => code.length === 4).length).toBeGreaterThan(500);
    expect([...regions].filter((code) => code.length === 6).length).toBeGreaterThan(7000);
  });

  it('serves the NIK check', () => {
    expect(checkNik('3507015708850002', 'female', '1985-08-17', regions)).toEqual([]);
    expect(checkNik('3599015708850002', 'female', '1985-08-17', regions)).toEqual(['nik.unknown-region']);
  });
});
