import { IsIn, IsInt, IsOptional, IsUrl, Max, Min, MinLength, Matches } from 'class-validator';
import { RequiredInProduction } from './required-in-production';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const MESSAGING_TRANSPORTS = ['platformatic', 'kafkajs', 'pg-log'] as const;
export type MessagingTransport = (typeof MESSAGING_TRANSPORTS)[number];

// Collectors are named by host alone (http://jaeger:4318) as often as by domain.
const OTLP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

// An issuer inside a cluster is named by host alone (http://identity:4000) as often as by domain.
const ISSUER_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

// Public in this repository, so worthless as a secret: production refuses to start with it unset.
const DEVELOPMENT_ONLY_PERSONAL_DATA_KEY = 'bGludGFzLWRldmVsb3BtZW50LW9ubHkta2V5LTMyYiE=';

/**
 * Settings every Lintas service reads. The defaults are the single-machine development setup
 * (local PostgreSQL, local broker); production must name its own.
 */
export class ServiceEnv {
  @IsIn(['development', 'test', 'production'], { message: 'must be development, test or production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt({ message: 'must be a TCP port number' })
  @Min(0, { message: 'must be a TCP port number' })
  @Max(65535, { message: 'must be a TCP port number' })
  PORT: number = 0;

  /** Loopback by default; a container sets 0.0.0.0. */
  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address to listen on' })
  HOST: string = '127.0.0.1';

  @RequiredInProduction()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/, {
    message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
  })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/lintas';

  @RequiredInProduction()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'must be a comma-separated list of host:port Kafka brokers, e.g. 127.0.0.1:9092',
  })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /**
   * Wraps every person's data key (UU PDP: personal fields are encrypted per person). 32 random
   * bytes in base64, e.g. `openssl rand -base64 32`. The default is for development only.
   */
  @RequiredInProduction()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  PERSONAL_DATA_KEY: string = DEVELOPMENT_ONLY_PERSONAL_DATA_KEY;

  /**
   * The Ed25519 private key (PKCS#8 PEM: `openssl genpkey -algorithm ed25519`) that signs the seals
   * of the service's event store; it never enters the database. Unset outside production: a key
   * made on first start in `.scratch/keys/<service>-seal.pem` (git-ignored, mode 0600).
   */
  @RequiredInProduction()
  @IsOptional()
  @MinLength(1, { message: 'must be the path of a PEM file' })
  SEAL_SIGNING_KEY_FILE?: string;

  /**
   * PEM public keys (`openssl pkey -pubout`) whose seals verification accepts besides the signing
   * key's own: the keys before a rotation.
   */
  @IsOptional()
  @MinLength(1, { message: 'must be the path of a PEM file' })
  SEAL_TRUSTED_PUBLIC_KEYS_FILE?: string;

  /**
   * How services exchange integration events: Kafka through @platformatic/kafka (the default, by
   * measurement: `npm run bench`), Kafka through kafkajs, or the PostgreSQL log of the
   * single-machine mode, which needs no broker.
   */
  @IsIn(MESSAGING_TRANSPORTS, { message: `must be one of ${MESSAGING_TRANSPORTS.join(', ')}` })
  MESSAGING_TRANSPORT: MessagingTransport = 'platformatic';

  /**
   * The OpenID issuer whose access tokens the service accepts (its discovery document names its
   * keys): the identity app, Keycloak, any provider that issues RFC 9068 tokens. The default is
   * the identity app that `npm start` runs.
   */
  @RequiredInProduction()
  @IsUrl(ISSUER_URL, { message: 'must be the http(s) URL of an OpenID issuer, e.g. https://id.lintas.example' })
  IDENTITY_ISSUER: string = 'http://127.0.0.1:4000';

  /** The audience (RFC 8707 resource) an access token must name to be taken here. */
  @Matches(/^\S{1,255}$/, { message: 'must be a URI without spaces, e.g. urn:lintas:api' })
  ACCESS_TOKEN_AUDIENCE: string = 'urn:lintas:api';

  /**
   * Put before every topic name: lets several Lintas installations (or test runs) share one
   * Kafka cluster or PostgreSQL log without meeting.
   */
  @Matches(/^[a-z0-9._-]{0,100}$/, { message: 'must be lower-case letters, digits, dots, dashes or underscores' })
  TOPIC_PREFIX: string = '';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Requests a second one client may make on average to this instance (429 with Retry-After beyond). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_SECOND: number = 100;

  /**
   * How long an emergency access (break-the-glass) holds, in seconds: 3 hours unless an
   * installation decides otherwise (at most a day).
   */
  @IsInt()
  @Min(1)
  @Max(86_400)
  EMERGENCY_ACCESS_SECONDS: number = 10_800;

  /**
   * The audit service's ledger signs its checkpoints with this Ed25519 private key (PKCS#8 PEM, e.g.
   * `openssl genpkey -algorithm ed25519`), kept out of the database. Required in production; without
   * it elsewhere, one is made at `.scratch/keys/audit-ledger-seal.pem`, as the seal keys are.
   */
  @IsOptional()
  @Matches(/^\S+$/, { message: 'must be the path of a PEM file' })
  LEDGER_SIGNING_KEY_FILE?: string;

  /** Where the audit service also appends each signed checkpoint, one JSON line each, for others to copy. */
  @IsOptional()
  @Matches(/^\S+$/, { message: 'must be a file path' })
  LEDGER_CHECKPOINT_FILE?: string;

  /** How often the audit service signs a checkpoint of its ledger when it grew, in seconds. */
  @IsInt()
  @Min(1)
  @Max(3_600)
  LEDGER_CHECKPOINT_SECONDS: number = 10;

  /**
   * The services whose stores the audit service verifies when an admin asks (`lintas verify`), as
   * `name=url` pairs, comma-separated. The default is `npm start`'s.
   */
  @Matches(/^([a-z-]+=https?:\/\/[^\s,=]+)(,[a-z-]+=https?:\/\/[^\s,=]+)*$|^$/, {
    message: 'must be name=url pairs, comma-separated, e.g. intake=http://intake:3000,health-liaison=http://hl:3000',
  })
  VERIFY_SERVICE_URLS: string =
    'intake=http://127.0.0.1:3001,health-liaison=http://127.0.0.1:3002,rehabilitation=http://127.0.0.1:3003,family-reunification=http://127.0.0.1:3004';

  /**
   * The audit service's own client of the register (admin agency, scope lintas.admin): with it the
   * scheduled verification covers every service in VERIFY_SERVICE_URLS; without it, the audit store
   * and the ledger only.
   */
  @IsOptional()
  @MinLength(1)
  AUDIT_CLIENT_ID?: string;

  @IsOptional()
  @MinLength(16)
  AUDIT_CLIENT_SECRET?: string;

  /**
   * Where the audit service pulls the agency register's changes into the ledger with its own
   * client (the identity app's `GET /admin/register-changes`); unset: no register feed.
   */
  @IsOptional()
  @IsUrl(ISSUER_URL, {
    message: 'must be the http(s) URL of the register changes, e.g. https://id.lintas.example/admin/register-changes',
  })
  REGISTER_CHANGES_URL?: string;

  /** How often the audit service pulls the register's changes, in seconds. */
  @IsInt()
  @Min(1)
  REGISTER_FEED_SECONDS: number = 30;

  /** How often the audit service verifies the stores and the ledger, in seconds (hourly by default). */
  @IsInt()
  @Min(1)
  VERIFY_EVERY_SECONDS: number = 3_600;

  /**
   * How often family-reunification looks for complaints past their deadline and escalates each to
   * its addressee's parent office, in milliseconds (hourly by default: deadlines are whole days).
   */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  COMPLAINT_ESCALATION_INTERVAL_MS: number = 3_600_000;

  /** Requests one client may make at once before the average applies. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_BURST: number = 200;

  /**
   * Refused tokens (401) a second from one source address on average, and at once: past them the
   * answer is 429 and no refusal is recorded, so a flood of bad tokens cannot fill the access records.
   */
  @IsInt()
  @Min(1)
  REFUSED_TOKENS_PER_SECOND: number = 2;

  @IsInt()
  @Min(1)
  REFUSED_TOKENS_BURST: number = 30;

  /**
   * Browser origins allowed to call the API (CORS), comma-separated, e.g. https://konsol.lintas.example.
   * Empty, the default: no browser page of another origin may call it.
   */
  @Matches(/^(https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*)?$/, {
    message: 'must be a comma-separated list of origins such as https://konsol.lintas.example',
  })
  CORS_ORIGINS: string = '';

  /**
   * OTLP/HTTP collector (Jaeger, Tempo, an OpenTelemetry Collector): traces go to `<this>/v1/traces`.
   * Unset, with the next one unset too, spans are made (their ids are logged) but sent nowhere.
   */
  @IsOptional()
  @IsUrl(OTLP_URL, { message: 'must be the http(s) URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The full URL traces are sent to (e.g. http://127.0.0.1:4318/v1/traces); wins over the endpoint above. */
  @IsOptional()
  @IsUrl(OTLP_URL, { message: 'must be the http(s) URL traces are sent to, e.g. http://127.0.0.1:4318/v1/traces' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** `service.name` of the spans; the service's own name when unset. */
  @IsOptional()
  @Matches(/^\S{1,255}$/, { message: 'must be a name without spaces' })
  OTEL_SERVICE_NAME?: string;

  /**
   * What the signing keys of each webhook subscription are derived from (health-liaison's webhooks):
   * 32 random bytes in base64 (`openssl rand -base64 32`). The database keeps no webhook secret, so
   * changing this changes every subscription's keys. Unset, a development-only key is used, and a
   * service that sends webhooks refuses to start in production.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  WEBHOOK_SIGNING_KEY?: string;

  /**
   * Whether webhooks may be sent to private, loopback or link-local addresses (an intranet of
   * hospitals, development, tests). Unset: allowed outside production, refused in production.
   */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_NETWORKS?: 'true' | 'false';

  /**
   * The waits before each attempt of a webhook delivery, in seconds, the first normally 0; when it
   * is spent, the subscription is disabled and its deliveries wait for it to be enabled again.
   */
  @Matches(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, { message: 'must be seconds separated by commas, e.g. 0,5,300' })
  WEBHOOK_RETRY_SCHEDULE: string = '0,5,300,1800,7200,18000,36000,36000';

  /** How long one webhook attempt may take, connection and answer, in milliseconds. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** How often each instance looks for due webhook deliveries besides when it enqueues one, in milliseconds. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_MS: number = 1_000;

  /**
   * How long delivered webhook events are kept, in days: a receiver recovers a range by number
   * or time (redelivery, FHIR `$events`, the feed) within it.
   */
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_RETENTION_DAYS: number = 30;

  /**
   * Where clients reach this service, e.g. `https://lintas.jatimprov.go.id/health-liaison`: the
   * base of absolute links the service writes (FHIR fullUrls). Unset: `http://localhost:<PORT>`.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+[^/]$/, { message: 'must be an http(s) URL without a trailing slash' })
  PUBLIC_URL?: string;

  get webhookAllowsPrivateNetworks(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_NETWORKS === undefined
      ? this.NODE_ENV !== 'production'
      : this.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true';
  }

  get usesKafka(): boolean {
    return this.MESSAGING_TRANSPORT !== 'pg-log';
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS === '' ? [] : this.CORS_ORIGINS.split(',');
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}
