import { ApiProperty } from '@nestjs/swagger';
import { SCHEMAS } from '@lintas/platform/http/openapi/agency-api-components';

/** One step of a person's path in this service: what happened, when, and by which agency. */
export class PersonJourneyStep {
  /** The record the step belongs to: the person asked about or one linked with them. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The event that made the step, e.g. `PickupReported`: this service's event types. */
  @ApiProperty({ type: String }) type!: string;
  /** When it happened in the field. */
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  /** When Lintas recorded it. */
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  /** The agency that did it. */
  @ApiProperty({ type: String }) agencyId!: string;
  /** The stream the event is in; its details are read there, where access is checked. */
  @ApiProperty({ type: String }) streamId!: string;
  /** The event's position in the store: the steps are in this order. */
  @ApiProperty({ type: String, pattern: SCHEMAS.WriteResult.properties.position.pattern }) position!: string;
}

/** This service's part of a person's path, in order, for the person and every record linked with them. */
export class PersonJourneyResponse {
  /** The person asked about. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The person and every record linked with them, the survivor first; their histories are all kept. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) persons!: string[];
  @ApiProperty({ type: [PersonJourneyStep] }) steps!: PersonJourneyStep[];
}
