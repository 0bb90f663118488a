import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The headers every answer carries. The API serves JSON about vulnerable people to machines: no
 * answer may be cached by an intermediary, sniffed as another type, framed, or leak its URL in a
 * Referer; HTTPS is to be kept once used.
 */
const HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000',
  'cross-origin-resource-policy': 'same-origin',
};

export function securityHeaders(): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.set(HEADERS);
    next();
  };
}
