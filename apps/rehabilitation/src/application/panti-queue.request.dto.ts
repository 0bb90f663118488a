import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENCY_ID } from './request-fields';

/** Whose work queue: the panti's own, or, for a provincial office, one of its UPTs or all of them. */
export class PantiQueueQuery {
  /**
   * For a provincial office: the UPT whose queue to read; all its UPTs together when absent. A panti
   * reads its own: naming another panti is answered as for one that does not exist (404).
   */
  @ApiPropertyOptional({ type: String, pattern: AGENCY_ID.source, example: 'panti-bina-laras-kediri' })
  @IsOptional()
  @Matches(AGENCY_ID, { message: 'panti must be an agency id' })
  panti?: string;
}
