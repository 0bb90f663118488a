import type {
  TracingMatchConfirmedV1,
  TracingMatchProposedV1,
  TracingMatchRejectedV1,
  TracingRequestClosedV1,
  TracingRequestRegisteredV1,
} from '@lintas/contracts/intake/intake.contracts';
import type { JourneyFacts, SpellFact } from './facts';
import { EVENT } from './indicator-events';
import { countedRegion, officeRegion } from './regions';
import { daysBetween } from './statistics';

interface TracingRequest {
  /** The owning office: fixed at registration, named again by every later event. */
  officeId?: string;
  /** The family's kabupaten/kota as last seen: only a confirmation tells it. */
  familyRegion?: string;
  registeredAt?: number;
  open?: SpellFact;
  /** Candidates proposed so far: a new score of a pair waiting for review is no new proposal. */
  proposed: Set<string>;
  /** Candidates confirmed and not since rejected (a family may still not recognise a confirmed one). */
  confirmed: Set<string>;
  /** Only the first return of a person confirmed for it ends a family's wait. */
  waitEnded: boolean;
}

/**
 * Families' tracing requests and their matches, read step by step in the order they happened
 * (docs/indicators.md, "Tracing requests"). Each fact counts in the region of the office owning the
 * request, the family's office, whichever office the match or the return is at: the request is
 * the family's, and an office reads its own families' requests in its own rows. Where that office's
 * id tells no region, the family's region as last seen counts, once a confirmation told it.
 */
export class TracingRequestFacts {
  private readonly requests = new Map<string, TracingRequest>();
  /** Requests waiting for the return of a person confirmed for them, by that person's key. */
  private readonly awaiting = new Map<string, Set<string>>();

  constructor(
    private readonly facts: JourneyFacts,
    /** The key of a record's person (PersonsLinked): a return of any of their records ends the wait. */
    private readonly personKeyOf: (personId: string) => string,
  ) {}

  read(type: string, data: Record<string, unknown>, at: number): void {
    switch (type) {
      case EVENT.tracingRequestRegistered:
        return this.registered(data as unknown as TracingRequestRegisteredV1, at);
      case EVENT.tracingRequestClosed:
        return this.closed(data as unknown as TracingRequestClosedV1, at);
      case EVENT.tracingMatchProposed: {
        const proposed = data as unknown as TracingMatchProposedV1;
        const request = this.request(proposed.tracingRequestId);
        if (request.proposed.has(proposed.personId)) return;
        request.proposed.add(proposed.personId);
        return this.match('proposed', request, proposed, proposed.officeId, at);
      }
      case EVENT.tracingMatchConfirmed:
        return this.confirmed(data as unknown as TracingMatchConfirmedV1, at);
      case EVENT.tracingMatchRejected: {
        const rejected = data as unknown as TracingMatchRejectedV1;
        const request = this.request(rejected.tracingRequestId);
        request.confirmed.delete(rejected.personId);
        return this.match('rejected', request, rejected, rejected.officeId, at);
      }
      default:
        return;
    }
  }

  /** A person came home (ReunificationCompleted): the wait of each request confirmed for them ends. */
  returned(personKey: string, at: number): void {
    const waiting = this.awaiting.get(personKey);
    if (!waiting) return;
    this.awaiting.delete(personKey);
    for (const requestId of waiting) {
      const request = this.request(requestId);
      // A confirmation rejected since, or one of another person, leaves the request waiting.
      const stillConfirmed = [...request.confirmed].some((candidate) => this.personKeyOf(candidate) === personKey);
      if (!stillConfirmed || request.waitEnded || request.registeredAt === undefined) continue;
      request.waitEnded = true;
      this.facts.durations.push({
        indicator: 'tracing-days-to-return',
        breakdown: null,
        days: daysBetween(request.registeredAt, at),
        end: at,
        region: this.regionOf(request),
      });
    }
  }

  private registered(registered: TracingRequestRegisteredV1, at: number): void {
    const request = this.request(registered.tracingRequestId);
    // A redelivered registration registers nothing new.
    if (request.registeredAt !== undefined) return;
    request.registeredAt = at;
    request.officeId = registered.officeId;
    const region = this.regionOf(request);
    this.facts.events.push({
      indicator: 'tracing-requests-registered',
      breakdown: null,
      key: registered.tracingRequestId,
      at,
      region,
    });
    request.open = {
      indicator: 'tracing-requests-open',
      breakdown: null,
      key: registered.tracingRequestId,
      start: at,
      end: null,
      region,
    };
    this.facts.spells.push(request.open);
  }

  private closed(closed: TracingRequestClosedV1, at: number): void {
    const request = this.request(closed.tracingRequestId);
    if (request.open && request.open.end === null) request.open.end = at;
  }

  private confirmed(confirmed: TracingMatchConfirmedV1, at: number): void {
    const request = this.request(confirmed.tracingRequestId);
    request.familyRegion = countedRegion(confirmed.familyRegionCode) ?? request.familyRegion;
    request.confirmed.add(confirmed.personId);
    const personKey = this.personKeyOf(confirmed.personId);
    let waiting = this.awaiting.get(personKey);
    if (!waiting) this.awaiting.set(personKey, (waiting = new Set()));
    waiting.add(confirmed.tracingRequestId);
    this.match('confirmed', request, confirmed, confirmed.requestOfficeId, at);
  }

  private match(
    decision: 'proposed' | 'confirmed' | 'rejected',
    request: TracingRequest,
    pair: { tracingRequestId: string; personId: string },
    officeId: string,
    at: number,
  ): void {
    this.facts.events.push({
      indicator: 'tracing-matches',
      breakdown: decision,
      key: `${pair.tracingRequestId}#${pair.personId}`,
      at,
      region: this.regionOf(request, officeId),
    });
  }

  private request(tracingRequestId: string): TracingRequest {
    let request = this.requests.get(tracingRequestId);
    if (!request) {
      request = { proposed: new Set(), confirmed: new Set(), waitEnded: false };
      this.requests.set(tracingRequestId, request);
    }
    return request;
  }

  /** The owning office's region, else (a registration the ledger lacks) the event's office's, else the family's. */
  private regionOf(request: TracingRequest, eventOfficeId?: string): string | undefined {
    return officeRegion(request.officeId) ?? officeRegion(eventOfficeId) ?? request.familyRegion;
  }
}
