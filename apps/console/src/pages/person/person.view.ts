import { isAdmin } from '../../auth/signed-in-user';
import { translateIfKnown } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.id';
import { instantToLocalInput } from '../../i18n/region-time';
import type { Trail, TrailStep, Whereabouts } from '../../services/api-types';
import type { ApiResult } from '../../services/service-api';
import { notice, refusal } from '../../views/components';
import { href, html, segment, type Html } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

export interface PersonView {
  personId: string;
  caseId?: string;
  whereabouts: ApiResult<Whereabouts>;
  trail: ApiResult<Trail>;
  asOf?: { at: string; trail: ApiResult<Trail> };
  /** Every instant at which the ledger recorded a step of the person, oldest first. */
  moments: string[];
  typedInvalid: boolean;
}

/** The instants the trail can be cut at: when each step was recorded (the cut goes by recording, not by field time). */
export function pointsInTime(steps: TrailStep[]): string[] {
  return [...new Set(steps.map((step) => step.recordedAt))].sort(
    (a, b) => new Date(a).getTime() - new Date(b).getTime(),
  );
}

/** `id.lintas.intake.pickup.reported.v1` → `intake.pickup.reported`. */
const eventName = (type: string): string => type.replace(/^id\.lintas\./, '').replace(/\.v\d+$/, '');

export function stepLabel(ctx: PageContext, type: string): string {
  const name = eventName(type);
  return translateIfKnown(ctx.lang, `event.${name}`) ?? name.replace(/[.-]/g, ' ');
}

// Codes and agencies a step's data may carry that help read it; ids and personal data stay out.
const SHOWN_DATA = [
  'decision',
  'reason',
  'recommendation',
  'outcome',
  'urgency',
  'kind',
  'officeId',
  'toOfficeId',
  'rsjId',
  'pantiId',
  'caseNumber',
  'visit',
] as const;

export function personPage(ctx: PageContext, view: PersonView): Html {
  const { t } = ctx;
  const current = view.asOf?.trail ?? view.trail;
  const caseNumbers = view.trail.ok ? casesOf(view.trail.body.steps) : new Map<string, string>();
  if (view.caseId && !caseNumbers.has(view.caseId)) caseNumbers.set(view.caseId, '');
  return layout(ctx, {
    title: t('person.title', { id: view.personId.slice(0, 8) }),
    section: 'search',
    main: html`<p class="ids">${t('person.id')}: <code>${view.personId}</code></p>
      <section aria-labelledby="now-title">
        <h2 id="now-title">${t('person.whereabouts')}</h2>
        ${whereaboutsOf(ctx, view.whereabouts)}
        ${
          caseNumbers.size > 0 &&
          html`<ul class="links">
            ${[...caseNumbers].map(
              ([caseId, number]) =>
                html`<li>
                  <a href="/cases/${segment(caseId)}"
                    >${number ? t('person.case', { number }) : t('person.caseUnnamed')}</a
                  >
                </li>`,
            )}
          </ul>`
        }
        <ul class="links">
          <li><a href="/persons/${segment(view.personId)}/access-records">${t('person.accessRecords')}</a></li>
          ${
            isAdmin(ctx.user) &&
            html`<li>
              <a href="/persons/${segment(view.personId)}/evidence-bundle" download>${t('person.evidence')}</a>
            </li>`
          }
        </ul>
      </section>
      <section aria-labelledby="trail-title">
        <h2 id="trail-title">${t('trail.title')}</h2>
        <p class="hint">${t('trail.intro')}</p>
        ${view.trail.ok && asOfControl(ctx, view)} ${view.typedInvalid && notice('warn', t('trail.asOf.invalid'))}
        ${current.ok ? trailOf(ctx, current.body, view.asOf?.at) : refusal(ctx, current)}
      </section>`,
  });
}

