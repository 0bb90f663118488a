import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { SEALED_REASON } from '../../read-models/emergency-accesses/emergency-accesses.projection';
import { EmergencyAccessView } from './emergency-accesses.response.dto';

interface Row {
  access_id: string;
  person_id: string;
  agency_id: string;
  agency_kind: string;
  reason: { reason: unknown } | null;
  granted_at: Date;
  expires_at: Date;
  active: boolean;
  verdict: EmergencyAccessView['verdict'];
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

@Controller('work-queues')
export class EmergencyAccessesController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /**
   * Emergency accesses to the office's persons, those it owes a review first, then the newest;
   * an admin sees all. This is how an owning office is told of one.
   */
  @Get('emergency-accesses')
  @ApiOkResponse({ type: [EmergencyAccessView], description: 'Reviews owed first, then the newest; at most 500.' })
  @Allow('dinas-sosial', 'admin')
  async list(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<EmergencyAccessView[]> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<Row>(
      `SELECT access_id::text, person_id::text, agency_id, agency_kind, reason, granted_at, expires_at,
              expires_at > now() AS active, verdict, reviewed_by, reviewed_at
         FROM ${this.store.schema}.emergency_accesses
        WHERE $1::text IS NULL OR $1 = ANY(owning_office_ids)
        ORDER BY (verdict IS NULL AND expires_at <= now()) DESC, granted_at DESC LIMIT 500`,
      [actor.kind === 'admin' ? null : actor.agencyId],
    );
    const cipher = this.store.cipher;
    const reasons = cipher
      ? ((await cipher.openMany(
          rows.map((row) => ({ personId: row.person_id, data: row.reason ?? {}, paths: SEALED_REASON })),
        )) as { reason?: unknown }[])
      : rows.map(() => ({ reason: null }));
    return rows.map((row, i) => ({
      accessId: row.access_id,
      personId: row.person_id,
      agencyId: row.agency_id,
      agencyKind: row.agency_kind,
      reason: (reasons[i]?.reason ?? null) as EmergencyAccessView['reason'],
      grantedAt: row.granted_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      active: row.active,
      reviewDue: !row.active && row.verdict === null,
      verdict: row.verdict,
      reviewedBy: row.reviewed_by,
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
    }));
  }
}
