/**
 * The console's stylesheet: readable on a 1366×768 office laptop and on a phone (one column below
 * 48rem, tables scroll inside their frame), text contrast above WCAG AA, a visible focus ring, and
 * nothing loaded from elsewhere (system fonts).
 */
export const CONSOLE_CSS = `
:root {
  --ink: #1b1f24;
  --muted: #4a5360;
  --paper: #ffffff;
  --wash: #f3f5f8;
  --line: #c9d0d9;
  --brand: #1f4e8c;
  --brand-ink: #ffffff;
  --ok: #1d6b48;
  --warn: #8a4b00;
  --bad: #a01d2d;
  --focus: #b35c00;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
  color: var(--ink);
  background: var(--paper);
  line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1rem; }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
header.top {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem;
  padding: 0.6rem 1.25rem; background: var(--brand); color: var(--brand-ink);
}
header.top a, header.top .link { color: var(--brand-ink); }
.brand a { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
header nav a { text-decoration: none; padding: 0.25rem 0; border-bottom: 3px solid transparent; }
header nav a[aria-current='page'] { border-bottom-color: var(--brand-ink); font-weight: 600; }
.account { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; font-size: 0.95rem; }
.who { display: flex; flex-direction: column; }
.who .agency { font-size: 0.85rem; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
footer.bottom { border-top: 1px solid var(--line); color: var(--muted); padding: 0.75rem 1.25rem; font-size: 0.9rem; }
.hint, .ids { color: var(--muted); font-size: 0.92rem; }
.lead { font-size: 1.1rem; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
input, select, button { font: inherit; }
input, select {
  border: 1px solid #6b7480; border-radius: 4px; padding: 0.45rem 0.6rem; min-height: 2.5rem;
  background: var(--paper); color: var(--ink); max-width: 100%;
}
input[type='range'] { padding: 0; min-width: 12rem; flex: 1 1 16rem; accent-color: var(--brand); }
button, .button {
  display: inline-block; border: 0; border-radius: 4px; padding: 0.5rem 1rem; min-height: 2.5rem;
  background: var(--brand); color: var(--brand-ink); cursor: pointer; text-decoration: none; font-weight: 600;
}
.button.secondary { background: var(--wash); color: var(--brand); border: 1px solid var(--brand); }
button.link { background: none; padding: 0; min-height: 0; text-decoration: underline; font-weight: 400; }
form.inline { display: inline; }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.search .row input { flex: 1 1 20rem; }
.stacked { display: flex; flex-direction: column; align-items: flex-start; gap: 0.4rem; max-width: 36rem; }
.stacked input { width: 100%; }
.inline-form { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: flex-end; }
.inline-form label { font-weight: 400; font-size: 0.85rem; margin: 0; flex-basis: 100%; }
.inline-form input { width: 8rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin-bottom: 1rem; }
.filters .actions { padding-bottom: 0.05rem; }
.filters .hint { display: block; font-size: 0.8rem; }
.notice { border-left: 5px solid var(--brand); background: var(--wash); padding: 0.5rem 1rem; margin: 1rem 0; }
.notice p { margin: 0.25rem 0; }
.notice.ok { border-color: var(--ok); }
.notice.warn, .notice.refused { border-color: var(--warn); }
.notice .detail { color: var(--muted); font-size: 0.92rem; }
.empty { color: var(--muted); font-style: italic; }
.table-frame { overflow-x: auto; margin: 0.75rem 0 1.25rem; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0.75rem; background: var(--wash); }
th, td { text-align: left; padding: 0.45rem 0.75rem; border-top: 1px solid var(--line); vertical-align: top; }
th { background: var(--wash); white-space: nowrap; }
.nik { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.04em; }
.overdue, .fail { color: var(--bad); }
.pass { color: var(--ok); font-weight: 600; }
.links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
.tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0.5rem 0; }
.tabs a { display: block; padding: 0.35rem 0.75rem; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
.tabs a[aria-current='page'] { background: var(--brand); color: var(--brand-ink); border-color: var(--brand); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.75rem; list-style: none; padding: 0; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
.cards li > a { font-weight: 600; font-size: 1.05rem; }
.cards p { margin: 0.35rem 0 0; }
.facts dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.25rem 1.5rem; margin: 0; }
.facts dl > div, .step-facts > div { padding: 0.3rem 0; border-bottom: 1px solid var(--line); }
dt { color: var(--muted); font-size: 0.85rem; }
dd { margin: 0; overflow-wrap: anywhere; }
.reveal { display: inline-block; margin-left: 0.5rem; }
.reveal button { padding: 0.2rem 0.6rem; min-height: 2rem; font-size: 0.9rem; }
.standing { font-size: 1.05rem; }
.as-of { border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin: 0.75rem 0 1rem; background: var(--wash); }
.as-of output { min-width: 12rem; font-variant-numeric: tabular-nums; }
ol.trail { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
.step { position: relative; margin: 0 0 0.75rem; padding: 0.4rem 0.75rem 0.4rem 1rem; }
.step:target { background: #fff4d6; }
.step-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.step-number { font-weight: 700; min-width: 1.75rem; color: var(--brand); }
.step-label { font-weight: 600; }
.badge { font-size: 0.8rem; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.5rem; color: var(--muted); background: var(--paper); }
.step.stage-access .step-label { font-weight: 400; color: var(--muted); }
.step-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; margin: 0.25rem 0 0 2.25rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); gap: 1rem; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.25rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
details summary { cursor: pointer; color: var(--brand); margin: 0.25rem 0; }
@media (max-width: 48rem) {
  header.top { padding: 0.5rem 0.75rem; }
  .account { margin-left: 0; width: 100%; justify-content: space-between; }
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.35rem; }
  .charts { grid-template-columns: 1fr; }
  .step-facts { margin-left: 0; grid-template-columns: 1fr; }
  .facts dl { grid-template-columns: 1fr; }
  .table-frame { border: 0; overflow: visible; }
  .table-frame table, .table-frame tbody, .table-frame tr, .table-frame td { display: block; width: 100%; }
  .table-frame caption { display: block; border: 1px solid var(--line); border-radius: 4px; }
  .table-frame thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-frame tr { border: 1px solid var(--line); border-radius: 4px; margin-top: 0.5rem; padding: 0.25rem 0; }
  .table-frame td { border: 0; padding: 0.2rem 0.75rem; display: grid; grid-template-columns: minmax(6.5rem, 38%) 1fr; gap: 0.5rem; }
  .table-frame td::before { content: attr(data-label); color: var(--muted); font-size: 0.85rem; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto; } }
`;
