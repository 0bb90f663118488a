import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';
import {
  ASSESSMENT_DECISIONS,
  RISK_LEVELS,
  type AssessmentDecision,
  type RiskLevel,
} from '../../domain/case/case.vocabulary';

export class RiskDto {
  @IsOptional() @IsIn(RISK_LEVELS) toSelf?: RiskLevel;
  @IsOptional() @IsIn(RISK_LEVELS) toOthers?: RiskLevel;
}

export class CompleteAssessmentRequest {
  @IsIn(ASSESSMENT_DECISIONS) decision!: AssessmentDecision;
  /** The RSJ referred to, for decision 'rsj'. */
  @IsOptional() @Matches(AGENCY_ID, { message: 'rsjId must be an agency id' }) rsjId?: string;
  /** The panti placed in, for decision 'panti'. */
  @IsOptional() @Matches(AGENCY_ID, { message: 'pantiId must be an agency id' }) pantiId?: string;
  @IsOptional() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 500, { each: true }) needs?: string[];
  @IsOptional() @ValidateNested() @Type(() => RiskDto) risk?: RiskDto;
  @IsOptional() @IsString() @Length(1, 4000) notes?: string;
  /** The social worker who assessed; the calling user or system when absent. */
  @IsOptional() @IsString() @Length(1, 100) assessorRef?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