function casesOf(steps: TrailStep[]): Map<string, string> {
  const cases = new Map<string, string>();
  for (const step of steps) {
    const { caseId, caseNumber } = step.data;
    if (typeof caseId !== 'string' || step.stage === 'access') continue;
    if (typeof caseNumber === 'string' || !cases.has(caseId)) {
      cases.set(caseId, typeof caseNumber === 'string' ? caseNumber : (cases.get(caseId) ?? ''));
    }
  }
  return cases;
}

function whereaboutsOf(ctx: PageContext, whereabouts: ApiResult<Whereabouts>): Html {
  if (!whereabouts.ok) return refusal(ctx, whereabouts);
  const { stage, since, agencyId } = whereabouts.body;
  return html`<p class="standing">
    <strong>${translateIfKnown(ctx.lang, `whereabouts.${stage}`) ?? stage}</strong>
    ${agencyId && html` · ${ctx.t('person.at', { agency: agencyId })}`} ·
    ${ctx.t('person.since', { time: ctx.format.instant(since) })}
  </p>`;
}

/**
 * The point-in-time control: a slider over the moments the ledger recorded something (keyboard
 * and touch alike; the console's script sends it on change, a button does without the script),
 * and a time on the user's own clock.
 */
function asOfControl(ctx: PageContext, view: PersonView): Html {
  const { t } = ctx;
  const total = view.moments.length;
  if (total === 0) return html``;
  const asOf = view.asOf?.at;
  const position = asOf ? view.moments.filter((m) => new Date(m).getTime() <= new Date(asOf).getTime()).length : total;
  const action = `/persons/${segment(view.personId)}`;
  const valueText = (n: number) =>
    n >= total
      ? t('trail.asOf.now')
      : t('trail.asOf.position', { n, total, time: ctx.format.instant(view.moments[n - 1]) });
  return html`<div class="as-of">
    <h3>${t('trail.asOf.title')}</h3>
    <form method="get" action="${action}" class="slider" data-moments="${total}">
      ${view.caseId && html`<input type="hidden" name="case" value="${view.caseId}" />`}
      <label for="upTo">${t('trail.asOf.slider')}</label>
      <div class="row">
        <input
          type="range"
          id="upTo"
          name="upTo"
          min="1"
          max="${total}"
          step="1"
          value="${Math.max(position, 1)}"
          data-autosubmit
          aria-valuetext="${valueText(position)}"
          aria-describedby="upTo-value"
        />
        <output id="upTo-value" for="upTo">${valueText(position)}</output>
        <button type="submit">${t('trail.asOf.show')}</button>
      </div>
    </form>
    <form method="get" action="${action}" class="at">
      ${view.caseId && html`<input type="hidden" name="case" value="${view.caseId}" />`}
      <label for="at">${t('trail.asOf.at', { zone: ctx.zone.name })}</label>
      <div class="row">
        <input
          type="datetime-local"
          id="at"
          name="at"
          step="1"
          value="${view.asOf ? instantToLocalInput(view.asOf.at, ctx.zone) : ''}"
        />
        <button type="submit">${t('trail.asOf.show')}</button>
        ${view.asOf && html`<a href="${href(action, { case: view.caseId })}">${t('trail.asOf.backToNow')}</a>`}
      </div>
    </form>
  </div>`;
}

function trailOf(ctx: PageContext, trail: Trail, asOf: string | undefined): Html {
  const { t, format } = ctx;
  const number = new Map(trail.steps.map((step, index) => [step.eventId, index + 1]));
  const effects = new Map<string, number[]>();
  for (const step of trail.steps) {
    const cause = step.causationId === null ? undefined : number.get(step.causationId);
    if (cause !== undefined)
      effects.set(step.causationId as string, [
        ...(effects.get(step.causationId as string) ?? []),
        number.get(step.eventId) ?? 0,
      ]);
  }
  const standing = trail.standing;
  return html`${
    asOf && notice('info', t('trail.asOf.banner', { time: format.instant(asOf), count: trail.steps.length }))
  }
  ${
    standing &&
    html`<p class="standing" id="standing">
      ${t('trail.standing', {
        stage: t(`stage.${standing.stage}` as MessageKey),
        step: stepLabel(ctx, standing.lastStep),
        time: format.instant(standing.since),
      })}
    </p>`
  }
  ${
    trail.steps.length === 0
      ? html`<p class="empty">${t('trail.empty')}</p>`
      : html`<ol class="trail" id="trail" aria-label="${t('trail.title')}">
          ${trail.steps.map((step, index) => stepOf(ctx, step, index + 1, number, effects.get(step.eventId) ?? []))}
        </ol>`
  }`;
}

