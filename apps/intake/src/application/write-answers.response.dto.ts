import { ApiProperty } from '@nestjs/swagger';
import { SCHEMAS } from '@lintas/platform/http/openapi/agency-api-components';
import { DUPLICATE_REASONS, type DuplicateReason } from '../domain/duplicates/duplicate-matcher';

const { id, version, position } = SCHEMAS.WriteResult.properties;

/**
 * What every write answers (the platform's WriteResult), for the writes that answer more: their
 * answers extend it, so that the document shows one schema per answer with all of its fields.
 */
export abstract class WriteAnswer {
  @ApiProperty({ type: String, description: id.description }) id!: string;
  @ApiProperty({ type: 'integer', minimum: version.minimum, description: version.description }) version!: number;
  @ApiProperty({ type: String, pattern: position.pattern, description: position.description }) position!: string;
}

/** An earlier person who may be this one: link the case's person with them, or reject the proposal. */
export class DuplicateCandidate {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** 1 for the same NIK; below 0.9 for a name match, halved when both have a different NIK. */
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 }) score!: number;
  @ApiProperty({ enum: DUPLICATE_REASONS, isArray: true }) reasons!: DuplicateReason[];
}
