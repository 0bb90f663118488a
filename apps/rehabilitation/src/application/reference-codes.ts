import { ATENSI_CATALOGUES } from '../domain/atensi/atensi-service-types';
import { FUNCTIONING_INSTRUMENTS } from '../domain/atensi/functioning-domains';

/**
 * The codes of the versioned reference data, as the OpenAPI document lists them: every version's,
 * since a plan keeps the catalogue it was agreed under. The domain checks a code against the
 * plan's own catalogue; GET /reference-data/atensi-services names them all, with their subtypes.
 */
const catalogues = Object.values(ATENSI_CATALOGUES);
const unique = (codes: string[]): string[] => [...new Set(codes)];

export const ATENSI_CATALOGUE_VERSIONS: readonly string[] = Object.keys(ATENSI_CATALOGUES);

export const ATENSI_SERVICE_TYPE_CODES: readonly string[] = unique(
  catalogues.flatMap((catalogue) => catalogue.serviceTypes.map((type) => type.code)),
);

export const ATENSI_SUBTYPE_CODES: readonly string[] = unique(
  catalogues.flatMap((catalogue) =>
    catalogue.serviceTypes.flatMap((type) => type.subtypes.map((subtype) => subtype.code)),
  ),
);

/** What a plan names: a service type, or a type and one of its subtypes, e.g. `therapy/psychosocial`. */
export const ATENSI_PLAN_SERVICE_CODES: readonly string[] = unique(
  catalogues.flatMap((catalogue) =>
    catalogue.serviceTypes.flatMap((type) => [
      type.code,
      ...type.subtypes.map((subtype) => `${type.code}/${subtype.code}`),
    ]),
  ),
);

export const FUNCTIONING_INSTRUMENT_VERSIONS: readonly string[] = Object.keys(FUNCTIONING_INSTRUMENTS);

const instruments = Object.values(FUNCTIONING_INSTRUMENTS);

/** The scores a review may give, on any instrument's scale. */
export const FUNCTIONING_SCORE_RANGE = {
  minimum: Math.min(...instruments.map((instrument) => instrument.minScore)),
  maximum: Math.max(...instruments.map((instrument) => instrument.maxScore)),
};

/** The domains the instruments suggest; a review may score others. */
export const FUNCTIONING_DOMAINS: readonly string[] = unique(instruments.flatMap((instrument) => instrument.domains));
