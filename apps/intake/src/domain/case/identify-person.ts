import { DomainError } from '@lintas/domain-kernel/domain-error';
import { parseIsoDate } from '../identity/identity';
import { checkNik, normaliseNik } from '../identity/nik-check';
import { kabKotaOf, type RegionDirectory } from '../regions/region-directory';
import { yearOf } from '../time';
import { type IdentifyPerson } from './case.commands';
import { type CaseEvent, type IdentityFlag } from './case.events';
import { type CaseState } from './case.state';
import { assertInstant, assertOpen, assertOwner, registered } from './case-guards';

const REGION_CODE = /^\d{4}(\d{2}(\d{4})?)?$/;
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Identification may come weeks after intake, and may be corrected: each one is a new fact. NIK and
 * KK are flagged, never refused (docs/domain.md, "NIK"); what cannot be true at all (a 30 February) is refused.
 */
export function identifyPerson(command: IdentifyPerson, current: CaseState, regions: RegionDirectory): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertOpen(state);
  assertInstant(command.at);
  const { identity } = command;
  if (identity.name.trim().length === 0) throw new DomainError('identity.name-required', 'give the name', 'invalid');

  const birth = identity.birthDate !== undefined ? parseIsoDate(identity.birthDate) : null;
  if (identity.birthDate !== undefined && birth === null) {
    throw new DomainError(
      'identity.invalid-birth-date',
      'the birth date must be a calendar date YYYY-MM-DD',
      'invalid',
    );
  }
  if (birth && identity.birthYear !== undefined && identity.birthYear !== birth.year) {
    throw new DomainError('identity.birth-year-mismatch', 'the birth year differs from the birth date', 'invalid');
  }
  const birthYear = birth?.year ?? identity.birthYear ?? null;
  if (
    birthYear !== null &&
    (!Number.isInteger(birthYear) || birthYear < EARLIEST_BIRTH_YEAR || birthYear > yearOf(command.at))
  ) {
    throw new DomainError('identity.invalid-birth-year', 'the birth year is not a possible one', 'invalid');
  }
  if (identity.originRegionCode !== undefined && !REGION_CODE.test(identity.originRegionCode)) {
    throw new DomainError('identity.invalid-origin-region', 'the origin must be a Kemendagri region code', 'invalid');
  }

  const nik = identity.nik !== undefined ? normaliseNik(identity.nik) : null;
  const kk = identity.kk !== undefined ? normaliseNik(identity.kk) : null;
  const flags: IdentityFlag[] = nik !== null ? checkNik(nik, identity.sex, identity.birthDate, regions) : [];
  if (kk !== null && !/^\d{16}$/.test(kk)) flags.push('kk.not-16-digits');
  // A NIK names where the person was registered, not where they live now: only a fallback for the origin.
  const nikRegion =
    nik !== null && /^\d{16}$/.test(nik) && !flags.includes('nik.unknown-region') ? kabKotaOf(nik) : null;
  const originRegionCode = identity.originRegionCode !== undefined ? kabKotaOf(identity.originRegionCode) : nikRegion;

  return [
    {
      type: 'PersonIdentified',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        identifiedBy: command.actor.agencyId,
        identifiedAt: command.at,
        nik,
        kk,
        name: identity.name.trim(),
        aliases: identity.aliases ?? [],
        birthDate: identity.birthDate ?? null,
        birthYear,
        sex: identity.sex ?? null,
        address: identity.address ?? null,
        originRegionCode,
        source: identity.source,
        confidence: identity.confidence,
        flags,
      },
    },
  ];
}
