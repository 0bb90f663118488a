import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The headers of every answer. Pages show people's data: nothing may cache them, frame them or
 * learn their URL through a Referer; only the console's own script and stylesheet run. Forms may
 * also lead to the issuer (signing out ends the session there too).
 */
export function securityHeaders(issuer: string, https: boolean): RequestHandler {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      `form-action 'self' ${new URL(issuer).origin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(https && { 'strict-transport-security': 'max-age=31536000' }),
  };
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.set(headers);
    next();
  };
}
