/** Japan Standard Time (UTC+9, no daylight saving): the time the reported agencies and their readers keep. */
const JST_OFFSET_MS = 9 * 3_600_000;

const shifted = (iso: string, offsetMs = 0) => new Date(Date.parse(iso) + JST_OFFSET_MS + offsetMs).toISOString();

/** 2024-06-30T15:00:00.000Z → 2024-07-01 (the JST calendar day). `offsetMs` moves the instant first. */
export const jstDate = (iso: string, offsetMs = 0): string => shifted(iso, offsetMs).slice(0, 10);

/** 2024-06-30T15:00:00.000Z → 2024-07-01 00:00 JST: the zone stated, for people. */
export const jstDateTime = (iso: string): string => `${shifted(iso).slice(0, 16).replace('T', ' ')} JST`;
