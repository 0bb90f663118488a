/**
 * The port to the maintained list of Kemendagri region codes (docs/domain.md, "KK and region codes"), without dots:
 * kabupaten/kota codes of 4 digits and kecamatan codes of 6. A `ReadonlySet<string>` of those
 * codes is one; the adapter that reads them from `idn-area-data` lives outside the domain.
 */
export interface RegionDirectory {
  has(code: string): boolean;
}

const KAB_KOTA = /^\d{4}$/;
const KECAMATAN = /^\d{6}$/;

export function isKabKotaCode(code: string): boolean {
  return KAB_KOTA.test(code);
}

export function isKecamatanCode(code: string): boolean {
  return KECAMATAN.test(code);
}

/** The kabupaten/kota a longer code (kecamatan, desa) lies in; ownership and access use this level. */
export function kabKotaOf(code: string): string {
  return code.slice(0, 4);
}
