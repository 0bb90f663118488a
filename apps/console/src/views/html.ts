/**
 * HTML built from tagged templates that escape every value unless it is itself `Html`: a name, an
 * agency id or a service's error text can never become markup, and nobody has to remember to
 * escape (the mistake a template engine with opt-in escaping invites).
 */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** A value a template may hold: text (escaped), numbers, markup, lists of those, or nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item)).join('');
  // false and null render as nothing, so that `${condition && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/**
 * Markup the console made itself and vouches for (an SVG chart from ECharts, whose texts ECharts
 * escapes): never for anything a user or a service sent.
 */
export function trustedMarkup(markup: string): Html {
  return new Html(markup);
}

/** A URL path with its query, every part encoded: `href(`/persons/${id}`, { asOf })`. */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const encoded = search.toString();
  return encoded ? `${path}?${encoded}` : path;
}

/** A path segment from an id a service gave: encoded, so that it stays one segment. */
export const segment = (id: string): string => encodeURIComponent(id);
