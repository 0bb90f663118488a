import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { byRequest } from '@lintas/commands/write-cause';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { joinOrBegin } from '@lintas/platform/database/ambient-transaction';
import { applySchema } from '@lintas/platform/database/apply-schema';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { Every } from '@lintas/platform/service/every';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { RecordInLedgerCommand } from '../commands/record-in-ledger/record-in-ledger.command';
import { registerChangeEntry, type RegisterChangeRecord } from '../domain/ledger/register-changes';
import { OwnAccessToken } from './own-access-token';

/**
 * How long a register transaction may take at most. Positions come from a sequence, taken when a
 * change is written, not when it commits: a change may become visible after a later one was read.
 * The cursor therefore stays behind every change younger than this, and those are read again at
 * the next round; the ledger keeps each once by its id.
 */
const SETTLED_MS = 60_000;

/** The cursor after a page: its last position whose change, and every one before it, is settled. */
export function settledUpTo(changes: readonly RegisterChangeRecord[], after: number): number {
  const settled = Date.now() - SETTLED_MS;
  let upTo = after;
  for (const change of changes) {
    if (Date.parse(change.occurredAt) > settled) break;
    upTo = change.position;
  }
  return upTo;
}

/** The feed acts as the audit service itself; each entry names the register's own actor. */
const FEED: AgencyActor = { agencyId: 'lintas-audit', kind: 'admin', regionCode: '00', clientId: 'register-feed' };

/**
 * The agency register's changes, kept in the ledger beside the services' events: who registered,
 * rotated or revoked what, and when. The register lives in the identity app (relational, not an
 * event stream), which lists its changes in order at `GET /admin/register-changes?after=`; the
 * audit service pulls them every REGISTER_FEED_SECONDS with its own client's token, and records
 * each page with its cursor in one transaction, so a change is kept once even across a crash.
 * Off where REGISTER_CHANGES_URL is not set (an installation on another OpenID provider, whose
 * own audit log is where its changes are).
 */
@Injectable()
export class RegisterFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly every: Every;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnAccessToken) private readonly ownToken: OwnAccessToken,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.every = new Every(
      env.REGISTER_FEED_SECONDS * 1_000,
      () => this.pullNow(),
      (err) => this.logger.warn({ err }, 'pulling the register changes failed; the next round tries again'),
    );
  }

  get enabled(): boolean {
    return Boolean(this.env.REGISTER_CHANGES_URL) && this.ownToken.configured;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.every.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.every.stop();
  }

  /** Pulls and records every change after the cursor; resolves with how many it read (kept once each). */
  async pullNow(): Promise<number> {
    const url = this.env.REGISTER_CHANGES_URL;
    if (!url) return 0;
    await this.createTable();
    let read = 0;
    let after = await this.cursor(url);
    for (;;) {
      const changes = await this.page(url, after);
      if (changes.length === 0) return read;
      await joinOrBegin(this.pool, async ({ client }) => {
        for (const change of changes) {
          const eventId = deterministicUuid(`register-change\n${url}\n${change.position}`);
          await this.commands.execute(new RecordInLedgerCommand(registerChangeEntry(eventId, change), byRequest(FEED)));
        }
        await client.query(
          `INSERT INTO ${this.table} (url, after) VALUES ($1, $2)
           ON CONFLICT (url) DO UPDATE SET after = greatest(feed_cursors.after, excluded.after), updated_at = now()`,
          [url, settledUpTo(changes, after)],
        );
      });
      read += changes.length;
      after = changes.at(-1)?.position ?? after;
    }
  }

  private async page(url: string, after: number): Promise<RegisterChangeRecord[]> {
    const response = await fetch(`${url}?after=${after}`, {
      headers: { authorization: await this.ownToken.authorization(), accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`the register's changes answered ${response.status} at ${url}`);
    const body = (await response.json()) as { changes?: RegisterChangeRecord[] };
    return (body.changes ?? []).filter((change) => change.position > after);
  }

  private async cursor(url: string): Promise<number> {
    const { rows } = await this.pool.query<{ after: string }>(`SELECT after::text FROM ${this.table} WHERE url = $1`, [
      url,
    ]);
    return Number(rows[0]?.after ?? 0);
  }

  private get table(): string {
    return `${this.store.schema}.feed_cursors`;
  }

  private createTable(): Promise<void> {
    return applySchema(this.pool, this.table, [
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         url text PRIMARY KEY,
         after bigint NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    ]);
  }
}
