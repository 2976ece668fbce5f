import { createHash } from 'node:crypto';
import { derivedUuid } from '#ingestion';
import { domainEvent, type DomainEvent } from '#vocabulary';
import type { EventToAppend, StreamAppend } from '#event-store';

const fp = (s: string) => createHash('sha256').update(s).digest('hex');
const uuid = (s: string) => derivedUuid('synthetic-event-log', s);
const at = (day: number, minute: number) => new Date(Date.UTC(2021, 0, 1) + day * 86_400_000 + minute * 60_000).toISOString();

/**
 * A subject's life as the platform records it, as domain events (11 per subject): enrolment, identifiers,
 * records in three datasets, a tie and its cut, a provision and two accesses. For benchmarks and tests that need a
 * large valid log quickly, without the ingestion path in front.
 */
export function subjectLife(n: number): DomainEvent[] {
  const subjectId = subjectIdOf(n);
  const org = `org-${n % 40}`;
  const day = n % 1400;
  const basic4 = { nameKanji: { RAW: fp(`a${n}`), NFKC: fp(`b${n}`), KANA: fp(`c${n}`), VARIANT: fp(`d${n}`) }, birthDate: { DAY: fp(`e${n}`), MONTH: fp(`f${n % 500}`), YEAR: fp(`g${n % 60}`) } };
  const record = (k: number, datasetId: string) =>
    domainEvent('RecordRegistered', { recordId: `rec-${n}-${k}`, datasetId, holderId: org, subjectId, identifiers: [fp(`mn${n}`)], basic4, occurredAt: at(day, k) });
  return [
    domainEvent('SubjectEnrolled', { subjectId, enrolledBy: org, occurredAt: at(day, 0) }),
    domainEvent('IdentifierIssued', { subjectId, kind: 'MY_NUMBER', fingerprint: fp(`mn${n}`), scope: null, issuedBy: org, validUntil: null, occurredAt: at(day, 0) }),
    domainEvent('IdentifierIssued', { subjectId, kind: 'AGENCY_CODE', fingerprint: fp(`ac${n}`), scope: 'pension', issuedBy: 'pension', validUntil: null, occurredAt: at(day, 1) }),
    record(1, `tax-${n % 40}`),
    record(2, 'pension-records'),
    record(3, `insurer-${n % 12}`),
    domainEvent('RecordsLinked', {
      linkId: `link-${n}`, records: [`rec-${n}-1`, `rec-${n}-2`], datasets: [`tax-${n % 40}`, 'pension-records'], subjects: [subjectId, subjectId],
      key: { by: 'IDENTIFIER', identifierKind: 'AGENCY_CODE' }, organizationId: 'pension', staffCode: `S-${n % 300}`, purpose: '保険料免除の審査',
      legalBasis: '番号法第19条第8号', expectedCutOffAt: at(day + 30, 0), occurredAt: at(day, 10),
    }),
    domainEvent('InformationProvided', {
      provisionId: `prov-${n}`, requesterId: 'pension', providerId: org, subjectId, viaIdentifier: fp(`ac${n}`), items: ['INCOME', 'HOUSEHOLD'],
      procedure: '国民年金保険料の免除に関する事務', legalBasis: '番号法別表第二 第37項', requestedAt: at(day, 11), providedAt: at(day, 12),
      outcome: 'PROVIDED', nonDisclosure: n % 50 === 0, occurredAt: at(day, 12),
    }),
    domainEvent('RecordsUnlinked', {
      linkId: `link-${n}`, records: [`rec-${n}-1`, `rec-${n}-2`], subjects: [subjectId, subjectId], organizationId: 'pension', staffCode: `S-${n % 300}`,
      reason: '審査完了', occurredAt: at(day + 2, 0),
    }),
    ...[0, 1].map((k) =>
      domainEvent('InformationAccessed', {
        accessId: `acc-${n}-${k}`, organizationId: org, staffCode: `Y-${n % 500}`, subjectId, viaIdentifier: fp(`mn${n}`), datasetId: `tax-${n % 40}`,
        items: ['TAX_AMOUNT'], purpose: '個人住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: at(day + 3 + k, 0),
      }),
    ),
  ];
}

export const subjectIdOf = (n: number) => uuid(`subject-${n}`);

/** The organizations and datasets the lives above are recorded in, registered before the first subject. */
export function worldEvents(): DomainEvent[] {
  const occurredAt = at(-1, 0);
  const organization = (organizationId: string, kind: 'MUNICIPALITY' | 'PENSION' | 'HEALTH_INSURER', domain: 'TAX' | 'SOCIAL_SECURITY') =>
    domainEvent('OrganizationRegistered', { organizationId, name: organizationId, kind, domains: [domain], occurredAt });
  const dataset = (datasetId: string, holderId: string, domain: 'TAX' | 'SOCIAL_SECURITY', keyedBy: ('MY_NUMBER' | 'AGENCY_CODE')[]) =>
    domainEvent('DatasetRegistered', {
      datasetId, holderId, name: datasetId, purpose: '個人住民税の賦課', domain, legalBasis: '番号法第9条', keyedBy, basic4Fields: ['NAME_KANJI', 'BIRTH_DATE'], occurredAt,
    });
  const range = (n: number) => [...Array(n).keys()];
  return [
    ...range(40).map((i) => organization(`org-${i}`, 'MUNICIPALITY', 'TAX')),
    organization('pension', 'PENSION', 'SOCIAL_SECURITY'),
    ...range(12).map((i) => organization(`insurer-org-${i}`, 'HEALTH_INSURER', 'SOCIAL_SECURITY')),
    ...range(40).map((i) => dataset(`tax-${i}`, `org-${i}`, 'TAX', ['MY_NUMBER'])),
    dataset('pension-records', 'pension', 'SOCIAL_SECURITY', ['MY_NUMBER', 'AGENCY_CODE']),
    ...range(12).map((i) => dataset(`insurer-${i}`, `insurer-org-${i}`, 'SOCIAL_SECURITY', ['MY_NUMBER'])),
  ];
}

const toAppend = (e: DomainEvent, id: string): EventToAppend => ({
  id: uuid(id),
  type: e.type,
  schemaVersion: e.version,
  data: e.data as EventToAppend['data'],
  metadata: { sender: 'operator:bench' },
});

/** The world's organizations and datasets as one append, to write before the first subject. */
export const worldAppend = (): StreamAppend => ({ streamId: 'bench-world', events: worldEvents().map((e, i) => toAppend(e, `world-${i}`)), expected: 'no_stream' });

/** Subjects [from, to) as one multi-stream append: a stream per subject. */
export function subjectAppends(from: number, to: number): StreamAppend[] {
  const appends: StreamAppend[] = [];
  for (let n = from; n < to; n++) {
    const events = subjectLife(n).map((e, i) => toAppend(e, `event-${n}-${i}`));
    appends.push({ streamId: `bench-subject-${n}`, events, expected: 'no_stream' });
  }
  return appends;
}

export const EVENTS_PER_SUBJECT = 11;
export const WORLD_EVENTS = worldEvents().length;
/** Events in a log of the world and `subjects` subjects (worldAppend, then subjectAppends from 0). */
export const eventLogSize = (subjects: number) => WORLD_EVENTS + subjects * EVENTS_PER_SUBJECT;
