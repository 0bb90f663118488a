import { ageInDays, translateIfKnown } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.id';
import type {
  CaseInQueue,
  ComplaintInQueue,
  FollowUpDue,
  PantiBeds,
  Placement,
  Referral,
  Reunification,
  TracingMatch,
} from '../../services/api-types';
import type { ApiResult, ServiceName } from '../../services/service-api';
import { age, personLink, refusal, serviceLabel, table } from '../../views/components';
import { html, type Html, type HtmlValue } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';

export interface QueueSource {
  service: ServiceName;
  path: string;
  /** A second read from the same service, shown above the queue. */
  summaryPath?: string;
  title: MessageKey;
  description: MessageKey;
}

/** Each queue, the service route it is read from, and how it is named. */
export const QUEUES = {
  referrals: {
    service: 'health-liaison',
    path: '/referrals?status=requested',
    title: 'queue.referrals',
    description: 'queue.referrals.about',
  },
  'waiting-list': {
    service: 'rehabilitation',
    path: '/work-queues/waiting-list',
    title: 'queue.waiting-list',
    description: 'queue.waiting-list.about',
  },
  occupancy: {
    service: 'rehabilitation',
    path: '/work-queues/residents',
    summaryPath: '/work-queues/beds',
    title: 'queue.occupancy',
    description: 'queue.occupancy.about',
  },
  tracing: {
    service: 'family-reunification',
    path: '/work-queues/caseload',
    title: 'queue.tracing',
    description: 'queue.tracing.about',
  },
  'tracing-matches': {
    service: 'intake',
    path: '/work-queues/tracing-matches',
    title: 'queue.tracing-matches',
    description: 'queue.tracing-matches.about',
  },
  'follow-ups': {
    service: 'family-reunification',
    path: '/work-queues/follow-ups-due',
    title: 'queue.follow-ups',
    description: 'queue.follow-ups.about',
  },
  complaints: {
    service: 'family-reunification',
    path: '/work-queues/complaints',
    title: 'queue.complaints',
    description: 'queue.complaints.about',
  },
  'incoming-transfers': {
    service: 'intake',
    path: '/work-queues/incoming-transfers',
    title: 'queue.incoming-transfers',
    description: 'queue.incoming-transfers.about',
  },
} as const satisfies Record<string, QueueSource>;

export type QueueName = keyof typeof QUEUES;
export const isQueueName = (name: string): name is QueueName => Object.hasOwn(QUEUES, name);

const IN_TRACING = ['tracing', 'family-located', 'family-not-found'];

export function queuesPage(ctx: PageContext): Html {
  const { t } = ctx;
  return layout(ctx, {
    title: t('queues.title'),
    section: 'queues',
    main: html`<p class="hint">${t('queues.intro')}</p>
      <ul class="cards">
        ${(Object.entries(QUEUES) as [QueueName, QueueSource][]).map(
          ([name, queue]) =>
            html`<li>
              <a href="/queues/${name}">${t(queue.title)}</a>
              <p>${t(queue.description)}</p>
              <p class="hint">${serviceLabel(ctx, queue.service)}</p>
            </li>`,
        )}
      </ul>`,
  });
}

export function queuePage(
  ctx: PageContext,
  queue: QueueName,
  answer: ApiResult<unknown>,
  summary?: ApiResult<unknown>,
): Html {
  const { t } = ctx;
  return layout(ctx, {
    title: t(QUEUES[queue].title),
    section: 'queues',
    main: html`<p><a href="/queues">${t('queues.all')}</a></p>
      <p class="hint">${t(QUEUES[queue].description)}</p>
      ${answer.ok ? contentOf(ctx, queue, answer.body, summary) : refusal(ctx, answer)}`,
  });
}

