import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import {
  PersonsLinkedV1,
  TracingMatchConfirmedV1,
  TracingMatchRejectedV1,
} from '@lintas/contracts/intake/intake.contracts';
import type { LedgerEntryData, LedgerEvent } from '../../domain/ledger/ledger.events';
import { stageOf } from '../../domain/ledger/stages';

/**
 * Every ledger entry as a row, in the ledger's order, for the trail; and the links between
 * records that intake found to be one person, so that a trail reads them as one.
 */
export class LedgerEntriesProjection implements Projection<LedgerEvent> {
  readonly name = 'ledger-entries';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const s = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_entries (
         transaction_id xid8 NOT NULL,
         sequence bigint NOT NULL,
         ledger_event_id uuid NOT NULL,
         event_id text NOT NULL,
         source text NOT NULL,
         type text NOT NULL,
         occurred_at timestamptz NOT NULL,
         recorded_at timestamptz NOT NULL,
         person_id uuid,
         correlation_id text,
         causation_id text,
         actor_agency_id text,
         actor_client_id text,
         stage text NOT NULL,
         data jsonb NOT NULL,
         PRIMARY KEY (transaction_id, sequence)
       )`,
      `CREATE INDEX IF NOT EXISTS ledger_entries_person ON ${s}.ledger_entries (person_id, transaction_id, sequence)`,
      `CREATE INDEX IF NOT EXISTS ledger_entries_type ON ${s}.ledger_entries (type, occurred_at)`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_person_links (
         person_id uuid NOT NULL,
         linked_person_id uuid NOT NULL,
         PRIMARY KEY (person_id, linked_person_id)
       )`,
    ];
  }

  async apply(events: (RecordedEvent & LedgerEvent)[], client: PoolClient): Promise<void> {
    const entries = events.filter((e) => e.type === 'LedgerEntryRecorded');
    if (entries.length === 0) return;
    const data = entries.map((e) => e.data);
    await client.query(
      `INSERT INTO ${this.schema}.ledger_entries
         (transaction_id, sequence, ledger_event_id, event_id, source, type, occurred_at, recorded_at, person_id,
          correlation_id, causation_id, actor_agency_id, actor_client_id, stage, data)
       SELECT * FROM unnest($1::text[]::xid8[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::uuid[], $10::text[], $11::text[], $12::text[],
                            $13::text[], $14::text[], $15::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        entries.map((e) => e.position.transactionId.toString()),
        entries.map((e) => e.position.sequence.toString()),
        entries.map((e) => e.id),
        data.map((d) => d.eventId),
        data.map((d) => d.source),
        data.map((d) => d.type),
        data.map((d) => d.time),
        entries.map((e) => e.metadata.recordedAt),
        data.map((d) => d.personId),
        data.map((d) => d.correlationId),
        data.map((d) => d.causationId),
        data.map((d) => d.actorAgencyId),
        data.map((d) => d.actorClientId),
        data.map((d) => stageOf(d.source, d.type)),
        data.map((d) => JSON.stringify(d.data)),
      ],
    );
    // In the ledger's order: a confirmed match rejected afterwards (the family did not know the
    // person) unlinks the two again, and a later confirmation links them anew.
    for (const entry of data) {
      const link = linkOf(entry);
      if (link) {
        // Both ways, so that either record's trail finds the other.
        await client.query(
          `INSERT INTO ${this.schema}.ledger_person_links (person_id, linked_person_id)
           VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`,
          [link.survivorPersonId, link.linkedPersonId],
        );
      } else if (entry.type === TracingMatchRejectedV1.type && entry.personId) {
        await client.query(
          `DELETE FROM ${this.schema}.ledger_person_links
            WHERE (person_id, linked_person_id) IN (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))`,
          [(entry.data as TracingMatchRejectedV1).personId, entry.personId],
        );
      }
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.ledger_entries, ${this.schema}.ledger_person_links`);
  }
}

/**
 * Two records that are one person: linked by intake, or a relative sought by a family and the
 * person found who was confirmed to be them (the request's subject and the match's person).
 */
function linkOf(entry: LedgerEntryData): { survivorPersonId: string; linkedPersonId: string } | undefined {
  if (entry.type === PersonsLinkedV1.type) return entry.data as PersonsLinkedV1;
  if (entry.type === TracingMatchConfirmedV1.type && entry.personId) {
    return { survivorPersonId: (entry.data as TracingMatchConfirmedV1).personId, linkedPersonId: entry.personId };
  }
  return undefined;
}
