import type { MessageKey } from '../../i18n/messages.id';
import type { PersonFound } from '../../services/api-types';
import type { ApiResult } from '../../services/service-api';
import { csrfField, maskedNik, personal, personLink, refusal, table } from '../../views/components';
import { html } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

export function searchPage(
  ctx: PageContext,
  answer?: { q: string; found: ApiResult<PersonFound[]> },
): ReturnType<typeof layout> {
  const { t } = ctx;
  const results = answer && resultsOf(ctx, answer.q, answer.found);
  return layout(ctx, {
    title: t('search.title'),
    section: 'search',
    back: '/search',
    main: html`<form method="post" action="/search" class="search" role="search">
        ${csrfField(ctx)}
        <label for="q">${t('search.label')}</label>
        <p class="hint" id="q-hint">${t('search.hint')}</p>
        <div class="row">
          <input
            id="q"
            name="q"
            type="search"
            required
            maxlength="200"
            autocomplete="off"
            aria-describedby="q-hint"
            value="${answer?.q ?? ''}"
          />
          <button type="submit">${t('search.submit')}</button>
        </div>
      </form>
      ${results}`,
  });
}

function resultsOf(ctx: PageContext, q: string, found: ApiResult<PersonFound[]>) {
  const { t, format } = ctx;
  if (!found.ok) return refusal(ctx, found);
  if (found.body.length === 0) return html`<p class="empty" role="status">${t('search.none', { q })}</p>`;
  return html`<p role="status">${t('search.results', { count: found.body.length, q })}</p>
    ${table(
      t('search.caption'),
      [t('col.caseNumber'), t('col.name'), t('col.nik'), t('col.office'), t('col.registeredAt'), t('col.matchedOn')],
      found.body.map((person) => [
        personLink(ctx, person.personId, person.caseNumber, person.caseId),
        person.name === null ? t('value.unknown') : personal(ctx, person.name),
        html`<span class="nik">${maskedNik(person.nikLast4)}</span>`,
        person.officeId,
        format.instant(person.registeredAt),
        person.matchedOn ? t(`match.${person.matchedOn}` as MessageKey) : '—',
      ]),
      { id: 'search-results' },
    )}`;
}
