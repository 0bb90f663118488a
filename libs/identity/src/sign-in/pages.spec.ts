import { createHash } from 'node:crypto';
import { errorPage, localeOf, message, MESSAGES, PAGE_HEADERS, signInPage } from './pages';

describe('the sign-in pages', () => {
  it('speak Bahasa Indonesia unless the application or the person asks for English', () => {
    expect(localeOf()).toBe('id');
    expect(localeOf('')).toBe('id');
    expect(localeOf('en-GB en')).toBe('en');
    expect(localeOf('fr-FR en-US')).toBe('en');
    expect(localeOf('in')).toBe('id');
    expect(localeOf('ja')).toBe('id');
    // The switch (first) wins over the application's ui_locales.
    expect(localeOf('id', 'en')).toBe('id');
    expect(localeOf(undefined, 'en')).toBe('en');
  });

  it('say every message in both languages', () => {
    for (const texts of Object.values(MESSAGES)) {
      expect(texts.id).not.toBe('');
      expect(texts.en).not.toBe('');
      expect(texts.id).not.toBe(texts.en);
    }
    expect(message('sign-in.throttled', 'id', { minutes: 7 })).toBe(
      'Terlalu banyak percobaan masuk. Coba lagi dalam 7 menit.',
    );
  });

  it('escape what was typed, and tie the error to the fields it is about', () => {
    const html = signInPage({
      locale: 'en',
      action: '/interaction/abc/login',
      self: '/interaction/abc',
      userId: '"><script>alert(1)</script>',
      error: 'The username or password is incorrect.',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<p class="error" id="sign-in-error" role="alert">');
    expect(html.match(/aria-describedby="sign-in-error"/g)).toHaveLength(2);
    expect(html).toContain('<a href="/interaction/abc?lang=id" lang="id" hreflang="id">Bahasa Indonesia</a>');
    expect(errorPage('id', { code: '<b>', description: '<i>' })).not.toMatch(/<b>|<i>/);
  });

  it('allow their one inline style by its hash, and nothing else to load or run', () => {
    const html = signInPage({ locale: 'id', action: '/interaction/abc/login', self: '/interaction/abc' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(PAGE_HEADERS['content-security-policy']).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; frame-ancestors 'none'; base-uri 'none'`,
    );
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//);
  });
});
