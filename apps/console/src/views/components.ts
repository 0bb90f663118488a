import { ageInDays } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.id';
import type { ApiRefusal, ServiceName } from '../services/service-api';
import { href, html, segment, type Html, type HtmlValue } from './html';
import type { PageContext } from './page-context';

export const serviceLabel = (ctx: PageContext, service: ServiceName): string =>
  ctx.t(`service.${service}` as MessageKey);

/**
 * A service's refusal told plainly, in the user's language: the page goes on around it. A 404 is
 * told as "not found or not yours to see", since to an agency that is no party an object does not
 * exist, and the console must not suggest otherwise.
 */
export function refusal(ctx: PageContext, result: ApiRefusal): Html {
  const service = serviceLabel(ctx, result.service);
  const message =
    result.status === 0
      ? ctx.t('refused.unreachable', { service })
      : result.status === 403
        ? ctx.t('refused.forbidden', { service })
        : result.status === 404
          ? ctx.t('refused.notFound', { service })
          : ctx.t('refused.other', { service, status: result.status });
  return html`<div class="notice refused" role="status">
    <p>${message}</p>
    ${result.detail && result.status !== 404 && html`<p class="detail">${ctx.t('refused.detail', { detail: result.detail })}</p>`}
  </div>`;
}

export function notice(kind: 'ok' | 'warn' | 'info', text: HtmlValue): Html {
  return html`<div class="notice ${kind}" role="status"><p>${text}</p></div>`;
}

/**
 * A table with a caption and header cells scoped to their columns; on a phone each row becomes a
 * card whose cells name their column (`data-label`), so that nothing scrolls sideways.
 */
export function table(caption: string, headers: string[], rows: HtmlValue[][], options: { id?: string } = {}): Html {
  return html`<div class="table-frame" tabindex="0" role="region" aria-label="${caption}">
    <table ${options.id && html`id="${options.id}"`}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (cells) =>
            html`<tr>
              ${cells.map((cell, i) => html`<td data-label="${headers[i] ?? ''}">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** A link to a person's page, named by what the queue knows of them (a case number, else a short id). */
export function personLink(ctx: PageContext, personId: string, label?: string, caseId?: string): Html {
  return html`<a href="${href(`/persons/${segment(personId)}`, { case: caseId })}"
    >${label ?? ctx.t('person.short', { id: personId.slice(0, 8) })}</a
  >`;
}

/** How long an item has waited, in whole days. */
export function age(ctx: PageContext, since: string | null | undefined): string {
  const days = ageInDays(since);
  return days === undefined ? '—' : ctx.t(days === 1 ? 'age.day' : 'age.days', { n: days });
}

/** A personal value as a service answered it: erased values and unknown ones said so. */
export function personal(ctx: PageContext, value: unknown): string {
  if (value === null || value === undefined || value === '') return ctx.t('value.unknown');
  if (typeof value === 'object' && (value as { $erased?: unknown }).$erased === true) return ctx.t('value.erased');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** The NIK as a list shows it until someone reveals it: its last four digits, never more. */
export const maskedNik = (last4: string | null): string => (last4 ? `************${last4}` : '—');

/** The hidden field every form that changes something carries. */
export const csrfField = (ctx: PageContext): Html =>
  html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;
