import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Session } from '../auth/sessions';
import { SignInRequired } from '../auth/sign-in-required';
import type { SignedInUser } from '../auth/signed-in-user';
import type { Html } from '../views/html';
import { pageContext, type PageContext } from '../views/page-context';

/** A form whose CSRF token is missing or not the session's: refused before anything runs. */
export class StaleForm extends Error {
  constructor() {
    super('the form carries no valid CSRF token');
    this.name = 'StaleForm';
  }
}

export type SignedInContext = PageContext & { session: Session; user: SignedInUser; csrfToken: string };

/**
 * The page's context, for a signed-in user only: anyone else is sent to sign in first and comes
 * back here (a GET; a form's answer comes back to where the form was, which the browser sent as
 * nothing we trust, so to the start page).
 */
export function signedIn(request: Request): SignedInContext {
  const ctx = pageContext(request);
  if (!ctx.session?.user || !ctx.session.tokens || !ctx.csrfToken) {
    throw new SignInRequired(request.method === 'GET' ? ctx.path : '/');
  }
  return ctx as SignedInContext;
}

/**
 * A form that changes something or reads people's data on the user's behalf carries the session's
 * synchroniser token: a page of another site cannot know it (SameSite=Lax already keeps the cookie
 * off most cross-site POSTs; this closes the rest).
 */
export function checkForm(request: Request, ctx: SignedInContext): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const given = Buffer.from(typeof body._csrf === 'string' ? body._csrf : '');
  const expected = Buffer.from(ctx.csrfToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new StaleForm();
  return body;
}

export function sendPage(response: Response, page: Html, status = 200): void {
  response.status(status).type('html').send(page.text);
}

/** A form field as text, trimmed and bounded; anything else is empty. */
export function field(body: Record<string, unknown>, name: string, max = 500): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A query parameter as text, if given once. */
export function queryText(request: Request, name: string, max = 200): string | undefined {
  const value = request.query[name];
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;
}
