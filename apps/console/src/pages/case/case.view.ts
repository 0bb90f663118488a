import type { MessageKey } from '../../i18n/messages.id';
import { translateIfKnown } from '../../i18n/i18n';
import type { CaseDetails } from '../../services/api-types';
import type { ApiResult } from '../../services/service-api';
import { csrfField, maskedNik, notice, personal, personLink, refusal } from '../../views/components';
import { html, segment, type Html, type HtmlValue } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

export function casePage(ctx: PageContext, caseId: string, found: ApiResult<CaseDetails>, revealed: boolean): Html {
  const { t } = ctx;
  if (!found.ok) {
    return layout(ctx, {
      title: t('case.titleUnknown'),
      section: 'search',
      back: `/cases/${segment(caseId)}`,
      main: refusal(ctx, found),
    });
  }
  const theCase = found.body;
  return layout(ctx, {
    title: t('case.title', { number: theCase.caseNumber }),
    section: 'search',
    back: `/cases/${segment(caseId)}`,
    main: html`${revealed && notice('warn', t('nik.revealed'))}
      <p>${personLink(ctx, theCase.personId, t('case.person'), theCase.caseId)}</p>
      ${facts(t('case.case'), [
        [t('case.status'), t(`status.${theCase.status}` as MessageKey)],
        [t('col.office'), theCase.officeId],
        [t('col.registeredAt'), ctx.format.instant(theCase.registeredAt)],
        [t('case.foundRegion'), theCase.foundRegionCode],
        [
          t('case.decision'),
          theCase.assessment
            ? (translateIfKnown(ctx.lang, `decision.${theCase.assessment.decision}`) ?? theCase.assessment.decision)
            : '—',
        ],
        [t('case.outcome'), theCase.outcome ?? '—'],
      ])}
      ${theCase.identity ? identityOf(ctx, theCase, theCase.identity, revealed) : html`<p>${t('case.notIdentified')}</p>`}`,
  });
}

function identityOf(
  ctx: PageContext,
  theCase: CaseDetails,
  identity: NonNullable<CaseDetails['identity']>,
  revealed: boolean,
): Html {
  const { t } = ctx;
  const nikCell: HtmlValue = nikOf(identity)
    ? html`<span class="nik" id="nik">${nikOf(identity)}</span> ${
          !revealed &&
          isMasked(identity) &&
          html`<form method="post" action="/cases/${segment(theCase.caseId)}/nik" class="inline reveal">
              ${csrfField(ctx)}
              <button type="submit" aria-describedby="reveal-note">${t('nik.reveal')}</button>
            </form>
            <p class="hint" id="reveal-note">${t('nik.reveal.note')}</p>`
        }`
    : identity.nik !== null && typeof identity.nik === 'object'
      ? personal(ctx, identity.nik)
      : t('nik.none');
  return facts(t('case.identity'), [
    [t('col.name'), personal(ctx, identity.name)],
    [t('col.nik'), nikCell],
    [t('case.birthDate'), identity.birthDate === null ? '—' : personal(ctx, identity.birthDate)],
    [t('case.sex'), identity.sex === null ? '—' : personal(ctx, identity.sex)],
    [t('case.origin'), identity.originRegionCode ?? '—'],
    [t('case.source'), `${identity.source} · ${identity.confidence}`],
    [t('case.flags'), identity.flags.length > 0 ? identity.flags.join(', ') : '—'],
  ]);
}

type Identity = NonNullable<CaseDetails['identity']>;

/** A NIK intake left out for the mask (null, its last four digits beside it) or masked in place. */
const isMasked = (identity: Identity): boolean =>
  (identity.nik === null && typeof identity.nikLast4 === 'string') ||
  (typeof identity.nik === 'string' && identity.nik.startsWith('*'));

/** The NIK as the page shows it: whole where intake answered it whole, else its last four digits. */
function nikOf(identity: Identity): string | undefined {
  if (typeof identity.nik === 'string') return identity.nik;
  return identity.nik === null && identity.nikLast4 ? maskedNik(identity.nikLast4) : undefined;
}

function facts(title: string, rows: [string, HtmlValue][]): Html {
  return html`<section class="facts">
    <h2>${title}</h2>
    <dl>
      ${rows.map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}
