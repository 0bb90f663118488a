import { DomainError } from '@lintas/domain-kernel/domain-error';
import { atensiCatalogue, atensiServiceType, type AtensiCatalogue } from '../atensi/atensi-service-types';
import { functioningInstrument } from '../atensi/functioning-domains';
import type { AgreeAtensiPlan, RecordAtensiService, RecordProgressReview } from './placement.commands';
import type { PlannedService } from './placement.events';

/** A day's work at most; longer is a typo or several sessions recorded as one. */
const MAX_SESSION_MINUTES = 24 * 60;

export function requireCatalogue(version: string): AtensiCatalogue {
  const catalogue = atensiCatalogue(version);
  if (!catalogue)
    throw new DomainError('atensi.unknown-catalogue', `no ATENSI catalogue version ${version}`, 'invalid');
  return catalogue;
}

export function requireKnownService(catalogue: AtensiCatalogue, service: PlannedService): void {
  const type = atensiServiceType(catalogue, service.serviceType);
  if (!type) {
    throw new DomainError(
      'atensi.unknown-service-type',
      `${service.serviceType} is not an ATENSI service in catalogue ${catalogue.version}`,
      'invalid',
    );
  }
  if (service.subtype !== null && !type.subtypes.some((subtype) => subtype.code === service.subtype)) {
    throw new DomainError('atensi.unknown-subtype', `${service.subtype} is not a subtype of ${type.code}`, 'invalid');
  }
}

export function checkPlan(command: AgreeAtensiPlan): void {
  const catalogue = requireCatalogue(command.catalogueVersion);
  if (!command.goals.some((goal) => goal.trim() !== '')) {
    throw new DomainError('atensi.no-goals', 'a plan states at least one goal', 'invalid');
  }
  if (command.plannedServices.length === 0) {
    throw new DomainError('atensi.no-planned-services', 'a plan names at least one ATENSI service', 'invalid');
  }
  command.plannedServices.forEach((service) => requireKnownService(catalogue, service));
  if (command.reviewDates.length === 0) {
    throw new DomainError('atensi.no-review-date', 'a plan sets at least one review date', 'invalid');
  }
  if (command.reviewDates.some((date) => date < dayOf(command.at))) {
    throw new DomainError(
      'atensi.review-date-in-past',
      'review dates fall on or after the day the plan is agreed',
      'invalid',
    );
  }
}

export function checkService(command: RecordAtensiService, catalogue: AtensiCatalogue, admittedAt: string): void {
  requireKnownService(catalogue, command);
  const minutes = command.durationMinutes;
  if (minutes !== null && (!Number.isInteger(minutes) || minutes <= 0)) {
    throw new DomainError('atensi.invalid-duration', 'the duration is a whole number of minutes above zero', 'invalid');
  }
  if (minutes !== null && minutes > MAX_SESSION_MINUTES) {
    throw new DomainError(
      'atensi.invalid-duration',
      `a session lasts at most ${MAX_SESSION_MINUTES} minutes`,
      'invalid',
    );
  }
  if (command.deliveredOn < dayOf(admittedAt)) {
    throw new DomainError('atensi.service-before-admission', 'a service is delivered on or after admission', 'invalid');
  }
}

export function checkReview(command: RecordProgressReview): void {
  const instrument = functioningInstrument(command.instrumentVersion);
  if (!instrument) {
    throw new DomainError(
      'atensi.unknown-instrument',
      `no functioning instrument ${command.instrumentVersion}`,
      'invalid',
    );
  }
  if (command.scores.length === 0) {
    throw new DomainError('atensi.no-scores', 'a review scores at least one functioning domain', 'invalid');
  }
  const seen = new Set<string>();
  // Domains outside the instrument's list are kept: the list is our assumption, a panti's own
  // instrument may name others, and refusing a review loses the observation.
  for (const { domain, score } of command.scores) {
    if (seen.has(domain)) throw new DomainError('atensi.domain-scored-twice', `${domain} is scored twice`, 'invalid');
    seen.add(domain);
    if (!Number.isInteger(score) || score < instrument.minScore || score > instrument.maxScore) {
      throw new DomainError(
        'atensi.score-out-of-range',
        `scores are whole numbers from ${instrument.minScore} to ${instrument.maxScore}`,
        'invalid',
      );
    }
  }
  if (command.nextReviewOn !== null && command.nextReviewOn <= command.reviewedOn) {
    throw new DomainError('atensi.next-review-not-later', 'the next review falls after this one', 'invalid');
  }
}

/**
 * The calendar day of an ISO instant as written. Field dates are local (WIB to WIT, ahead of UTC),
 * so comparing them with the UTC day can only be lenient by a day, never reject a true record.
 */
function dayOf(instant: string): string {
  return instant.slice(0, 10);
}
