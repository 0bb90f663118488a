import { createHash } from 'node:crypto';

/**
 * The pages a person sees at the identity provider: sign in, choose a new password, sign out, and
 * a request that could not be served. Bahasa Indonesia unless the application asks for English
 * (`ui_locales`) or the person switches; no script, no font, no image from anywhere: the only
 * style is inline and allowed by its hash.
 */
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

const TEXT = {
  id: {
    signInTitle: 'Masuk ke Lintas',
    signInIntro: 'Masuk dengan akun yang dibuat admin instansi Anda.',
    userId: 'Nama pengguna',
    password: 'Kata sandi',
    signIn: 'Masuk',
    otherLanguage: 'English',
    changeTitle: 'Ganti kata sandi',
    changeIntro: 'Kata sandi Anda dibuat oleh admin. Pilih kata sandi Anda sendiri sebelum melanjutkan.',
    newPassword: 'Kata sandi baru',
    newPasswordHint: 'Minimal 12 karakter. Kalimat pendek yang mudah Anda ingat lebih baik daripada kata yang rumit.',
    repeatPassword: 'Ulangi kata sandi baru',
    saveAndContinue: 'Simpan dan lanjutkan',
    signedInAs: 'Masuk sebagai',
    signOutTitle: 'Keluar dari Lintas?',
    signOutIntro: 'Anda akan keluar dari semua aplikasi Lintas di peramban ini.',
    signOutYes: 'Ya, keluar',
    signOutNo: 'Tidak, tetap masuk',
    signedOutTitle: 'Anda sudah keluar',
    signedOutIntro: 'Anda sudah keluar dari Lintas. Tutup jendela ini, atau kembali ke aplikasi untuk masuk lagi.',
    errorTitle: 'Permintaan tidak dapat diproses',
    errorIntro: 'Kembali ke aplikasi dan coba lagi. Jika terulang, sampaikan kode berikut kepada admin Anda.',
    errorCode: 'Kode',
    errorLabel: 'Kesalahan',
  },
  en: {
    signInTitle: 'Sign in to Lintas',
    signInIntro: "Sign in with the account your agency's admin made for you.",
    userId: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    otherLanguage: 'Bahasa Indonesia',
    changeTitle: 'Change your password',
    changeIntro: 'An admin set your password. Choose your own before you go on.',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters. A short sentence you remember is better than a complicated word.',
    repeatPassword: 'Repeat the new password',
    saveAndContinue: 'Save and continue',
    signedInAs: 'Signed in as',
    signOutTitle: 'Sign out of Lintas?',
    signOutIntro: 'You will be signed out of every Lintas application in this browser.',
    signOutYes: 'Yes, sign out',
    signOutNo: 'No, stay signed in',
    signedOutTitle: 'You are signed out',
    signedOutIntro: 'You are signed out of Lintas. Close this window, or go back to the application to sign in again.',
    errorTitle: 'The request could not be served',
    errorIntro: 'Go back to the application and try again. If it happens again, tell your admin the code below.',
    errorCode: 'Code',
    errorLabel: 'Error',
  },
} as const;

/** What a refused sign-in or password change says, in both languages. */
export const MESSAGES = {
  'sign-in.refused': {
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'The username or password is incorrect.',
  },
  'sign-in.missing': {
    id: 'Isi nama pengguna dan kata sandi.',
    en: 'Enter your username and password.',
  },
  'sign-in.disabled': {
    id: 'Akun ini dinonaktifkan. Hubungi admin instansi Anda.',
    en: "This account is disabled. Contact your agency's admin.",
  },
  'sign-in.password-expired': {
    id: 'Kata sandi sementara ini sudah kedaluwarsa. Minta admin instansi Anda membuat yang baru.',
    en: "This temporary password has expired. Ask your agency's admin for a new one.",
  },
  'sign-in.throttled': {
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {minutes} menit.',
    en: 'Too many sign-in attempts. Try again in {minutes} minutes.',
  },
  'sign-in.expired': {
    id: 'Waktu untuk masuk sudah habis. Kembali ke aplikasi dan coba lagi.',
    en: 'The sign-in took too long. Go back to the application and try again.',
  },
  'password.too-short': {
    id: 'Kata sandi baru minimal 12 karakter.',
    en: 'The new password must be at least 12 characters.',
  },
  'password.too-long': {
    id: 'Kata sandi baru maksimal 128 karakter.',
    en: 'The new password must be at most 128 characters.',
  },
  'password.mismatch': {
    id: 'Kedua kata sandi baru tidak sama.',
    en: 'The two new passwords differ.',
  },
  'password.unchanged': {
    id: 'Kata sandi baru harus berbeda dari kata sandi sementara.',
    en: 'The new password must differ from the temporary one.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, locale: Locale, values: Record<string, string | number> = {}): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The first of the application's `ui_locales` (RFC 5646 tags, most preferred first) that Lintas speaks. */
export function localeOf(...choices: (string | undefined)[]): Locale {
  for (const choice of choices) {
    for (const tag of (choice ?? '').split(/\s+/)) {
      const language = tag.toLowerCase().split('-')[0];
      // `in` is the withdrawn code of Indonesian, still sent by some systems.
      if (language === 'id' || language === 'in') return 'id';
      if (language === 'en') return 'en';
    }
  }
  return 'id';
}

const STYLE = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.5}',
  'body{margin:0;background:#f3f5f7;color:#1b1f24}',
  'main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #c9d1d9;border-radius:.5rem}',
  'h1{font-size:1.5rem;margin:0 0 .5rem}',
  'p{margin:0 0 1rem}',
  'label{display:block;font-weight:600;margin:1rem 0 .25rem}',
  'input{box-sizing:border-box;width:100%;font:inherit;padding:.6rem;border:1px solid #57606a;border-radius:.25rem}',
  'input[aria-invalid=true]{border:2px solid #b3261e}',
  '.hint{font-size:.9rem;color:#424a53;margin:.25rem 0 0}',
  'button{font:inherit;font-weight:600;margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:.25rem;background:#0b5cad;color:#fff;cursor:pointer}',
  'button.secondary{background:#fff;color:#0b5cad;border:1px solid #0b5cad;margin-top:.75rem}',
  ':focus-visible{outline:3px solid #f0a500;outline-offset:2px}',
  '.error{border-left:4px solid #b3261e;background:#fdecea;color:#5c1410;padding:.75rem;margin:1rem 0}',
  '.language{text-align:right;margin:0 0 1rem}',
  'a{color:#0b5cad}',
  'dl{margin:0}dt{font-weight:600}dd{margin:0 0 .5rem;word-break:break-word}',
].join('');

