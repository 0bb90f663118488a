import type { DeadLetter, VerificationResult, WebhookSubscription } from '../../services/api-types';
import type { ApiRefusal, ApiResult, ServiceName } from '../../services/service-api';
import { csrfField, notice, refusal, serviceLabel, table } from '../../views/components';
import { html, segment, type Html } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

/** What became of an admin's action, told above the list it changed. */
export type Outcome =
  | { kind: 'redriven'; id: string }
  | { kind: 'redelivered'; count: number }
  | { kind: 'reason-missing' }
  | { kind: 'invalid' }
  | { kind: 'refused'; result: ApiRefusal };

function outcomeOf(ctx: PageContext, outcome: Outcome | undefined): Html | undefined {
  if (!outcome) return undefined;
  switch (outcome.kind) {
    case 'redriven':
      return notice('ok', ctx.t('deadLetters.done', { id: outcome.id }));
    case 'redelivered':
      return notice('ok', ctx.t('webhooks.done', { count: outcome.count }));
    case 'reason-missing':
      return notice('warn', ctx.t('deadLetters.reasonMissing'));
    case 'invalid':
      return notice('warn', ctx.t('form.invalid'));
    case 'refused':
      return refusal(ctx, outcome.result);
  }
}

export function integrityPage(ctx: PageContext): Html {
  const { t } = ctx;
  return layout(ctx, {
    title: t('integrity.title'),
    section: 'integrity',
    main: html`${verifyForm(ctx)}
      <section aria-labelledby="repair-title">
        <h2 id="repair-title">${t('integrity.repair')}</h2>
        <ul class="links">
          <li><a href="/integrity/dead-letters">${t('deadLetters.title')}</a></li>
          <li><a href="/integrity/webhooks">${t('webhooks.title')}</a></li>
        </ul>
        <p class="hint">${t('integrity.evidence')}</p>
      </section>`,
  });
}

function verifyForm(ctx: PageContext): Html {
  const { t } = ctx;
  return html`<section aria-labelledby="verify-title">
    <h2 id="verify-title">${t('verify.title')}</h2>
    <p>${t('verify.intro')}</p>
    <form method="post" action="/integrity/verifications" class="stacked">
      ${csrfField(ctx)}
      <label for="reason">${t('verify.reason')}</label>
      <input id="reason" name="reason" type="text" maxlength="500" autocomplete="off" />
      <button type="submit">${t('verify.run')}</button>
    </form>
  </section>`;
}

export function verificationPage(ctx: PageContext, result: ApiResult<VerificationResult>): Html {
  const { t, format } = ctx;
  return layout(ctx, {
    title: t('verify.resultTitle'),
    section: 'integrity',
    back: '/integrity',
    main: result.ok
      ? html`<div id="verification" data-ok="${result.body.ok ? 'yes' : 'no'}">
            ${notice(result.body.ok ? 'ok' : 'warn', result.body.ok ? t('verify.ok') : t('verify.failed'))}
            <p class="hint">${t('verify.id', { id: result.body.verificationId })}</p>
            ${table(
              t('verify.caption'),
              [t('col.subject'), t('col.checked'), t('col.result'), t('verify.breaks')],
              result.body.results.map((subject) => [
                subject.subject,
                format.num(subject.checked),
                subject.ok
                  ? html`<span class="pass">${t('verify.pass')}</span>`
                  : html`<strong class="fail">${t('verify.fail')}</strong>`,
                subject.error ??
                  (subject.breaks.length === 0
                    ? '—'
                    : html`<ul>
                        ${subject.breaks.slice(0, 10).map((b) => html`<li><code>${b.kind}</code> ${b.detail}</li>`)}
                      </ul>`),
              ]),
              { id: 'verification-results' },
            )}
          </div>
          <p><a href="/integrity">${t('integrity.back')}</a></p>`
      : html`${refusal(ctx, result)}
          <p><a href="/integrity">${t('integrity.back')}</a></p>`,
  });
}

