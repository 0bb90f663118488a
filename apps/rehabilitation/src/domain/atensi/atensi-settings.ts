/**
 * Where ATENSI is delivered: the model is "berbasis keluarga, komunitas, dan residensial", and the
 * residential setting is the last, temporary alternative (Renstra Ditjen Rehsos 2020–2024; docs/domain.md,
 * "ATENSI").
 */
export const ATENSI_SETTINGS = ['family', 'community', 'residential'] as const;
export type AtensiSetting = (typeof ATENSI_SETTINGS)[number];

/** The five ATENSI clusters (Permensos 7/2021); ODGJ and eks psikotik belong to `disability`. */
export const ATENSI_CLUSTERS = [
  'child',
  'disability',
  'elderly',
  'substance-use',
  'social-exclusion-and-trafficking',
] as const;
export type AtensiCluster = (typeof ATENSI_CLUSTERS)[number];
