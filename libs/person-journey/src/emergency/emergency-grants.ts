import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { NotAllowedError } from '@lintas/platform/http/problems/http-errors';

/** A request as the edge leaves it: the caller, and whether only an emergency access can let it in. */
export type EmergencyRequest = Request & { actor?: AgencyActor; emergencyOnly?: boolean; emergencyAccess?: string };

export interface EmergencyGrant {
  accessId: string;
  personId: string;
  agencyId: string;
  expiresAt: string;
}

/**
 * The emergency accesses (break-the-glass) this service honours: intake records them and every
 * service keeps its own copy from the event, so that a read checks it where it happens. An access
 * holds until its `expiresAt`, to the second, and for the one person it names (and their linked
 * records): a read it lets in is recorded under it.
 */
@Injectable()
export class EmergencyGrants {
  private readonly table: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.table = `${store.schema}.emergency_grants`;
  }

  static ddl(schema: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.emergency_grants (
         access_id uuid PRIMARY KEY,
         person_id uuid NOT NULL,
         agency_id text NOT NULL,
         expires_at timestamptz NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS emergency_grants_person ON ${schema}.emergency_grants (person_id, agency_id)`,
    ];
  }

  async record(db: Pool | PoolClient, grant: EmergencyGrant): Promise<void> {
    await db.query(
      `INSERT INTO ${this.table} (access_id, person_id, agency_id, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (access_id) DO NOTHING`,
      [grant.accessId, grant.personId, grant.agencyId, grant.expiresAt],
    );
  }

  /** The agency's emergency access to any of these persons that holds now, if there is one. */
  async active(agencyId: string, personIds: readonly string[]): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ access_id: string }>(
      `SELECT access_id::text FROM ${this.table}
        WHERE person_id = ANY($1::uuid[]) AND agency_id = $2 AND expires_at > now()
        ORDER BY expires_at DESC LIMIT 1`,
      [personIds, agencyId],
    );
    return rows[0]?.access_id;
  }

  /**
   * Whether the caller may read a record of these persons: when the rules let it (`visible`), or
   * under an emergency access that holds now (the read is then recorded under it). A caller whose
   * kind the route does not allow and who holds none is refused as the route would refuse it (403);
   * anyone else gets `false`, for the route to answer that the record does not exist.
   */
  async admit(request: EmergencyRequest, personIds: readonly string[], visible: boolean): Promise<boolean> {
    if (visible && !request.emergencyOnly) return true;
    const actor = request.actor;
    const accessId = actor && personIds.length > 0 ? await this.active(actor.agencyId, personIds) : undefined;
    if (accessId) {
      request.emergencyAccess = accessId;
      return true;
    }
    if (request.emergencyOnly) throw new NotAllowedError(actor?.kind ?? 'unknown');
    return false;
  }
}
