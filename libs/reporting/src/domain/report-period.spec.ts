import { ReportInputError, reportPeriod } from './report-period.js';

const refusal = (from: string, to: string) => {
  try {
    reportPeriod(from, to);
  } catch (error) {
    if (error instanceof ReportInputError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('accepted');
};

describe('a report period', () => {
  it('reads a date as the start of that day in Japan, and a date-time with its zone', () => {
    expect(reportPeriod('2024-04-01', '2024-07-01T00:00:00Z')).toEqual({ from: new Date('2024-03-31T15:00:00Z'), to: new Date('2024-07-01T00:00:00Z') });
  });

  it('refuses bad dates and an empty or reversed period, naming the field', () => {
    expect(refusal('2024-02-30', '2024-04-01')).toMatchObject({ field: 'from', reason: expect.stringContaining('not a real date') });
    expect(refusal('2024-04-01', 'next week')).toMatchObject({ field: 'to', reason: expect.stringContaining('must be a date') });
    expect(refusal('2024-04-01T00:00:00', '2024-05-01')).toMatchObject({ field: 'from' });
    expect(refusal('2024-07-01', '2024-04-01')).toMatchObject({ field: 'to', reason: expect.stringContaining('must be after from') });
    expect(refusal('2024-04-01', '2024-04-01')).toMatchObject({ field: 'to' });
  });
});
