import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { RequiredInProduction } from '@lintas/platform/config/required-in-production';
import { LOG_LEVELS, type LogLevel } from '@lintas/platform/config/service-env';

// Inside a cluster services are named by host alone (http://intake:3000) as often as by domain.
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const NO_TRAILING_SLASH = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*[^/?#\s])?$/;

// Public in this repository, so worthless as a secret: production refuses to start with it unset.
const DEVELOPMENT_ONLY_SESSION_SECRET = 'lintas-console-development-only-session-secret';

/**
 * Settings of the console: where people reach it, the OpenID issuer it signs them in with (as its
 * OAuth client), and where each service's API answers. The defaults are `npm start`'s on one
 * machine; production must name every one of them.
 */
export class ConsoleEnv {
  // The numbers say they are numbers: `tsx` (esbuild), which may run this app in development,
  // emits no decorator metadata for loadEnv's implicit conversion to go by.
  @IsIn(['development', 'test', 'production'], { message: 'must be development, test or production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be a TCP port number' })
  @Min(0, { message: 'must be a TCP port number' })
  @Max(65535, { message: 'must be a TCP port number' })
  PORT: number = 3006;

  /** Loopback by default; a container sets 0.0.0.0. */
  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address to listen on' })
  HOST: string = '127.0.0.1';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /**
   * Where people's browsers reach the console: the base of its redirect URI
   * (`<CONSOLE_URL>/auth/callback`, as registered with the issuer). With https the session cookie
   * is Secure; production must use https.
   */
  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL people reach the console at, e.g. https://konsol.lintas.id' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  CONSOLE_URL: string = 'http://127.0.0.1:3006';

  /** The OpenID issuer people sign in with (its discovery document names every endpoint). */
  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of an OpenID issuer, e.g. https://id.lintas.example' })
  IDENTITY_ISSUER: string = 'http://127.0.0.1:4000';

  /** The console's client id at the issuer. */
  @Matches(/^\S{1,255}$/, { message: 'must be a client id without spaces' })
  CONSOLE_CLIENT_ID: string = 'lintas-console';

  /**
   * The console's client secret (client_secret_basic). Unset, the console is a public client and
   * proves itself by PKCE alone, which only development may do.
   */
  @RequiredInProduction()
  @IsOptional()
  @MinLength(16, { message: 'must be the client secret the issuer gave (at least 16 characters)' })
  CONSOLE_CLIENT_SECRET?: string;

  /**
   * The scopes asked for at sign-in, space-separated, `openid` always among them. The issuer grants
   * `lintas.admin` to admins only and leaves it out of anyone else's token, so one console serves both.
   */
  @Matches(/^openid( [\w.:-]+)*$|^([\w.:-]+ )+openid( [\w.:-]+)*$/, {
    message: 'must be space-separated scopes including openid, e.g. "openid lintas.admin"',
  })
  CONSOLE_SCOPES: string = 'openid lintas.admin';

  /** The resource (RFC 8707) the access tokens are for: the services' ACCESS_TOKEN_AUDIENCE. */
  @Matches(/^\S{1,255}$/, { message: 'must be a URI without spaces, e.g. urn:lintas:api' })
  ACCESS_TOKEN_AUDIENCE: string = 'urn:lintas:api';

  /**
   * Signs the session cookie (an HMAC of its random id), so that a cookie the console did not set is
   * refused before any lookup: at least 32 random characters (`openssl rand -base64 32`).
   */
  @RequiredInProduction()
  @MinLength(32, { message: 'must be at least 32 random characters (openssl rand -base64 32)' })
  CONSOLE_SESSION_SECRET: string = DEVELOPMENT_ONLY_SESSION_SECRET;

  /** A session unused this long is forgotten, its tokens with it. */
  @Type(() => Number)
  @IsInt({ message: 'must be a number of minutes' })
  @Min(5, { message: 'must be at least 5 minutes' })
  @Max(720, { message: 'must be at most 720 minutes' })
  CONSOLE_SESSION_IDLE_MINUTES: number = 30;

  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the intake service' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  LINTAS_INTAKE_URL: string = 'http://127.0.0.1:3001';

  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the health-liaison service' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  LINTAS_HEALTH_LIAISON_URL: string = 'http://127.0.0.1:3002';

  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the rehabilitation service' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  LINTAS_REHABILITATION_URL: string = 'http://127.0.0.1:3003';

  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the family-reunification service' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  LINTAS_FAMILY_REUNIFICATION_URL: string = 'http://127.0.0.1:3004';

  @RequiredInProduction()
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) URL of the audit service' })
  @Matches(NO_TRAILING_SLASH, { message: 'must have no trailing slash, query or fragment' })
  LINTAS_AUDIT_URL: string = 'http://127.0.0.1:3005';

  /** Whether the browser reaches the console over https: the session cookie is then Secure. */
  get secureCookies(): boolean {
    return this.CONSOLE_URL.startsWith('https:');
  }

  get redirectUri(): string {
    return `${this.CONSOLE_URL}/auth/callback`;
  }

  /** What production must hold beyond each setting's own form; loadEnv checks those. */
  productionProblems(): string[] {
    if (this.NODE_ENV !== 'production') return [];
    const problems: string[] = [];
    if (!this.secureCookies) problems.push('CONSOLE_URL: must be https when NODE_ENV=production (session cookies)');
    if (this.CONSOLE_SESSION_SECRET === DEVELOPMENT_ONLY_SESSION_SECRET) {
      problems.push('CONSOLE_SESSION_SECRET: the development-only secret may not be used when NODE_ENV=production');
    }
    return problems;
  }
}
