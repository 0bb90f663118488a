import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { IntakeEvent } from '../../domain/intake-event';

/**
 * The tracing requests and their candidates for the offices' review queues: ids, offices,
 * statuses, probabilities, the reasons as field levels, times and reviewers. Nothing describing
 * anyone: the request's stream and the match index hold that, read where access is checked.
 */
export class TracingRequestsProjection implements Projection<IntakeEvent> {
  readonly name = 'tracing-requests';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.tracing_requests (
         tracing_request_id uuid PRIMARY KEY,
         person_id uuid NOT NULL,
         office_id text NOT NULL,
         registered_by text NOT NULL,
         status text NOT NULL,
         last_seen_region_code text NOT NULL,
         registered_at timestamptz NOT NULL,
         closed_at timestamptz,
         found_person_id uuid
       )`,
      `CREATE INDEX IF NOT EXISTS tracing_requests_office ON ${this.schema}.tracing_requests (office_id, status)`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.tracing_matches (
         tracing_request_id uuid NOT NULL,
         candidate_person_id uuid NOT NULL,
         office_id text NOT NULL,
         status text NOT NULL,
         probability double precision NOT NULL,
         reasons jsonb NOT NULL,
         proposed_at timestamptz NOT NULL,
         decided_at timestamptz,
         reviewer_id text,
         PRIMARY KEY (tracing_request_id, candidate_person_id)
       )`,
      `CREATE INDEX IF NOT EXISTS tracing_matches_office ON ${this.schema}.tracing_matches (office_id, status)`,
    ];
  }

  async apply(events: (RecordedEvent & IntakeEvent)[], client: PoolClient): Promise<void> {
    const requests = `${this.schema}.tracing_requests`;
    const matches = `${this.schema}.tracing_matches`;
    for (const event of events) {
      switch (event.type) {
        case 'TracingRequestRegistered': {
          const d = event.data;
          await client.query(
            `INSERT INTO ${requests} (tracing_request_id, person_id, office_id, registered_by, status,
                                      last_seen_region_code, registered_at)
             VALUES ($1, $2, $3, $4, 'open', $5, $6) ON CONFLICT DO NOTHING`,
            [d.tracingRequestId, d.personId, d.officeId, d.registeredBy, d.lastSeen.regionCode, d.at],
          );
          break;
        }
        case 'TracingRequestUpdated':
          if (event.data.lastSeen) {
            await client.query(`UPDATE ${requests} SET last_seen_region_code = $2 WHERE tracing_request_id = $1`, [
              event.data.tracingRequestId,
              event.data.lastSeen.regionCode,
            ]);
          }
          break;
        case 'TracingRequestWithdrawn':
        case 'TracingRequestClosedAsFound':
          await client.query(
            `UPDATE ${requests} SET status = $2, closed_at = $3, found_person_id = $4 WHERE tracing_request_id = $1`,
            [
              event.data.tracingRequestId,
              event.type === 'TracingRequestWithdrawn' ? 'withdrawn' : 'found',
              event.data.at,
              event.type === 'TracingRequestClosedAsFound' ? (event.data.foundPersonId ?? null) : null,
            ],
          );
          break;
        case 'MatchProposed': {
          const d = event.data;
          await client.query(
            `INSERT INTO ${matches} (tracing_request_id, candidate_person_id, office_id, status, probability, reasons,
                                     proposed_at)
             VALUES ($1, $2, $3, 'proposed', $4, $5, $6)
             ON CONFLICT (tracing_request_id, candidate_person_id)
             DO UPDATE SET probability = $4, reasons = $5, proposed_at = $6`,
            [d.tracingRequestId, d.candidatePersonId, d.officeId, d.probability, JSON.stringify(d.reasons), d.at],
          );
          break;
        }
        case 'MatchConfirmed':
        case 'MatchRejected':
          await client.query(
            `UPDATE ${matches} SET status = $3, decided_at = $4, reviewer_id = $5
              WHERE tracing_request_id = $1 AND candidate_person_id = $2`,
            [
              event.data.tracingRequestId,
              event.data.candidatePersonId,
              event.type === 'MatchConfirmed' ? 'confirmed' : 'rejected',
              event.data.at,
              event.data.reviewerId,
            ],
          );
          break;
        default:
          break;
      }
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.tracing_requests, ${this.schema}.tracing_matches`);
  }
}