function contentOf(ctx: PageContext, queue: QueueName, body: unknown, summary?: ApiResult<unknown>): Html {
  switch (queue) {
    case 'referrals':
      return referrals(ctx, (body as { referrals: Referral[] }).referrals);
    case 'waiting-list':
      return waitingList(ctx, body as Placement[]);
    case 'occupancy':
      return occupancy(ctx, body as Placement[], summary as ApiResult<PantiBeds[]> | undefined);
    case 'tracing':
      return tracing(
        ctx,
        (body as Reunification[]).filter((r) => IN_TRACING.includes(r.status)),
      );
    case 'tracing-matches':
      return tracingMatches(ctx, body as TracingMatch[]);
    case 'follow-ups':
      return followUps(ctx, body as FollowUpDue[]);
    case 'complaints':
      return complaints(ctx, body as ComplaintInQueue[]);
    case 'incoming-transfers':
      return incomingTransfers(ctx, body as CaseInQueue[]);
  }
}

const empty = (ctx: PageContext): Html => html`<p class="empty" role="status">${ctx.t('queue.empty')}</p>`;

/** Items grouped (per hospital, per panti), each group its own table, oldest first. */
function grouped<T>(items: T[], key: (item: T) => string, render: (group: string, items: T[]) => Html): Html {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return html`${[...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, members]) => render(group, members))}`;
}

const byOldest =
  <T>(since: (item: T) => string) =>
  (a: T, b: T) =>
    new Date(since(a)).getTime() - new Date(since(b)).getTime();

function code(ctx: PageContext, prefix: string, value: string): string {
  return translateIfKnown(ctx.lang, `${prefix}.${value}`) ?? value;
}

function referrals(ctx: PageContext, items: Referral[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return grouped(
    items.sort(byOldest((r) => r.requestedAt)),
    (r) => r.rsjId,
    (rsj, group) =>
      table(
        t('queue.group', { name: rsj, count: group.length }),
        [t('col.person'), t('col.office'), t('col.urgency'), t('col.requestedAt'), t('col.age')],
        group.map((r) => [
          personLink(ctx, r.personId, undefined, r.caseId),
          r.officeId,
          code(ctx, 'urgency', r.urgency),
          format.instant(r.requestedAt),
          age(ctx, r.requestedAt),
        ]),
      ),
  );
}

function waitingList(ctx: PageContext, items: Placement[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return grouped(
    items.sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0)),
    (p) => p.pantiId,
    (panti, group) =>
      table(
        t('queue.group', { name: panti, count: group.length }),
        [t('col.position'), t('col.person'), t('col.status'), t('col.office'), t('col.requestedAt'), t('col.age')],
        group.map((p) => [
          p.queuePosition ?? '—',
          personLink(ctx, p.personId, undefined, p.caseId),
          p.queueStatus ? code(ctx, 'queueStatus', p.queueStatus) : code(ctx, 'placement', p.status),
          p.officeId,
          format.instant(p.requestedAt),
          age(ctx, p.requestedAt),
        ]),
      ),
  );
}

function occupancy(ctx: PageContext, items: Placement[], beds: ApiResult<PantiBeds[]> | undefined): Html {
  const { t, format } = ctx;
  return html`${bedsSummary(ctx, items, beds)} ${items.length === 0 ? empty(ctx) : ''}
  ${grouped(
    items.sort(byOldest((p) => p.admittedAt ?? p.requestedAt)),
    (p) => p.pantiId,
    (panti, group) =>
      table(
        t('queue.group', { name: panti, count: group.length }),
        [t('col.person'), t('col.status'), t('col.office'), t('col.admittedAt'), t('col.age')],
        group.map((p) => [
          personLink(ctx, p.personId, undefined, p.caseId),
          code(ctx, 'placement', p.status),
          p.officeId,
          format.instant(p.admittedAt),
          age(ctx, p.admittedAt ?? p.requestedAt),
        ]),
      ),
  )}`;
}

/**
 * Each panti's beds against its capacity, from its bed book; where that cannot be read, the residents
 * counted, and why.
 */
