import { escapeHtml, href, html, trustedMarkup } from './html';

describe('html templates', () => {
  it('escapes every value that is not itself markup', () => {
    const name = `<script>alert("x")</script> & 'Sri'`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Sri&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Sri&#39;</p>',
    );
  });

  it('keeps markup it made, renders lists, and nothing for false, null and undefined', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    const rendered = html`<ul>
        ${items}
      </ul>
      ${false}${null}${undefined}${0}`.text;
    expect(rendered.replace(/\s+/g, '')).toBe('<ul><li>a&lt;</li><li>b</li></ul>0');
    expect(html`${trustedMarkup('<svg></svg>')}`.text).toBe('<svg></svg>');
  });

  it('encodes query values and leaves empty ones out', () => {
    expect(href('/persons/x', { asOf: '2026-01-01T00:00:00+07:00', case: undefined, q: '' })).toBe(
      '/persons/x?asOf=2026-01-01T00%3A00%3A00%2B07%3A00',
    );
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
