import type { HeaderObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { AGENCY_KINDS } from '../agency/agency-token';
import { PROBLEM_BASE } from '../problems/problem.filter';
import { problemTitle } from '../problems/problem-titles';

/**
 * What every service's agency API shares, as OpenAPI components: the bearer scheme, the headers of
 * idempotent, conditional and consistent requests, problem+json errors and the answer of a write.
 * The shapes follow the code they describe: `agency.guard.ts`, `request-context.ts`,
 * `write.interceptor.ts` and `problems/`.
 */

/** The security scheme's name in `components.securitySchemes` and in every operation's `security`. */
export const BEARER_SCHEME = 'bearer';

export const BEARER_DESCRIPTION =
  'An agency token: `Authorization: Bearer <token>`. It names the calling agency, its kind ' +
  `(${AGENCY_KINDS.map((kind) => `\`${kind}\``).join(', ')}) and the region it serves. Each operation ` +
  'names the kinds of agency it allows (`x-lintas-allowed-agency-kinds`); any other kind gets 403.';

const POSITION_PATTERN = '^\\d{1,20}\\.\\d{1,20}$';
const ETAG_PATTERN = '^(W/)?"\\d{1,9}"$';

export const PARAMETERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description:
      'Any 1–255 visible ASCII characters, new for each distinct request (a UUID serves well). A retry with ' +
      'the same key and body gets the first answer again and changes nothing; the same key with another ' +
      'body is refused with 422. What the request creates takes its id from the key.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$' },
    example: '5f0c7f57-3a55-4c1b-9c4e-6a1d8f0e2b10',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag the last read or write of this resource answered, e.g. `"3"`: the write is refused with 412 ' +
      'if the resource changed since. Without it the write applies to the current version.',
    schema: { type: 'string', pattern: ETAG_PATTERN },
    example: '"3"',
  },
  MinPosition: {
    name: 'X-Lintas-Min-Position',
    in: 'header',
    required: false,
    description:
      'Reads are eventually consistent. Send the position a write answered (`X-Lintas-Position`) to wait ' +
      'until this read reflects it; 504 if it does not within 5 seconds.',
    schema: { type: 'string', pattern: POSITION_PATTERN },
    example: '812.4',
  },
} satisfies Record<string, ParameterObject>;

export const HEADERS = {
  ETag: {
    description: "The resource's version after this answer; send it back as If-Match.",
    schema: { type: 'string', pattern: ETAG_PATTERN },
    example: '"3"',
  },
  Position: {
    description: 'The position this write produced; send it as X-Lintas-Min-Position to read your own write.',
    schema: { type: 'string', pattern: POSITION_PATTERN },
    example: '812.4',
  },
  IdempotentReplayed: {
    description: '`true` when this is the kept answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
} satisfies Record<string, HeaderObject>;

/** Header names as they appear in a response's `headers`. */
export const HEADER_NAMES: Record<keyof typeof HEADERS, string> = {
  ETag: 'ETag',
  Position: 'X-Lintas-Position',
  IdempotentReplayed: 'Idempotent-Replayed',
};

export const SCHEMAS = {
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem details. `code` is stable and names the problem; `type` is ' +
      `\`${PROBLEM_BASE}<code>\`. The title follows Accept-Language (\`id\` or English). Never personal data.`,
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', description: `\`${PROBLEM_BASE}\` followed by the code.` },
      title: { type: 'string', description: "The status's meaning, in English or Bahasa Indonesia." },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string', description: 'What went wrong with this request.' },
      code: { type: 'string', description: 'Stable and machine-readable, e.g. `referral.not-pending`.' },
      instance: { type: 'string', format: 'uri-reference', description: 'The path of the request.' },
      errors: {
        type: 'array',
        description: 'With `request.invalid`: each field at fault.',
        items: { $ref: '#/components/schemas/FieldError' },
      },
      currentVersion: {
        type: 'integer',
        description: "With `version.stale`: the resource's version now.",
      },
      retryAfter: {
        type: 'integer',
        minimum: 0,
        description: 'With a 429 or 503: the seconds to wait before trying again, as the Retry-After header says.',
      },
    },
  },
  FieldError: {
    type: 'object',
    required: ['field', 'messages'],
    properties: {
      field: { type: 'string', description: "The field's path in the body, e.g. `location.regionCode`." },
      messages: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  WriteResult: {
    type: 'object',
    description: 'What a write answers. Some writes add fields of their own (e.g. the id of what they created).',
    required: ['id', 'version', 'position'],
    properties: {
      id: { type: 'string', description: 'The id of what was written.' },
      version: {
        type: 'integer',
        minimum: 0,
        description: "Its stream's version after the write; also the ETag to send back as If-Match.",
      },
      position: {
        type: 'string',
        pattern: POSITION_PATTERN,
        description: 'The position the write produced; send it as X-Lintas-Min-Position to read your own write.',
      },
    },
  },
} satisfies Record<string, SchemaObject>;

const problemContent = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) => ({
  'application/problem+json': {
    schema: { $ref: '#/components/schemas/Problem' },
    example: {
      type: `${PROBLEM_BASE}${code}`,
      title: problemTitle(status, 'en'),
      status,
      detail,
      code,
      ...extra,
    },
  },
});

