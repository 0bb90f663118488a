import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { EdgeError } from './problems/http-errors';

/**
 * Deeper than any request of the API needs (the deepest DTO has three levels); a body nested
 * thousands deep exhausted the stack of whatever walked it next (the idempotency fingerprint).
 */
export const MAX_JSON_DEPTH = 32;

// Only what the body parser reads (JSON, and FHIR's JSON for the FHIR routes): any other type would reach the handler as an empty body.
const JSON_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/**
 * What every body must be before anything reads it: JSON (else 415, instead of a write that went
 * through with the fields it could not see), and not nested deeper than MAX_JSON_DEPTH (else 400).
 * Runs after the agency guard: who calls is known before what they sent is judged.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const type = request.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(type)) {
      throw new EdgeError(
        415,
        'request.unsupported-media-type',
        'the body must be JSON (Content-Type: application/json)',
      );
    }
    if (depthExceeds(request.body, MAX_JSON_DEPTH)) {
      throw new EdgeError(400, 'request.too-deep', `the body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    return true;
  }
}

function hasBody(request: Request): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > 0 || request.headers['transfer-encoding'] !== undefined;
}

/** Walks without recursion, so that the check itself cannot overflow the stack. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
