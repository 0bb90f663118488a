import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DEAD_LETTER_REASONS, type DeadLetterReason } from '../../service/dead-letter-admin';
import { ErasedValue, personal } from '../openapi/personal-data.schema';
import { DATA_SHAPE_TYPES, type DataShapeType } from './data-shape';

/** Who sent a dead letter again: an admin agency's system, and its user where the token names one. */
export class DeadLetterRedriverView {
  @ApiProperty({ type: String }) agencyId!: string;
  @ApiProperty({ type: String }) clientId!: string;
  @ApiPropertyOptional({ type: String }) userId?: string;
}

/** The message's CloudEvents attributes that say what it was; null where its headers lack them (`unparseable`). */
export class DeadLetterEventView {
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ type: String, nullable: true }) time!: string | null;
}

/** A message one of this service's consumers gave up on, without its data, its key or anything personal. */
export class DeadLetterView {
  @ApiProperty({
    type: String,
    pattern: '^\\d{1,15}$',
    description: 'Grows with time; send the last one of a page as `after` for the next.',
  })
  id!: string;
  /** The consumer group that gave up on it: `lintas.<service>`. */
  @ApiProperty({ type: String }) consumerGroup!: string;
  @ApiProperty({ enum: DEAD_LETTER_REASONS }) reason!: DeadLetterReason;
  /**
   * Why, in words that name fields, rules and codes, never values: the fields at fault and the rule
   * each breaks (`invalid`), the rule's code (`rejected`), the type without a contract
   * (`unknown-type`), or an error's message with its quoted parts, e-mail addresses and long
   * numbers masked (`failed-after-retries`).
   */
  @ApiProperty({ type: String }) detail!: string;
  /** The topic it was read from, by its full name (with the installation's prefix). */
  @ApiProperty({ type: String }) topic!: string;
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty({ type: String, pattern: '^\\d+$' }) offset!: string;
  @ApiProperty({ type: DeadLetterEventView }) event!: DeadLetterEventView;
  @ApiProperty({ type: String, format: 'date-time' }) failedAt!: string;
  /** When it was last sent again to its topic; null while it was not. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) redrivenAt!: string | null;
  @ApiProperty({ type: () => DeadLetterRedriverView, nullable: true }) redrivenBy!: DeadLetterRedriverView | null;
  /** Why it was sent again, as the admin gave it. */
  @ApiProperty({ type: String, nullable: true }) redriveReason!: string | null;
  /**
   * When its data was erased with a person it names (UU 27/2022): since then it has no data and
   * only its CloudEvents headers, and it is never sent again (409 `dead-letter.erased`). Null while not.
   */
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) erasedAt!: string | null;
}

/** This service's dead letters, oldest first. */
export class DeadLettersResponse {
  @ApiProperty({ type: String }) service!: string;
  @ApiProperty({ type: [DeadLetterView] }) deadLetters!: DeadLetterView[];
  /** More follow: ask again with the last id as `after`. */
  @ApiProperty({ type: Boolean }) more!: boolean;
}

/** A message's data told by its shape: field names and JSON types, never a value. */
export class DataShapeView {
  /** `mixed`: an array's items of different shapes (in `anyOf`); `not-json`: the value is not JSON. */
  @ApiProperty({ enum: DATA_SHAPE_TYPES }) type!: DataShapeType;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: getSchemaPath('DataShapeView') } })
  properties?: Record<string, DataShapeView>;
  @ApiPropertyOptional({ type: () => DataShapeView }) items?: DataShapeView;
  @ApiPropertyOptional({ type: () => [DataShapeView] }) anyOf?: DataShapeView[];
}

/** One dead letter, inspected: its CloudEvents headers and the shape of its data; the data itself only when revealed. */
@ApiExtraModels(ErasedValue, DataShapeView)
export class DeadLetterDetails extends DeadLetterView {
  /** Whom the message is about: its CloudEvents subject, else its key, when a UUID. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId!: string | null;
  /** Its CloudEvents attributes as they travelled (`ce_*` headers and `content-type`). */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers!: Record<string, string>;
  /** Null once erased: there is no data left to have a shape. */
  @ApiProperty({ type: DataShapeView, nullable: true }) dataShape!: DataShapeView | null;
  /**
   * The data itself (its JSON, or its text where it is not JSON): only with `reveal=data`, a read
   * of personal data that leaves an access record. `{"$erased": true}` once erased.
   */
  @ApiPropertyOptional(
    personal({ description: "The message's data as it travelled: any JSON, or text where it is not JSON." }),
  )
  data?: unknown;
}
