import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AgencyActor } from './agency/agency-token';
import { EdgeError } from './problems/http-errors';

/**
 * The version the client read, from If-Match (`"3"` or `W/"3"`): the write must still find the
 * stream there, else 412. Absent: the write goes on the current version.
 */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new EdgeError(400, 'if-match.invalid', 'If-Match must be an ETag this API returned, e.g. "3"');
  return Number(match[1]);
});

/**
 * An id for what this request creates, derived from the agency and its Idempotency-Key: a retry
 * that runs again after its first attempt died creates the same thing, not a second one.
 */
export const NewId = createParamDecorator((purpose: string, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request & { actor?: AgencyActor }>();
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !request.actor) {
    throw new EdgeError(400, 'idempotency-key.missing', 'every POST needs an Idempotency-Key header');
  }
  return deterministicUuid(`${request.actor.agencyId}\n${key}\n${purpose}`);
});

/** A version-8 UUID (RFC 9562, custom) from a SHA-256 of the name: same name, same id. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Reads are eventually consistent: a client that wants its own write reflected sends the
 * position the write answered with in X-Lintas-Min-Position, and the read waits for it.
 */
export const MinPosition = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const header = context.switchToHttp().getRequest<Request>().headers['x-lintas-min-position'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^\d{1,20}\.\d{1,20}$/.test(header)) {
    throw new EdgeError(
      400,
      'min-position.invalid',
      'X-Lintas-Min-Position must be a position a write returned, e.g. "812.4"',
    );
  }
  return header;
});
