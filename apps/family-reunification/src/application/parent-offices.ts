import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  type OnModuleInit,
} from '@nestjs/common';
import type { Request } from 'express';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { from, mergeMap, type Observable } from 'rxjs';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';

/**
 * Each agency's parent office in the agency register, as far as this service has heard: where an
 * overdue complaint goes. The register reaches the services only in access tokens (docs/access.md,
 * "The provincial office sees its UPTs"): a parent office's token lists the agencies whose parent
 * it is (`supervised_agencies`, AgencyActor.supervises), and no service asks the register itself.
 * So every token this service verifies teaches it the caller's children, kept here across
 * instances and restarts; a change in the register holds from the parent's next token. A parent
 * office that never called this service is unknown here, and complaints whose addressee it
 * supervises wait, overdue, until it calls (its own complaint queue is enough).
 */
@Injectable()
export class ParentOffices implements OnModuleInit {
  private readonly schema: string;
  private readonly table: string;
  /** What this instance last wrote for each caller, so that a token heard again costs no query. */
  private readonly written = new Map<string, string>();

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
    this.table = `${store.schema}.parent_offices`;
  }

  async onModuleInit(): Promise<void> {
    await applySchema(this.pool, `lintas-parent-offices:${this.table}`, [
      `CREATE SCHEMA IF NOT EXISTS ${this.schema}`,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         agency_id text PRIMARY KEY,
         parent_id text NOT NULL,
         heard_at timestamptz NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS parent_offices_parent ON ${this.table} (parent_id)`,
    ]);
  }

  /**
   * The children the caller's token names are its own from now on, and only those: a child moved to
   * another office is that office's once it calls, and one no longer named is nobody's until then.
   */
  async heardFrom(actor: AgencyActor): Promise<void> {
    const children = [...new Set(actor.supervises ?? [])].filter((id) => id !== actor.agencyId).sort();
    const key = children.join(',');
    if (this.written.get(actor.agencyId) === key) return;
    await this.pool.query(
      `WITH forgotten AS (
         DELETE FROM ${this.table} WHERE parent_id = $1 AND agency_id <> ALL($2::text[])
       )
       INSERT INTO ${this.table} (agency_id, parent_id, heard_at)
       SELECT unnest($2::text[]), $1, now()
       ON CONFLICT (agency_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, heard_at = EXCLUDED.heard_at`,
      [actor.agencyId, children],
    );
    this.written.set(actor.agencyId, key);
  }

  async parentOf(agencyId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ parent_id: string }>(
      `SELECT parent_id FROM ${this.table} WHERE agency_id = $1`,
      [agencyId],
    );
    return rows[0]?.parent_id;
  }
}

/**
 * Hears every verified caller's token before its request is handled. Learning is not the request's
 * business: a failure is logged and the request goes on; the next call tries again.
 */
@Injectable()
export class ParentOfficesInterceptor implements NestInterceptor {
  constructor(
    @Inject(ParentOffices) private readonly parents: ParentOffices,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor =
      context.getType() === 'http'
        ? context.switchToHttp().getRequest<Request & { actor?: AgencyActor }>().actor
        : undefined;
    if (!actor) return next.handle();
    return from(
      this.parents
        .heardFrom(actor)
        .catch((err: unknown) => this.logger.warn({ err }, 'the parent offices a token names could not be kept')),
    ).pipe(mergeMap(() => next.handle()));
  }
}