function bedsSummary(ctx: PageContext, items: Placement[], beds: ApiResult<PantiBeds[]> | undefined): Html {
  const { t } = ctx;
  if (beds?.ok) {
    return table(
      t('queue.occupancy.summary'),
      [t('col.panti'), t('col.beds'), t('col.occupied'), t('col.reserved'), t('col.free'), t('col.waiting')],
      [...beds.body]
        .sort((a, b) => a.pantiId.localeCompare(b.pantiId))
        .map((b) => [b.pantiId, b.beds, b.occupied, b.reserved, b.free, b.waiting]),
      { id: 'occupancy' },
    );
  }
  if (items.length === 0) return html``;
  const counts = new Map<string, number>();
  for (const p of items) counts.set(p.pantiId, (counts.get(p.pantiId) ?? 0) + 1);
  return html`${table(
      t('queue.occupancy.residents'),
      [t('col.panti'), t('col.residents')],
      [...counts].map(([panti, count]) => [panti, count]),
      { id: 'occupancy' },
    )}
    <p class="hint">${t('queue.occupancy.capacity')}</p>`;
}

function tracing(ctx: PageContext, items: Reunification[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return table(
    t('queue.tracing'),
    [t('col.person'), t('col.status'), t('col.startedAt'), t('col.age')],
    items
      .sort(byOldest((r) => r.startedAt))
      .map((r) => [
        personLink(ctx, r.personId, undefined, r.caseId),
        code(ctx, 'reunification', r.status),
        format.instant(r.startedAt),
        age(ctx, r.startedAt),
      ]),
  );
}

function tracingMatches(ctx: PageContext, items: TracingMatch[]): Html {
  const { t, format } = ctx;
  const open = items.filter((m) => m.status === 'proposed');
  if (open.length === 0) return empty(ctx);
  return table(
    t('queue.tracing-matches'),
    [t('col.request'), t('col.candidate'), t('col.probability'), t('col.proposedAt'), t('col.age')],
    open
      .sort((a, b) => b.ageDays - a.ageDays)
      .map((m) => [
        html`<code>${m.tracingRequestId.slice(0, 8)}</code>`,
        personLink(ctx, m.candidatePersonId),
        `${format.num(Math.round(m.probability * 100))} %`,
        format.instant(m.proposedAt),
        t(m.ageDays === 1 ? 'age.day' : 'age.days', { n: m.ageDays }),
      ]),
  );
}

/** Days until a due day, or past it: the age of an item that waits for a date. */
function dueIn(ctx: PageContext, day: string, overdue: boolean): HtmlValue {
  const days = ageInDays(day) ?? 0;
  if (overdue || days > 0)
    return html`<strong class="overdue">${ctx.t('age.overdue', { n: Math.max(days, 0) })}</strong>`;
  return ctx.t('age.dueIn', { n: -days });
}

function followUps(ctx: PageContext, items: FollowUpDue[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return table(
    t('queue.follow-ups'),
    [t('col.person'), t('col.visit'), t('col.dueOn'), t('col.age')],
    items
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      .map((f) => [
        personLink(ctx, f.personId, undefined, f.caseId),
        f.visit,
        format.day(f.dueOn),
        dueIn(ctx, f.dueOn, f.overdue),
      ]),
  );
}

function complaints(ctx: PageContext, items: ComplaintInQueue[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return table(
    t('queue.complaints'),
    [
      t('col.person'),
      t('col.kind'),
      t('col.filedBy'),
      t('col.filedAt'),
      t('col.answerBy'),
      t('col.escalations'),
      t('col.age'),
    ],
    items
      .sort((a, b) => a.answerBy.localeCompare(b.answerBy))
      .map((c) => [
        personLink(ctx, c.personId),
        code(ctx, 'complaint', c.kind),
        c.filedBy,
        format.instant(c.filedAt),
        html`${format.day(c.answerBy)} (${dueIn(ctx, c.answerBy, c.overdue)})`,
        c.escalations,
        age(ctx, c.filedAt),
      ]),
  );
}

function incomingTransfers(ctx: PageContext, items: CaseInQueue[]): Html {
  const { t, format } = ctx;
  if (items.length === 0) return empty(ctx);
  return table(
    t('queue.incoming-transfers'),
    [t('col.caseNumber'), t('col.office'), t('col.requestedAt'), t('col.age')],
    items.map((c) => [
      personLink(ctx, c.personId, c.caseNumber, c.caseId),
      c.officeId,
      format.instant(c.transferRequestedAt),
      age(ctx, c.transferRequestedAt),
    ]),
  );
}
