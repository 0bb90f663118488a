/**
 * The seven direct ATENSI services as versioned reference data (docs/domain.md, "ATENSI"). A plan names the
 * catalogue version it was agreed under, so a later regulation never reinterprets old records.
 *
 * Version '2021' follows Permensos 7/2021 on Asistensi Rehabilitasi Sosial, which replaced Permensos
 * 16/2020 with the same seven services. The types and their Indonesian names are the regulation's;
 * the subtypes are the project's assumption from common practice [A] and are to be confirmed with
 * panti staff. Codes are English kebab-case and never change within a version.
 */
export interface AtensiSubtype {
  code: string;
  name: string;
  nameEn: string;
}

export interface AtensiServiceType {
  code: string;
  /** The name in the regulation. */
  name: string;
  nameEn: string;
  subtypes: readonly AtensiSubtype[];
}

export interface AtensiCatalogue {
  version: string;
  legalBasis: string;
  replaces: string | null;
  serviceTypes: readonly AtensiServiceType[];
}

export const ATENSI_2021: AtensiCatalogue = {
  version: '2021',
  legalBasis: 'Permensos 7/2021 tentang Asistensi Rehabilitasi Sosial',
  replaces: 'Permensos 16/2020',
  serviceTypes: [
    {
      code: 'decent-living-support',
      name: 'Dukungan pemenuhan kebutuhan hidup layak',
      nameEn: 'Decent-living support',
      // The Renstra's first mission lists basic needs and access to basic rights; identity
      // documents and health insurance are recorded as deliveries because they unlock the rest.
      subtypes: [
        { code: 'food', name: 'Pangan', nameEn: 'Food' },
        { code: 'clothing', name: 'Sandang', nameEn: 'Clothing' },
        { code: 'shelter', name: 'Papan', nameEn: 'Shelter' },
        { code: 'assistive-device', name: 'Alat bantu', nameEn: 'Assistive device' },
        { code: 'daily-living-skills', name: 'Aktivitas kehidupan sehari-hari', nameEn: 'Activities of daily living' },
        { code: 'legal-identity', name: 'Identitas kependudukan', nameEn: 'Identity document facilitated' },
        { code: 'health-insurance', name: 'Jaminan kesehatan', nameEn: 'Health insurance enrolled' },
        { code: 'health-access', name: 'Akses layanan kesehatan', nameEn: 'Access to health services' },
        { code: 'education-access', name: 'Akses pendidikan', nameEn: 'Access to education' },
      ],
    },
    {
      code: 'social-care-and-childcare',
      name: 'Perawatan sosial dan/atau pengasuhan anak',
      nameEn: 'Social care and/or childcare',
      subtypes: [
        { code: 'social-care', name: 'Perawatan sosial', nameEn: 'Social care' },
        { code: 'childcare', name: 'Pengasuhan anak', nameEn: 'Childcare' },
      ],
    },
    {
      code: 'family-support',
      name: 'Dukungan keluarga',
      nameEn: 'Family support',
      subtypes: [
        { code: 'family-counselling', name: 'Konseling keluarga', nameEn: 'Family counselling' },
        { code: 'family-visit', name: 'Kunjungan keluarga', nameEn: 'Family visit' },
        { code: 'family-preparation', name: 'Persiapan keluarga', nameEn: 'Preparing the family for return' },
      ],
    },
    {
      code: 'therapy',
      name: 'Terapi fisik, terapi psikososial, dan terapi mental spiritual',
      nameEn: 'Physical, psychosocial and mental-spiritual therapy',
      subtypes: [
        { code: 'physical', name: 'Terapi fisik', nameEn: 'Physical therapy' },
        { code: 'psychosocial', name: 'Terapi psikososial', nameEn: 'Psychosocial therapy' },
        { code: 'mental-spiritual', name: 'Terapi mental spiritual', nameEn: 'Mental-spiritual therapy' },
      ],
    },
    {
      code: 'vocational-and-entrepreneurship',
      name: 'Pelatihan vokasional dan/atau pembinaan kewirausahaan',
      nameEn: 'Vocational training and/or entrepreneurship coaching',
      subtypes: [
        { code: 'vocational-training', name: 'Pelatihan vokasional', nameEn: 'Vocational training' },
        { code: 'entrepreneurship', name: 'Pembinaan kewirausahaan', nameEn: 'Entrepreneurship coaching' },
      ],
    },
    {
      code: 'social-assistance',
      name: 'Bantuan sosial dan asistensi sosial',
      nameEn: 'Social aid and social assistance',
      subtypes: [
        { code: 'social-aid', name: 'Bantuan sosial', nameEn: 'Social aid' },
        { code: 'social-assistance', name: 'Asistensi sosial', nameEn: 'Social assistance' },
      ],
    },
    {
      code: 'accessibility-support',
      name: 'Dukungan aksesibilitas',
      nameEn: 'Accessibility support',
      subtypes: [
        { code: 'physical-accessibility', name: 'Aksesibilitas fisik', nameEn: 'Physical accessibility' },
        { code: 'service-accessibility', name: 'Aksesibilitas layanan', nameEn: 'Access to public services' },
      ],
    },
  ],
};

export const ATENSI_CATALOGUES: Readonly<Record<string, AtensiCatalogue>> = { [ATENSI_2021.version]: ATENSI_2021 };

/** The catalogue new plans are agreed under. */
export const CURRENT_ATENSI_VERSION = ATENSI_2021.version;

export function atensiCatalogue(version: string): AtensiCatalogue | undefined {
  return Object.hasOwn(ATENSI_CATALOGUES, version) ? ATENSI_CATALOGUES[version] : undefined;
}

export function atensiServiceType(catalogue: AtensiCatalogue, code: string): AtensiServiceType | undefined {
  return catalogue.serviceTypes.find((type) => type.code === code);
}
