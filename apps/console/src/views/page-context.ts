import type { Request } from 'express';
import type { SignedInUser } from '../auth/signed-in-user';
import type { Session } from '../auth/sessions';
import { Formats, translator, type Lang, type Translate } from '../i18n/i18n';
import { zoneOf, type Zone } from '../i18n/region-time';
import { stateOf } from '../web/console-request';

/** What every page is rendered with: the language, the user's clock, who is signed in. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  format: Formats;
  zone: Zone;
  user?: SignedInUser;
  session?: Session;
  /** The CSRF token the page's forms send back. */
  csrfToken?: string;
  /** This page's path and query: where a language switch or a sign-in comes back to. */
  path: string;
}

export function pageContext(request: Request): PageContext {
  const { lang, session } = stateOf(request);
  const user = session?.user;
  const zone = zoneOf(user?.regionCode);
  return {
    lang,
    t: translator(lang),
    format: new Formats(lang, zone),
    zone,
    ...(user && { user }),
    ...(session && { session, csrfToken: session.csrfToken }),
    path: request.method === 'GET' ? request.originalUrl : request.path,
  };
}
