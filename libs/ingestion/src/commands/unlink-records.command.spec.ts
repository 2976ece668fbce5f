import { domainEvent } from '#vocabulary';
import { Link } from '../domain/aggregates/link.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { unlinkRecords } from './unlink-records.command.js';

const SUBJECTS: [string, string] = ['0190b5a6-0000-7000-8000-000000000001', '0190b5a6-0000-7000-8000-000000000002'];
const registered = (id: string, kind = 'MUNICIPALITY') =>
  given(Organization, id, domainEvent('OrganizationRegistered', { organizationId: id, name: id, kind: kind as 'MUNICIPALITY', domains: ['TAX'], occurredAt: '2024-04-01T00:00:00.000Z' }));
const linked = domainEvent('RecordsLinked', {
  linkId: 'tie-1', records: ['r-city', 'r-pension'], datasets: ['city-tax', 'pension'], subjects: SUBJECTS, key: { by: 'BASIC4' },
  organizationId: 'city', staffCode: 'S-1', purpose: '名寄せの確認', legalBasis: null, expectedCutOffAt: null, occurredAt: '2024-04-02T00:00:00.000Z',
});
const cut = { linkId: 'tie-1', organizationId: 'city', staffCode: 'S-2', reason: '事務の終了', occurredAt: '2024-04-03T00:00:00.000Z' };

describe('UnlinkRecords (紐付け解除)', () => {
  it('given a live tie, when its maker cuts it, then the tie is cut, naming its records and subjects', () => {
    expect(when(() => unlinkRecords(given(Link, 'tie-1', linked), registered('city'), [], cut))).toEqual({
      writes: [{ streamId: 'link-tie-1', expected: 0n, events: [domainEvent('RecordsUnlinked', { ...cut, records: ['r-city', 'r-pension'], subjects: SUBJECTS })] }],
      events: [domainEvent('RecordsUnlinked', { ...cut, records: ['r-city', 'r-pension'], subjects: SUBJECTS })],
    });
  });

  it('given a live tie, when a holder of one of its records cuts it, then it is cut', () => {
    const outcome = when(() => unlinkRecords(given(Link, 'tie-1', linked), registered('pension', 'PENSION'), ['city', 'pension'], { ...cut, organizationId: 'pension' }));
    expect(outcome).toMatchObject({ events: [{ type: 'RecordsUnlinked', data: { organizationId: 'pension' } }] });
  });

  it('given a tie already cut, when it is cut again, then it is refused as an invariant of the tie', () => {
    const cutOnce = domainEvent('RecordsUnlinked', { ...cut, records: ['r-city', 'r-pension'], subjects: SUBJECTS });
    expect(when(() => unlinkRecords(given(Link, 'tie-1', linked, cutOnce), registered('city'), [], cut))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.linkId', reason: 'tie "tie-1" is already cut' },
    });
  });

  it('given no tie, when it is cut, then it is not found', () => {
    expect(when(() => unlinkRecords(given(Link, 'tie-1'), registered('city'), [], cut))).toMatchObject({ refused: { code: 'NOT_FOUND', field: 'payload.linkId' } });
  });

  it('given a live tie, when a stranger to it cuts it, then it is forbidden', () => {
    const outcome = when(() => unlinkRecords(given(Link, 'tie-1', linked), registered('shop', 'PRIVATE_BUSINESS'), ['city', 'pension'], { ...cut, organizationId: 'shop' }));
    expect(outcome).toMatchObject({ refused: { code: 'FORBIDDEN', field: 'payload.organizationId' } });
  });

  it('given an unregistered organization, when it cuts a tie, then the organization is not found', () => {
    expect(when(() => unlinkRecords(given(Link, 'tie-1', linked), given(Organization, 'ghost'), [], { ...cut, organizationId: 'ghost' }))).toMatchObject({
      refused: { code: 'NOT_FOUND', field: 'payload.organizationId' },
    });
  });
});
