import { japanDay, japanIso, japanTime } from './japan-time.format.js';

describe('times for people in Japan (JST)', () => {
  it('reads an instant on the wall clock of Asia/Tokyo, the zone stated', () => {
    expect(japanTime('2024-06-30T15:00:00.000Z', 'ja')).toBe('2024年7月1日 00:00 JST');
    expect(japanTime('2024-06-30T15:00:00.000Z', 'en')).toBe('2024-07-01 00:00 JST');
    expect(japanTime(new Date('2024-06-30T06:05:00Z'), 'ja')).toBe('2024年6月30日 15:05 JST');
    expect(japanTime(new Date('2024-06-30T06:05:00Z'), 'en')).toBe('2024-06-30 15:05 JST');
  });

  it('gives the calendar day in Japan, which is the next day from 15:00 UTC', () => {
    expect(japanDay('2019-03-31T14:59:59Z', 'ja')).toBe('2019年3月31日');
    expect(japanDay('2019-03-31T15:00:00Z', 'ja')).toBe('2019年4月1日');
    expect(japanDay('2019-03-31T15:00:00Z', 'en')).toBe('2019-04-01');
  });

  it('writes ISO 8601 with the +09:00 offset for the same instant', () => {
    expect(japanIso('2024-06-30T15:00:00.000Z')).toBe('2024-07-01T00:00:00+09:00');
    expect(new Date(japanIso('2024-06-30T06:05:07Z')).toISOString()).toBe('2024-06-30T06:05:07.000Z');
  });

  it('refuses what is not an instant', () => {
    expect(() => japanTime('not a date', 'en')).toThrow(RangeError);
  });
});
