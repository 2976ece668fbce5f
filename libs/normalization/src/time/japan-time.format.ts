/**
 * 日本時間 — instants as a person in Japan reads them: the wall clock of Asia/Tokyo, with the zone said.
 * The API keeps ISO 8601 instants; sentences, reports and explanations for people use these.
 */

export type Language = 'ja' | 'en';

/** Made once: each new Intl formatter loads its zone and locale data. */
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(at: Date | string): WallClock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${String(at)}`);
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar day in Japan: 2024年6月30日 (ja), 2024-06-30 (en). */
export function japanDay(at: Date | string, language: Language): string {
  const t = wallClock(at);
  return language === 'ja' ? `${t.year}年${t.month}月${t.day}日` : `${t.year}-${two(t.month)}-${two(t.day)}`;
}

/** Day and minute in Japan, zone stated: 2024年6月30日 15:00 JST (ja), 2024-06-30 15:00 JST (en). */
export function japanTime(at: Date | string, language: Language): string {
  const t = wallClock(at);
  return `${japanDay(at, language)} ${two(t.hour)}:${two(t.minute)} JST`;
}

/** The instant as ISO 8601 with Japan's offset: 2024-07-01T00:00:00+09:00 (the same instant as 2024-06-30T15:00:00Z). */
export function japanIso(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  const t = wallClock(instant);
  return `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(instant.getUTCSeconds())}+09:00`;
}