/** One response per problem status the HTTP edge answers, with a typical occurrence as example. */
export const RESPONSES = {
  BadRequest: {
    description:
      'The request is not valid: a field (`request.invalid`, with `errors`), a path parameter, or a header ' +
      '(`idempotency-key.missing`, `if-match.invalid`, `min-position.invalid`). Unknown fields are refused.',
    content: problemContent(400, 'request.invalid', '1 field(s) are not valid: caseId', {
      errors: [{ field: 'caseId', messages: ['caseId must be a UUID'] }],
    }),
  },
  Unauthorized: {
    description: 'No valid agency bearer token.',
    content: problemContent(401, 'agency.not-authenticated', 'a valid agency bearer token is required'),
  },
  Forbidden: {
    description:
      'The calling agency may not do this: its kind is not allowed here, or it is not the agency the resource ' +
      'belongs to.',
    content: problemContent(403, 'agency.not-allowed', "an agency of kind 'polri' may not do this"),
  },
  NotFound: {
    description: 'No such resource, or none that the calling agency may see (`<resource>.not-found`).',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  Conflict: {
    description:
      'Conflicts with the current state: a domain rule (its own `code`), a resource that moved on while ' +
      'this request ran (`version.stale`), or a request with this Idempotency-Key still running.',
    content: problemContent(409, 'version.stale', 'it changed since it was read: it is now at version 4', {
      currentVersion: 4,
    }),
  },
  PreconditionFailed: {
    description: 'The resource changed since the version sent as If-Match (`version.stale`); read it again.',
    content: problemContent(412, 'version.stale', 'it changed since it was read: it is now at version 4', {
      currentVersion: 4,
    }),
  },
  UnprocessableContent: {
    description:
      'Breaks a rule: the Idempotency-Key was used for a different request (`idempotency-key.reused`), an ' +
      'unknown agency or region is named, or a time is not acceptable (`occurred-at.future`).',
    content: problemContent(
      422,
      'idempotency-key.reused',
      'this Idempotency-Key was already used for a different request',
    ),
  },
  ServiceUnavailable: {
    description:
      "The identity provider's keys could not be read to check the token (`identity-provider.unavailable`); " +
      'retry after Retry-After seconds: the token may well be valid.',
    content: problemContent(
      503,
      'identity-provider.unavailable',
      "the identity provider's keys could not be read to check the token; try again shortly",
      { retryAfter: 1 },
    ),
  },
  GatewayTimeout: {
    description: 'The read models did not reach X-Lintas-Min-Position in time (`read-model.behind`); retry.',
    content: problemContent(504, 'read-model.behind', 'the read models did not reach 812.4 in 5000 ms; retry'),
  },
} satisfies Record<string, ResponseObject>;

export type ProblemResponse = keyof typeof RESPONSES;

export const PROBLEM_STATUS: Record<ProblemResponse, string> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  PreconditionFailed: '412',
  UnprocessableContent: '422',
  ServiceUnavailable: '503',
  GatewayTimeout: '504',
};

/** The platform's own routes: the probes and this document. */
export const READINESS_REPORT: SchemaObject = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ready', 'not-ready'] },
    checks: {
      type: 'object',
      description: 'Each dependency by name (`postgres`, `kafka`).',
      additionalProperties: {
        type: 'object',
        required: ['status', 'ms'],
        properties: {
          status: { type: 'string', enum: ['up', 'down'] },
          error: { type: 'string' },
          ms: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
};

export const LIVENESS: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['live'] } },
};
