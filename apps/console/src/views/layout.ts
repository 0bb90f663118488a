import { isAdmin } from '../auth/signed-in-user';
import type { MessageKey } from '../i18n/messages.id';
import { href, html, type Html } from './html';
import type { PageContext } from './page-context';

export type Section = 'search' | 'queues' | 'indicators' | 'integrity';

const SECTIONS: { section: Section; path: string; label: MessageKey }[] = [
  { section: 'search', path: '/search', label: 'nav.search' },
  { section: 'queues', path: '/queues', label: 'nav.queues' },
  { section: 'indicators', path: '/indicators', label: 'nav.indicators' },
  { section: 'integrity', path: '/integrity', label: 'nav.integrity' },
];

export interface PageParts {
  title: string;
  main: Html;
  section?: Section;
  /** Where the language switch comes back to, where this page's own path would not show it again (a POST's answer). */
  back?: string;
}

/** The frame of every page: landmarks, the skip link, the menu, the user, the language switch. */
export function layout(ctx: PageContext, parts: PageParts): Html {
  const { t } = ctx;
  const other = ctx.lang === 'id' ? 'en' : 'id';
  const back = parts.back ?? ctx.path;
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${parts.title} · ${t('app.name')}</title>
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">${t('layout.skip')}</a>
        <header class="top">
          <div class="brand"><a href="/">${t('app.name')}</a></div>
          ${
            ctx.user &&
            html`<nav aria-label="${t('nav.label')}">
              <ul>
                ${SECTIONS.filter((s) => s.section !== 'integrity' || isAdmin(ctx.user)).map(
                  (s) =>
                    html`<li>
                      <a href="${s.path}" ${s.section === parts.section && html`aria-current="page"`}>${t(s.label)}</a>
                    </li>`,
                )}
              </ul>
            </nav>`
          }
          <div class="account">
            <a class="lang" href="${href('/language', { lang: other, back })}" lang="${other}" hreflang="${other}"
              >${t('lang.other')}</a
            >
            ${
              ctx.user
                ? html`<span class="who"
                      >${t('user.signedInAs', { name: ctx.user.name })}<span class="agency"
                        >${ctx.user.agencyName ?? ctx.user.agencyId ?? ''} · ${ctx.zone.name}</span
                      ></span
                    >
                    <form method="post" action="/auth/logout" class="inline">
                      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
                      <button type="submit" class="link">${t('auth.signOut')}</button>
                    </form>`
                : html`<a href="${href('/auth/login', { returnTo: back })}">${t('auth.signIn')}</a>`
            }
          </div>
        </header>
        <main id="main" tabindex="-1">
          <h1>${parts.title}</h1>
          ${parts.main}
        </main>
        <footer class="bottom"><p>${t('layout.footer')}</p></footer>
      </body>
    </html>`;
}
