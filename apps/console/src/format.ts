import type { Lang } from './i18n';

/** Every time on these pages is Japan time (JST, UTC+9), and says so. */
export const TIME_ZONE = 'Asia/Tokyo';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: TIME_ZONE, ...options });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** 2024年4月1日 9:00 / 1 Apr 2024, 09:00 — in JST. */
export function dateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return formatter(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return formatter(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** A date picked in a form (YYYY-MM-DD) as the first instant of that day in Japan time. */
export function jstStartOfDay(day: string): string {
  return `${day}T00:00:00+09:00`;
}

/** The first instant after the picked day, in Japan time: periods end exclusive. */
export function jstEndOfDay(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00+09:00`) + 24 * 3600 * 1000);
  return next.toISOString();
}

export function percent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function count(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}

/** Saves text as a file through the browser, with no server round trip. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