export function deadLettersPage(
  ctx: PageContext,
  lists: [ServiceName, ApiResult<{ deadLetters: DeadLetter[] }>][],
  outcome?: Outcome,
): Html {
  const { t, format } = ctx;
  return layout(ctx, {
    title: t('deadLetters.title'),
    section: 'integrity',
    back: '/integrity/dead-letters',
    main: html`<p><a href="/integrity">${t('integrity.back')}</a></p>
      ${outcomeOf(ctx, outcome)}
      <p class="hint">${t('deadLetters.intro')}</p>
      ${lists.map(
        ([service, list]) =>
          html`<section aria-labelledby="dl-${service}">
            <h2 id="dl-${service}">${serviceLabel(ctx, service)}</h2>
            ${
              !list.ok
                ? refusal(ctx, list)
                : list.body.deadLetters.length === 0
                  ? html`<p class="empty">${t('deadLetters.none')}</p>`
                  : table(
                      t('deadLetters.caption', { service: serviceLabel(ctx, service) }),
                      [
                        t('col.id'),
                        t('col.failedAt'),
                        t('col.reason'),
                        t('col.detail'),
                        t('col.event'),
                        t('col.redrive'),
                      ],
                      list.body.deadLetters.map((letter) => [
                        letter.id,
                        format.instant(letter.failedAt),
                        html`<code>${letter.reason}</code><br /><span class="hint">${letter.consumerGroup}</span>`,
                        letter.detail,
                        letter.event.type ?? '—',
                        letter.redrivenAt
                          ? t('deadLetters.redriven', { time: format.instant(letter.redrivenAt) })
                          : letter.erasedAt
                            ? t('value.erased')
                            : html`<form
                                method="post"
                                action="/integrity/dead-letters/${service}/${segment(letter.id)}/redrive"
                                class="inline-form"
                              >
                                ${csrfField(ctx)}
                                <label for="reason-${service}-${letter.id}">${t('deadLetters.redriveReason')}</label>
                                <input id="reason-${service}-${letter.id}" name="reason" required maxlength="500" />
                                <button type="submit">${t('deadLetters.redrive')}</button>
                              </form>`,
                      ]),
                    )
            }
          </section>`,
      )}`,
  });
}

export function webhooksPage(
  ctx: PageContext,
  list: ApiResult<{ subscriptions: WebhookSubscription[] }>,
  outcome?: Outcome,
): Html {
  const { t, format } = ctx;
  return layout(ctx, {
    title: t('webhooks.title'),
    section: 'integrity',
    back: '/integrity/webhooks',
    main: html`<p><a href="/integrity">${t('integrity.back')}</a></p>
      ${outcomeOf(ctx, outcome)}
      <p class="hint">${t('webhooks.intro')}</p>
      ${
        !list.ok
          ? refusal(ctx, list)
          : list.body.subscriptions.length === 0
            ? html`<p class="empty">${t('webhooks.none')}</p>`
            : table(
                t('webhooks.title'),
                [t('col.url'), t('col.status'), t('col.lastSequence'), t('col.changedAt'), t('webhooks.recover')],
                list.body.subscriptions.map((subscription) => [
                  html`<code>${subscription.url}</code>`,
                  html`${subscription.status === 'active' ? t('webhooks.status.active') : t('webhooks.status.disabled')}
                  ${subscription.statusReason && html`<br /><span class="hint">${subscription.statusReason}</span>`}`,
                  subscription.lastSequence,
                  format.instant(subscription.statusChangedAt),
                  html`<form
                    method="post"
                    action="/integrity/webhooks/${segment(subscription.id)}/redeliver"
                    class="inline-form"
                  >
                    ${csrfField(ctx)}
                    <label for="from-${subscription.id}">${t('webhooks.fromSequence')}</label>
                    <input
                      id="from-${subscription.id}"
                      name="fromSequence"
                      type="number"
                      min="1"
                      max="${Math.max(subscription.lastSequence, 1)}"
                      required
                    />
                    <button type="submit">${t('webhooks.recoverButton')}</button>
                  </form>`,
                ]),
              )
      }`,
  });
}
