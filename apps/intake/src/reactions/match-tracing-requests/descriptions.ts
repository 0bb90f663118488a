import type { PersonDescription } from '@lintas/person-matching/match-score';
import type { PersonIdentified } from '../../domain/case/case.events';
import type { PickupReported } from '../../domain/pickup/pickup.events';
import type { TracingRequestEvent } from '../../domain/tracing-request/tracing-request.events';
import type { LastSeen, SoughtPerson } from '../../domain/tracing-request/tracing-request.vocabulary';

/**
 * The two sides of a match as the matcher reads them from the events. Fields come opened, or as
 * an erased marker for a person whose key is gone: only values of the expected type are taken, so
 * an erased person describes as nobody.
 */

/** A person found as the unit reported them: what they said, what was seen, where and when. */
export function foundInPickup({ data }: PickupReported): PersonDescription {
  const claimed = record(data.claimedIdentity);
  const seen = record(data.descriptors);
  const mentioned = Array.isArray(seen.namesMentioned) ? seen.namesMentioned : [];
  return withoutUnknowns({
    names: [claimed.name, ...mentioned].filter(isText),
    nik: text(claimed.nik),
    sex: sex(claimed.sex) ?? sex(seen.sex),
    birthDate: text(claimed.birthDate),
    ageRange: ageRangeOf(text(seen.apparentAgeRange)),
    regionCode: data.location.regionCode,
    at: data.foundAt,
    marks: [text(seen.marks)].filter(isText),
  });
}

/** An identification adds who the person is to what was seen when they were found. */
export function identifiedAs(found: PersonDescription, { data }: PersonIdentified): PersonDescription {
  const names = [text(data.name), ...(Array.isArray(data.aliases) ? data.aliases : [])].filter(isText);
  return withoutUnknowns({
    ...found,
    names: [...new Set([...names, ...found.names])],
    nik: text(data.nik) ?? found.nik,
    sex: sex(data.sex) ?? found.sex,
    birthDate: text(data.birthDate) ?? found.birthDate,
  });
}

/** The relative as the family describes them now: the registration and every update after it. */
export function soughtIn(events: readonly TracingRequestEvent[]): PersonDescription | undefined {
  let sought: SoughtPerson | undefined;
  let lastSeen: LastSeen | undefined;
  for (const event of events) {
    if (event.type === 'TracingRequestRegistered' || event.type === 'TracingRequestUpdated') {
      sought = event.data.sought ?? sought;
      lastSeen = event.data.lastSeen ?? lastSeen;
    }
  }
  if (!sought || !lastSeen) return undefined;
  const s = record(sought);
  const range = record(s.ageRange);
  return withoutUnknowns({
    names: (Array.isArray(s.names) ? s.names : []).filter(isText),
    nik: text(s.nik),
    sex: sex(s.sex),
    birthDate: text(s.birthDate),
    ageRange:
      typeof range.min === 'number' && typeof range.max === 'number' ? { min: range.min, max: range.max } : undefined,
    regionCode: lastSeen.regionCode,
    at: lastSeen.on,
    marks: (Array.isArray(s.marks) ? s.marks : []).filter(isText),
  });
}

/** '30-40', '30 - 40', '35', '±35': what a unit writes of an age it can only guess. */
export function ageRangeOf(value: string | undefined): { min: number; max: number } | undefined {
  const numbers = value?.match(/\d{1,3}/g)?.map(Number);
  if (!numbers || numbers.length === 0) return undefined;
  const [min, max] = [Math.min(...numbers), Math.max(...numbers)];
  return min <= 120 ? { min, max: Math.min(max, 120) } : undefined;
}

function withoutUnknowns(description: {
  [Key in keyof PersonDescription]: PersonDescription[Key] | undefined;
}): PersonDescription {
  return Object.fromEntries(
    Object.entries(description).filter(([, value]) => value !== undefined),
  ) as unknown as PersonDescription;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function text(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}

function sex(value: unknown): 'male' | 'female' | undefined {
  return value === 'male' || value === 'female' ? value : undefined;
}
