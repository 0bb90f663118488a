import { ApiProperty } from '@nestjs/swagger';
import { STAGES } from '../../domain/ledger/stages';

/** Who acted: an agency of the register and its calling system, or a service acting on its behalf. */
export class TrailActor {
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
}

/**
 * One step of a person's path, as the service that took it published it: an integration event, or
 * an access record (stage `access`: an agency read the person's data there, or was refused).
 */
export class TrailStep {
  /** The integration event's id (unique with its source). */
  @ApiProperty({ type: String }) eventId!: string;
  /** The record the step belongs to: the person asked about or one linked with them. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The contract type with its version, e.g. `id.lintas.intake.pickup.reported.v1`. */
  @ApiProperty({ type: String }) type!: string;
  /** The publishing service, e.g. `/lintas/intake`. */
  @ApiProperty({ type: String }) source!: string;
  /** The journey's stage, by the publishing service; `access` for a read of the person's data (or one refused). */
  @ApiProperty({ enum: STAGES }) stage!: string;
  /** When it happened in the field (an access record: when the service recorded the read). */
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  /** When the ledger recorded it. */
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: TrailActor }) actor!: TrailActor;
  /** The journey it belongs to. */
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  /** The step that caused it, where one did: it comes before this one in the trail. */
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  /** Its place in the ledger's Merkle tree, once a checkpoint covers it: what an evidence bundle proves. */
  @ApiProperty({ type: Number, nullable: true }) leafIndex!: number | null;
  /**
   * The event's data as its contract defines it: ids, codes and dates, no names. An access record's
   * names the route, its path ids, the persons and the personal fields the answer carried, and who asked.
   */
  @ApiProperty({ type: Object }) data!: unknown;
}

/** Where the person stood: the stage and the last step of the journey (reads of their data aside), by whom and since when. */
export class TrailStanding {
  @ApiProperty({ enum: STAGES.filter((stage) => stage !== 'access') }) stage!: string;
  /** The last step's type. */
  @ApiProperty({ type: String }) lastStep!: string;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) since!: string;
}

/** A person's whole path across agencies, causes before effects, for the person and every record linked with them. */
export class PersonTrailResponse {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The person and every record linked with them; their histories are all kept. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) persons!: string[];
  /** Non-null: the trail as the ledger held it then (a time or a ledger position, as asked). */
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  /** Where the person stood at the end of these steps (null before the first). */
  @ApiProperty({ type: TrailStanding, nullable: true }) standing!: TrailStanding | null;
  @ApiProperty({ type: [TrailStep] }) steps!: TrailStep[];
}
