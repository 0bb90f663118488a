import type { PoolClient } from 'pg';

/** Where a person is in the journey, in its usual order: at equal times the later stage wins. */
export const STAGES = [
  'picked-up',
  'at-dinas-sosial',
  'referred-to-rsj',
  'in-rsj',
  'family-tracing',
  'long-term-placement',
  'waiting-for-panti',
  'in-panti',
  'reunified',
  'absconded',
  'closed',
  'died',
] as const;
export type Stage = (typeof STAGES)[number];

export interface WhereaboutsStep {
  /** The event that moved the person: recording it twice changes nothing. */
  eventId: string;
  personId: string;
  stage: Stage;
  /** When it happened in the field. */
  since: string;
  /** Where the person is: the unit, office, RSJ or panti, when one is known. */
  agencyId: string | null;
  /** `intake` for this service's own events (rebuilt with its projection), else the contract's name. */
  source: string;
}

/**
 * "Where is this person now", fed from this service's events (a projection) and from the other
 * services' integration events (reactions). Each fact is a step; the answer is the latest step,
 * except that death is final. Steps, not one row, because the services' events arrive in no
 * common order: the time each happened orders them.
 */
export class WhereaboutsSteps {
  constructor(private readonly schema: string) {}

  static ddl(schema: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.whereabouts_steps (
         event_id uuid PRIMARY KEY,
         person_id uuid NOT NULL,
         stage text NOT NULL,
         stage_rank integer NOT NULL,
         since timestamptz NOT NULL,
         agency_id text,
         source text NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS whereabouts_steps_person ON ${schema}.whereabouts_steps (person_id)`,
      `CREATE TABLE IF NOT EXISTS ${schema}.whereabouts_access (
         person_id uuid PRIMARY KEY,
         office_id text,
         region_code text
       )`,
    ];
  }

  async step(db: PoolClient, step: WhereaboutsStep): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.whereabouts_steps (event_id, person_id, stage, stage_rank, since, agency_id, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
      [step.eventId, step.personId, step.stage, STAGES.indexOf(step.stage), step.since, step.agencyId, step.source],
    );
  }

  /** Which office may see the person: the owning one, and the one of the region where they were found. */
  async access(db: PoolClient, personId: string, change: { officeId?: string; regionCode?: string }): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.whereabouts_access (person_id, office_id, region_code) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET office_id = coalesce($2, whereabouts_access.office_id),
         region_code = coalesce($3, whereabouts_access.region_code)`,
      [personId, change.officeId ?? null, change.regionCode ?? null],
    );
  }

  /**
   * Copies the other services' steps from the whereabouts of `fromSchema` (the live ones, when a
   * rebuild in a shadow schema is about to replace them): no replay of this store brings them back.
   */
  async carryForeign(db: PoolClient, fromSchema: string): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.whereabouts_steps (event_id, person_id, stage, stage_rank, since, agency_id, source)
       SELECT event_id, person_id, stage, stage_rank, since, agency_id, source
         FROM ${fromSchema}.whereabouts_steps WHERE source <> 'intake'
       ON CONFLICT (event_id) DO NOTHING`,
    );
  }

  /** Forgets what this service's own events put here; the other services' steps cannot be replayed. */
  async forgetOwn(db: PoolClient): Promise<void> {
    await db.query(`DELETE FROM ${this.schema}.whereabouts_steps WHERE source = 'intake'`);
    await db.query(`TRUNCATE ${this.schema}.whereabouts_access`);
  }
}
