import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { RequiredInProduction } from '@lintas/platform/config/required-in-production';
import { LOG_LEVELS, type LogLevel } from '@lintas/platform/config/service-env';

const ISSUER_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/**
 * Settings of the identity app. Its private keys are never settings: a setting names the file
 * that holds them, so that they stay out of the environment, the process list and the repository.
 * Clients live in the agency register (only hashes of their secrets).
 */
export class IdentityEnv {
  // The numbers say they are numbers: `tsx` (esbuild), which runs this app, emits no decorator
  // metadata for loadEnv's implicit conversion to go by.
  @IsIn(['development', 'test', 'production'], { message: 'must be development, test or production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be a TCP port number' })
  @Min(1, { message: 'must be a TCP port number' })
  @Max(65535, { message: 'must be a TCP port number' })
  PORT: number = 4000;

  /** Loopback by default; a container sets 0.0.0.0. */
  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address to listen on' })
  HOST: string = '127.0.0.1';

  /**
   * The issuer exactly as the services' IDENTITY_ISSUER names it: they compare the two as strings
   * (OpenID Connect Discovery §4.3), so a trailing slash would lock every service out. Unset in
   * development, it is the loopback address of PORT.
   */
  @RequiredInProduction()
  @IsOptional()
  @IsUrl(ISSUER_URL, { message: 'must be the http(s) URL of this issuer, e.g. https://id.lintas.example' })
  @Matches(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*[^/?#\s])?$/, { message: 'must have no trailing slash, query or fragment' })
  IDENTITY_ISSUER?: string;

  /** The audience (RFC 8707 resource) of every token, as the services' ACCESS_TOKEN_AUDIENCE names it. */
  @Matches(/^\S{1,255}$/, { message: 'must be a URI without spaces, e.g. urn:lintas:api' })
  ACCESS_TOKEN_AUDIENCE: string = 'urn:lintas:api';

  /** The services refuse tokens that live longer than 15 minutes. */
  @Type(() => Number)
  @IsInt({ message: 'must be a number of seconds' })
  @Min(60, { message: 'must be at least 60 seconds' })
  @Max(900, { message: 'must be at most 900 seconds (the services refuse longer-lived tokens)' })
  ACCESS_TOKEN_TTL_SECONDS: number = 600;

  /** The database of the agency register (agencies, clients, their changes). */
  @RequiredInProduction()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/, {
    message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
  })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/lintas';

  /** The register's schema in that database. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lowercase schema name' })
  IDENTITY_REGISTER_SCHEMA: string = 'identity';

  /**
   * A JSON `{ "keys": [...] }` of private JWKs; the first signs. Outside production a missing file
   * is created with a new ES256 key.
   */
  @RequiredInProduction()
  @MinLength(1, { message: 'must be the path of a JSON file' })
  IDENTITY_SIGNING_KEYS_FILE: string = '.scratch/identity/signing-keys.json';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}
