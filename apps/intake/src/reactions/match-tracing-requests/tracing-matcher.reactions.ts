import { Inject } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  PersonIdentifiedV1,
  PickupReportedV1,
  TracingMatchConfirmedV1,
  TracingRequestClosedV1,
  TracingRequestRegisteredV1,
  TracingRequestUpdatedV1,
} from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { TracingMatcher } from './tracing-matcher';

/**
 * The matcher hears intake's own events, after they are committed and in each person's order: a
 * new person found, an identification, a request registered, changed or closed, a match confirmed.
 */
@ReactsTo(PickupReportedV1)
export class MatchPersonFound implements Reaction<PickupReportedV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<PickupReportedV1>, tx: PoolClient): Promise<void> {
    return this.matcher.pickupReported(event, tx);
  }
}

@ReactsTo(PersonIdentifiedV1)
export class MatchPersonIdentified implements Reaction<PersonIdentifiedV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<PersonIdentifiedV1>, tx: PoolClient): Promise<void> {
    return this.matcher.personIdentified(event, tx);
  }
}

@ReactsTo(TracingRequestRegisteredV1)
export class MatchTracingRequestRegistered implements Reaction<TracingRequestRegisteredV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<TracingRequestRegisteredV1>, tx: PoolClient): Promise<void> {
    return this.matcher.tracingRequestChanged(event, tx);
  }
}

@ReactsTo(TracingRequestUpdatedV1)
export class MatchTracingRequestUpdated implements Reaction<TracingRequestUpdatedV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<TracingRequestUpdatedV1>, tx: PoolClient): Promise<void> {
    return this.matcher.tracingRequestChanged(event, tx);
  }
}

@ReactsTo(TracingRequestClosedV1)
export class ForgetClosedTracingRequest implements Reaction<TracingRequestClosedV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<TracingRequestClosedV1>, tx: PoolClient): Promise<void> {
    return this.matcher.withdrawn([event.data.personId], tx);
  }
}

/** The person found is someone's relative now: not a candidate for other families. */
@ReactsTo(TracingMatchConfirmedV1)
export class ForgetConfirmedPerson implements Reaction<TracingMatchConfirmedV1> {
  constructor(@Inject(TracingMatcher) private readonly matcher: TracingMatcher) {}

  handle(event: Received<TracingMatchConfirmedV1>, tx: PoolClient): Promise<void> {
    return this.matcher.withdrawn([event.data.personId], tx);
  }
}

export const TRACING_MATCHER_REACTIONS = [
  MatchPersonFound,
  MatchPersonIdentified,
  MatchTracingRequestRegistered,
  MatchTracingRequestUpdated,
  ForgetClosedTracingRequest,
  ForgetConfirmedPerson,
];
