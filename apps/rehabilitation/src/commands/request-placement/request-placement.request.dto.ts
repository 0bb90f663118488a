import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';
import { ATENSI_CLUSTERS, type AtensiCluster } from '../../domain/atensi/atensi-settings';
import { PLACEMENT_KINDS, type PlacementKind } from '../../domain/placement/placement.vocabulary';

export class RequestPlacementRequest {
  @IsUUID() caseId!: string;
  @IsUUID() personId!: string;
  @Matches(AGENCY_ID, { message: 'pantiId must be an agency id' }) pantiId!: string;
  @IsIn(PLACEMENT_KINDS) kind!: PlacementKind;
  @IsOptional() @IsIn(ATENSI_CLUSTERS) cluster?: AtensiCluster;
  /** Why this person needs the panti: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
