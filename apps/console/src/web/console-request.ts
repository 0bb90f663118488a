import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Session, Sessions } from '../auth/sessions';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/i18n';

/** What the console knows of a request before any page runs: the session (if any) and the language. */
export interface ConsoleState {
  session?: Session;
  lang: Lang;
}

export type ConsoleRequest = Request & { consoleState: ConsoleState };

export const LANG_COOKIE = 'lintas-lang';

/** The session cookie's name: `__Host-` where it is Secure, so that no subdomain can set or scope it. */
export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-lintas-console' : 'lintas-console');

/** The cookies of a request, by name; a malformed one is skipped. */
export function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const name = part.slice(0, equals).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(equals + 1).trim()));
    } catch {
      // not URI-encoded as this console writes its cookies: someone else's, ignored
    }
  }
  return cookies;
}

export function consoleRequestState(sessions: Sessions, secureCookies: boolean): RequestHandler {
  const cookieName = sessionCookieName(secureCookies);
  return (request: Request, _response: Response, next: NextFunction): void => {
    const cookies = cookiesOf(request);
    const lang = cookies.get(LANG_COOKIE);
    const session = sessions.find(cookies.get(cookieName));
    (request as ConsoleRequest).consoleState = {
      lang: isLang(lang) ? lang : DEFAULT_LANG,
      ...(session && { session }),
    };
    next();
  };
}

export function stateOf(request: Request): ConsoleState {
  return (request as Partial<ConsoleRequest>).consoleState ?? { lang: DEFAULT_LANG };
}

/**
 * A path of this console to go back to after sign-in or a language switch: a local path only, so
 * that neither can be made to send the browser elsewhere (an open redirect).
 */
export function localPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length > 2_000) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  if (candidate.startsWith('/auth/')) return fallback;
  return candidate;
}
