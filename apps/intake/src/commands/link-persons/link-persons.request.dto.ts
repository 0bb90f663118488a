import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class LinkPersonsRequest {
  /** The earlier record this case's person joins; both histories are kept. */
  @IsUUID() survivorPersonId!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