/** The answer headers of every page: nothing cached, framed, fetched or run. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'`,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(locale: Locale, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Lintas</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function languageSwitch(locale: Locale, href: string): string {
  const other: Locale = locale === 'id' ? 'en' : 'id';
  return `<p class="language"><a href="${escapeHtml(href)}?lang=${other}" lang="${other}" hreflang="${other}">${TEXT[locale].otherLanguage}</a></p>`;
}

function errorBox(id: string, text: string | undefined): string {
  return text ? `<p class="error" id="${id}" role="alert">${escapeHtml(text)}</p>` : '';
}

export function signInPage(options: {
  locale: Locale;
  action: string;
  /** The interaction's own address, for the language switch. */
  self: string;
  userId?: string;
  error?: string;
}): string {
  const t = TEXT[options.locale];
  const invalid = options.error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  return page(
    options.locale,
    t.signInTitle,
    `${languageSwitch(options.locale, options.self)}
<h1>${t.signInTitle}</h1>
<p>${t.signInIntro}</p>
${errorBox('sign-in-error', options.error)}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<input type="hidden" name="lang" value="${options.locale}">
<label for="user-id">${t.userId}</label>
<input id="user-id" name="userId" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="100" value="${escapeHtml(options.userId ?? '')}"${invalid}>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="${4 * 128}"${invalid}>
<button type="submit">${t.signIn}</button>
</form>`,
  );
}

export function changePasswordPage(options: {
  locale: Locale;
  action: string;
  self: string;
  userId: string;
  error?: string;
}): string {
  const t = TEXT[options.locale];
  const invalid = options.error ? ' aria-invalid="true"' : '';
  const described = (hint: boolean) =>
    [hint ? 'new-password-hint' : '', options.error ? 'change-error' : ''].filter(Boolean).join(' ');
  const describedBy = (hint: boolean) => (described(hint) ? ` aria-describedby="${described(hint)}"` : '');
  return page(
    options.locale,
    t.changeTitle,
    `${languageSwitch(options.locale, options.self)}
<h1>${t.changeTitle}</h1>
<p>${t.changeIntro}</p>
<p>${t.signedInAs} <strong>${escapeHtml(options.userId)}</strong></p>
${errorBox('change-error', options.error)}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<input type="hidden" name="lang" value="${options.locale}">
<input type="text" name="username" autocomplete="username" value="${escapeHtml(options.userId)}" hidden>
<label for="new-password">${t.newPassword}</label>
<input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="12" maxlength="${4 * 128}"${describedBy(true)}${invalid}>
<p class="hint" id="new-password-hint">${t.newPasswordHint}</p>
<label for="repeat-password">${t.repeatPassword}</label>
<input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" required maxlength="${4 * 128}"${describedBy(false)}${invalid}>
<button type="submit">${t.saveAndContinue}</button>
</form>`,
  );
}

/** The confirmation of a sign-out; `form` is the provider's own form (its anti-forgery field). */
export function signOutPage(locale: Locale, form: string): string {
  const t = TEXT[locale];
  return page(
    locale,
    t.signOutTitle,
    `<h1>${t.signOutTitle}</h1>
<p>${t.signOutIntro}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${t.signOutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.signOutNo}</button>`,
  );
}

export function signedOutPage(locale: Locale): string {
  const t = TEXT[locale];
  return page(locale, t.signedOutTitle, `<h1>${t.signedOutTitle}</h1>\n<p>${t.signedOutIntro}</p>`);
}

/** A request that cannot go on: `message` says why in the page's language, `description` is the provider's own (English). */
export function errorPage(locale: Locale, error: { code: string; message?: string; description?: string }): string {
  const t = TEXT[locale];
  return page(
    locale,
    t.errorTitle,
    `<h1>${t.errorTitle}</h1>
<p>${escapeHtml(error.message ?? t.errorIntro)}</p>
<dl>
<dt>${t.errorCode}</dt><dd><code>${escapeHtml(error.code)}</code></dd>
${error.description ? `<dt>${t.errorLabel}</dt><dd lang="en">${escapeHtml(error.description)}</dd>` : ''}
</dl>`,
  );
}
