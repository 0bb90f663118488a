import type { AccessRecords } from '../../services/api-types';
import { SERVICE_NAMES, type ApiResult, type ServiceName } from '../../services/service-api';
import { refusal, serviceLabel, table } from '../../views/components';
import { href, html, segment, type Html } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

/** Who read the person's data at one service, newest first: the records the service wrote before each answer. */
export function accessRecordsPage(
  ctx: PageContext,
  personId: string,
  service: ServiceName,
  records: ApiResult<AccessRecords>,
): Html {
  const { t, format } = ctx;
  const base = `/persons/${segment(personId)}/access-records`;
  return layout(ctx, {
    title: t('access.title'),
    section: 'search',
    main: html`<p>
        <a href="/persons/${segment(personId)}">${t('access.backToPerson', { id: personId.slice(0, 8) })}</a>
      </p>
      <p class="hint">${t('access.intro')}</p>
      <nav aria-label="${t('access.serviceLabel')}">
        <ul class="tabs">
          ${SERVICE_NAMES.filter((name) => name !== 'audit').map(
            (name) =>
              html`<li>
                <a href="${href(base, { service: name })}" ${name === service && html`aria-current="page"`}
                  >${serviceLabel(ctx, name)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      ${
        records.ok
          ? records.body.records.length === 0
            ? html`<p class="empty">${t('access.none')}</p>`
            : table(
                t('access.caption', { service: serviceLabel(ctx, service) }),
                [t('col.time'), t('col.agency'), t('col.user'), t('access.read'), t('col.fields'), t('col.result')],
                records.body.records.map((record) => [
                  format.instant(record.at),
                  record.agencyId ?? '—',
                  record.userId ?? record.clientId ?? '—',
                  html`<code>${record.method} ${record.route}</code>`,
                  record.fields.length > 0 ? html`<span class="fields">${record.fields.join(', ')}</span>` : '—',
                  record.outcome === 'granted'
                    ? t('access.outcome.granted')
                    : html`${t('access.outcome.refused')} (${record.status}${record.reason && html`, ${record.reason}`})`,
                ]),
                { id: 'access-records' },
              )
          : refusal(ctx, records)
      }`,
  });
}
