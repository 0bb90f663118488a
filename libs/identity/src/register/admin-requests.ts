import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { JWK } from 'jose';
import { AGENCY_KINDS, type AgencyKind } from '@lintas/platform/http/agency/agency-token';
import { GRANT_TYPES, type GrantType } from '../identity-provider';
import { USER_ID_PATTERN, USER_ROLES, type UserRole } from '../users';
import { PASSWORD_MAX_LENGTH } from './passwords';

// The numbers say they are numbers: the identity app runs under tsx (esbuild), which emits no
// decorator metadata for implicit conversion.

export class RegisterAgencyRequest {
  @Matches(/^[a-z0-9][a-z0-9.-]{1,62}$/, { message: 'must be 2 to 63 lowercase letters, digits, dots or dashes' })
  id!: string;

  @IsIn(AGENCY_KINDS, { message: `must be one of ${AGENCY_KINDS.join(', ')}` })
  kind!: AgencyKind;

  @IsString()
  @Length(1, 200)
  name!: string;

  @Matches(/^\d{2}(\d{2})?$/, { message: 'must be a province (2 digits) or kab/kota (4 digits) code' })
  regionCode!: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,62}$/, { message: 'must be the id of a registered agency' })
  parentId?: string;
}

export class RegisterClientRequest {
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,99}$/, {
    message: 'must be 3 to 100 letters, digits, dots, colons, dashes or underscores',
  })
  clientId?: string;

  /** For private_key_jwt: the client's public JWKs. Without them the client gets a secret. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsObject({ each: true })
  publicKeys?: JWK[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  scopes?: string[];

  /** client_credentials unless given; authorization_code (and refresh_token) for Lintas' own application for people. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(GRANT_TYPES, { each: true, message: `each must be one of ${GRANT_TYPES.join(', ')}` })
  grantTypes?: GrantType[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  redirectUris?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  postLogoutRedirectUris?: string[];
}

export class RedirectUrisRequest {
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  redirectUris!: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  postLogoutRedirectUris?: string[];
}

export class CreateUserRequest {
  @Matches(USER_ID_PATTERN, { message: 'must be 2 to 100 lowercase letters, digits, dots, dashes, _ or @' })
  userId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(USER_ROLES, { message: `must be one of ${USER_ROLES.join(', ')}` })
  role!: UserRole;

  /** Given once and never answered; a new one is made and answered once when not given. */
  @IsOptional()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH * 4)
  password?: string;

  /** Whether the user chooses their own at the first sign-in: yes unless false. */
  @IsOptional()
  @IsBoolean()
  passwordChangeRequired?: boolean;
}

export class ResetPasswordRequest {
  @IsOptional()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH * 4)
  password?: string;

  @IsOptional()
  @IsBoolean()
  passwordChangeRequired?: boolean;
}

export class DisableUserRequest {
  @IsString()
  @Length(3, 500, { message: 'must say why, in 3 to 500 characters' })
  reason!: string;
}

export class RotateSecretRequest {
  /** How long the replaced secret keeps working; a day when not given, 0 to end it at once. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600)
  overlapSeconds?: number;
}

export class RevokeClientRequest {
  @IsString()
  @Length(3, 500, { message: 'must say why, in 3 to 500 characters' })
  reason!: string;
}

export class ChangesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}
