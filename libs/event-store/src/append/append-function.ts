import { announceWriterPlpgsql } from '@lintas/platform/database/writer-sessions';
import { STREAM_LOCK_KEY_SQL } from './stream-lock';

/**
 * The append as one server-side function: lock the heads, check each append's expected version,
 * chain the hashes, write the events, the heads and the outbox, and answer each append's outcome
 * — in one statement, so one round trip, and in autocommit one implicit transaction, so neither
 * BEGIN nor COMMIT travels. The hash is EVENT_HASH_SQL's formula (and eventHash's, in TypeScript).
 *
 * Heads are locked with advisory locks, in key order so that concurrent batches cannot deadlock,
 * before the transaction gets its id: a transaction that waited for a stream then always has a
 * higher id than the one it waited for, and the global order (transaction id, sequence) keeps each
 * stream's events in order. Row locks (SELECT … FOR UPDATE) would assign the id at the first lock.
 */
export function appendFunctionSql(schema: string): string {
  const s = schema;
  return `
CREATE OR REPLACE FUNCTION ${s}.append_events(
  req_stream text[], req_expected integer[], req_count integer[],
  ev_id uuid[], ev_type text[], ev_schema integer[], ev_data json[], ev_meta json[], ev_person uuid[],
  ob_topic text[], ob_key text[], ob_headers json[], ob_value bytea[]
) RETURNS TABLE (ok boolean, actual integer, next_version integer, transaction_id text, seq text)
LANGUAGE plpgsql AS $append$
DECLARE
  requests integer := coalesce(array_length(req_stream, 1), 0);
  head_ids text[]; head_versions integer[]; head_hashes bytea[];
  kept integer[] := '{}'; kept_stream text[] := '{}'; kept_version integer[] := '{}'; kept_hash bytea[] := '{}';
  touched text[] := '{}';
  r_ok boolean[] := '{}'; r_actual integer[] := '{}'; r_next integer[] := '{}'; r_last integer[] := '{}';
  positions text[]; sequences text[];
  e integer := 0; head integer; v integer; h bytea; written integer;
BEGIN${announceWriterPlpgsql(s)}
  PERFORM pg_advisory_xact_lock(key)
     FROM (SELECT DISTINCT ${STREAM_LOCK_KEY_SQL('id')} AS key FROM unnest(req_stream) AS id ORDER BY key) AS keys;
  SELECT coalesce(array_agg(h.stream_id), '{}'), coalesce(array_agg(h.version), '{}'), coalesce(array_agg(h.last_hash), '{}')
    INTO head_ids, head_versions, head_hashes
    FROM ${s}.streams h WHERE h.stream_id = ANY(req_stream);
  FOR i IN 1..requests LOOP
    head := array_position(head_ids, req_stream[i]);
    IF head IS NULL THEN v := 0; h := '\\x${'00'.repeat(32)}'::bytea;
    ELSE v := head_versions[head]; h := head_hashes[head];
    END IF;
    -- req_expected: -1 for any version; 0 for no stream yet; n for version n.
    IF req_expected[i] >= 0 AND req_expected[i] <> v THEN
      r_ok[i] := false; r_actual[i] := v;
      e := e + req_count[i];
      CONTINUE;
    END IF;
    FOR k IN 1..req_count[i] LOOP
      e := e + 1; v := v + 1;
      h := sha256(h || convert_to(concat_ws(E'\\n',
             ev_id[e]::text, v, ev_schema[e], octet_length(req_stream[i]), req_stream[i],
             octet_length(ev_type[e]), ev_type[e], octet_length(ev_data[e]::text), octet_length(ev_meta[e]::text), '')
           || ev_data[e]::text || ev_meta[e]::text, 'UTF8'));
      kept := kept || e; kept_stream := kept_stream || req_stream[i]; kept_version := kept_version || v;
      kept_hash := kept_hash || h;
    END LOOP;
    IF head IS NULL THEN
      head_ids := head_ids || req_stream[i]; head_versions := head_versions || v; head_hashes := head_hashes || h;
    ELSE
      head_versions[head] := v; head_hashes[head] := h;
    END IF;
    IF NOT req_stream[i] = ANY(touched) THEN touched := touched || req_stream[i]; END IF;
    r_ok[i] := true; r_next[i] := v; r_last[i] := array_length(kept, 1);
  END LOOP;
  written := coalesce(array_length(kept, 1), 0);
  IF written > 0 THEN
    -- Rows are drawn in j order, and so is their sequence: row j is kept event j.
    WITH inserted AS (
      INSERT INTO ${s}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata, person_id, hash)
      SELECT kept_stream[j], kept_version[j], ev_id[kept[j]], ev_type[kept[j]], ev_schema[kept[j]], ev_data[kept[j]],
             ev_meta[kept[j]], ev_person[kept[j]], kept_hash[j]
        FROM generate_series(1, written) AS j ORDER BY j
      RETURNING events.transaction_id, events.sequence
    )
    SELECT array_agg(inserted.transaction_id::text ORDER BY inserted.sequence),
           array_agg(inserted.sequence::text ORDER BY inserted.sequence)
      INTO positions, sequences FROM inserted;
    INSERT INTO ${s}.streams (stream_id, version, last_hash)
    SELECT t, head_versions[array_position(head_ids, t)], head_hashes[array_position(head_ids, t)] FROM unnest(touched) AS t
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash;
    INSERT INTO ${s}.outbox (topic, key, headers, value)
    SELECT ob_topic[kept[j]], ob_key[kept[j]], ob_headers[kept[j]], ob_value[kept[j]]
      FROM generate_series(1, written) AS j WHERE ob_topic[kept[j]] IS NOT NULL ORDER BY j;
  END IF;
  RETURN QUERY SELECT r_ok[i], r_actual[i], r_next[i], positions[r_last[i]], sequences[r_last[i]]
    FROM generate_series(1, requests) AS i ORDER BY i;
END
$append$`;
}
