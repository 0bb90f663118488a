/**
 * Problem titles in both languages the agencies read: Bahasa Indonesia and English. The client
 * picks with Accept-Language; English is the default because machine clients rarely send one.
 */
const TITLES: Record<number, { en: string; id: string }> = {
  400: { en: 'The request is not valid', id: 'Permintaan tidak valid' },
  401: { en: 'Not authenticated', id: 'Belum terautentikasi' },
  403: { en: 'Not allowed', id: 'Tidak diizinkan' },
  404: { en: 'Not found', id: 'Tidak ditemukan' },
  405: { en: 'Method not allowed here', id: 'Metode tidak diizinkan di sini' },
  409: { en: 'Conflicts with the current state', id: 'Bertentangan dengan keadaan saat ini' },
  412: { en: 'Changed since you read it', id: 'Telah berubah sejak Anda membacanya' },
  413: { en: 'The request is too large', id: 'Permintaan terlalu besar' },
  415: { en: 'Unsupported media type', id: 'Jenis media tidak didukung' },
  422: { en: 'Breaks a rule', id: 'Melanggar aturan' },
  428: { en: 'A precondition is required', id: 'Prasyarat diperlukan' },
  429: { en: 'Too many requests', id: 'Terlalu banyak permintaan' },
  500: { en: 'Something went wrong on our side', id: 'Terjadi kesalahan di sisi kami' },
  503: { en: 'Not ready yet', id: 'Belum siap' },
  504: { en: 'Not caught up in time', id: 'Belum mutakhir dalam batas waktu' },
};

export type Language = 'en' | 'id';

export function problemTitle(status: number, language: Language): string {
  const titles = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400];
  return titles ? titles[language] : String(status);
}

export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('id') || first.startsWith('in') ? 'id' : 'en';
}
