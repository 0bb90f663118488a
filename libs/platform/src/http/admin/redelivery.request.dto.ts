import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsRFC3339,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MAX_SELECTED_EVENT_IDS, TOPIC_OR_GROUP_NAME } from '@lintas/contracts/admin/redelivery.contracts';

const POSITION = /^\d{1,20}\.\d{1,20}$/;
const NAME = new RegExp(TOPIC_OR_GROUP_NAME);

/** Which of the service's published events to send again: every criterion given narrows it; at least one. */
export class RedeliverySelectionDto {
  /** From this global position (`<transaction>.<sequence>`, as a write answered it), inclusive. */
  @ApiPropertyOptional({ type: String, pattern: POSITION.source })
  @IsOptional()
  @Matches(POSITION, { message: 'fromPosition must be a position, e.g. 812.4' })
  fromPosition?: string;
  /** Up to this global position, inclusive. */
  @ApiPropertyOptional({ type: String, pattern: POSITION.source })
  @IsOptional()
  @Matches(POSITION, { message: 'toPosition must be a position, e.g. 812.4' })
  toPosition?: string;
  /** Recorded by the store at or after this time (with its offset). */
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsRFC3339() from?: string;
  /** Recorded by the store at or before this time (with its offset). */
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsRFC3339() to?: string;
  /** These events (their ids are the CloudEvents ids). */
  @ApiPropertyOptional({
    type: [String],
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: MAX_SELECTED_EVENT_IDS,
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SELECTED_EVENT_IDS)
  @IsUUID('all', { each: true })
  eventIds?: string[];
  /** The events about this person. */
  @ApiPropertyOptional({ type: String, format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  /** The events published on this topic, by its name in the contracts (without an installation's prefix). */
  @ApiPropertyOptional({ type: String, pattern: TOPIC_OR_GROUP_NAME })
  @IsOptional()
  @Matches(NAME, { message: 'topic must be a topic name' })
  topic?: string;
}

/** Whom to send them to. */
export class RedeliveryTargetDto {
  /**
   * This consumer group alone (e.g. `lintas.rehabilitation`), on `<topic>.redelivery.<group>`, which
   * only that group's consumers read. Absent: every consumer, on the topics themselves.
   */
  @ApiPropertyOptional({ type: String, pattern: TOPIC_OR_GROUP_NAME })
  @IsOptional()
  @Matches(NAME, { message: 'consumerGroup must be a consumer group name' })
  consumerGroup?: string;
}

export class RedeliveryRequest {
  /** Why they are sent again, for the record (kept in the service's store; name no person in it). */
  @IsString() @Length(1, 500) @Matches(/\S/, { message: 'reason must not be blank' }) reason!: string;
  @ValidateNested() @Type(() => RedeliverySelectionDto) selection!: RedeliverySelectionDto;
  @IsOptional() @ValidateNested() @Type(() => RedeliveryTargetDto) target?: RedeliveryTargetDto;
}
