import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One read of the person's data in this service, or one refused attempt. */
export class AccessRecordView {
  @ApiProperty({ type: String, description: 'Grows with time; send the last one as `before` for the next page.' })
  id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['granted', 'refused'] }) outcome!: 'granted' | 'refused';
  @ApiProperty({ type: 'integer' }) status!: number;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String }) method!: string;
  /** The route's pattern, e.g. `/cases/:caseId`. */
  @ApiProperty({ type: String }) route!: string;
  /** The ids asked for in the path. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) personIds!: string[];
  /** The personal fields the answer carried, as paths in its body. */
  @ApiProperty({ type: String, isArray: true }) fields!: string[];
  /** A refusal's problem code, or the emergency access a read was granted under. */
  @ApiPropertyOptional({ type: String }) reason?: string;
}

/** Who looked at the person's data in this service, newest first. */
export class AccessRecordsResponse {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The person and every record linked with them: the records of all of them are here. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) persons!: string[];
  @ApiProperty({ type: [AccessRecordView] }) records!: AccessRecordView[];
}