function stepOf(ctx: PageContext, step: TrailStep, n: number, number: Map<string, number>, effects: number[]): Html {
  const { t, format } = ctx;
  const cause = step.causationId === null ? undefined : number.get(step.causationId);
  const access = step.stage === 'access';
  return html`<li
    class="step stage-${step.stage}"
    id="step-${n}"
    data-type="${step.type}"
    data-event-id="${step.eventId}"
  >
    <div class="step-head">
      <span class="step-number">${n}</span>
      <span class="step-label">${stepLabel(ctx, step.type)}</span>
      <span class="badge">${t(`stage.${step.stage}` as MessageKey)}</span>
    </div>
    <dl class="step-facts">
      <div>
        <dt>${t('col.time')}</dt>
        <dd><time datetime="${step.occurredAt}">${format.instant(step.occurredAt)}</time></dd>
      </div>
      <div>
        <dt>${t('col.agency')}</dt>
        <dd>${step.actor.agencyId ?? '—'}</dd>
      </div>
      ${
        step.actor.clientId &&
        html`<div>
          <dt>${t('col.actor')}</dt>
          <dd>${step.actor.clientId}</dd>
        </div>`
      }
      ${access ? accessFacts(ctx, step) : dataFacts(ctx, step)}
      ${
        cause !== undefined &&
        html`<div>
          <dt>${t('col.cause')}</dt>
          <dd><a href="#step-${cause}" class="cause">${t('trail.causedBy', { n: cause })}</a></dd>
        </div>`
      }
      ${
        effects.length > 0 &&
        html`<div>
          <dt>${t('col.effects')}</dt>
          <dd>
            ${effects.map(
              (effect, i) =>
                html`${i > 0 && ', '}<a href="#step-${effect}" class="effect">${t('trail.ledTo', { n: effect })}</a>`,
            )}
          </dd>
        </div>`
      }
    </dl>
  </li>`;
}

function accessFacts(ctx: PageContext, step: TrailStep): Html {
  const { route, fields, outcome, userId, method } = step.data as {
    route?: string;
    fields?: string[];
    outcome?: string;
    userId?: string | null;
    method?: string;
  };
  return html`<div>
      <dt>${ctx.t('access.read')}</dt>
      <dd>
        <code>${method ?? ''} ${route ?? ''}</code> ·
        ${outcome === 'refused' ? ctx.t('access.outcome.refused') : ctx.t('access.outcome.granted')}
      </dd>
    </div>
    ${
      userId &&
      html`<div>
        <dt>${ctx.t('col.user')}</dt>
        <dd>${userId}</dd>
      </div>`
    }
    ${
      fields &&
      fields.length > 0 &&
      html`<div>
        <dt>${ctx.t('col.fields')}</dt>
        <dd>${fields.join(', ')}</dd>
      </div>`
    }`;
}

function dataFacts(ctx: PageContext, step: TrailStep): Html {
  const shown = SHOWN_DATA.filter((key) => ['string', 'number'].includes(typeof step.data[key]));
  if (shown.length === 0) return html``;
  return html`<div class="data">
    <dt>${ctx.t('col.data')}</dt>
    <dd>${shown.map((key, i) => html`${i > 0 && ' · '}<code>${key}: ${String(step.data[key])}</code>`)}</dd>
  </div>`;
}
