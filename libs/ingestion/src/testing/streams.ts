import { domainEvent, type Basic4Field, type DomainEvent, type EventData, type IdentifierKind, type InformationProvided } from '#vocabulary';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Subject } from '../domain/aggregates/subject.aggregate.js';
import { given } from './given-when-then.js';

/** Streams the deciders' specs start from, so each spec states only what its case is about. */

export const AT = '2024-04-01T00:00:00.000Z';
export const SUBJECT = '0190b5a6-0000-7000-8000-000000000001';
export const OTHER_SUBJECT = '0190b5a6-0000-7000-8000-000000000002';

/** A readable keyed fingerprint: one hex digit, 64 times. */
export const fingerprintOf = (digit: string): string => digit.repeat(64);

/** An organization registered on the platform (機関・事業者). */
export const registeredOrganization = (organizationId: string, kind: 'MUNICIPALITY' | 'MINISTRY' | 'PENSION' | 'PRIVATE_BUSINESS' = 'MUNICIPALITY') =>
  given(Organization, organizationId, domainEvent('OrganizationRegistered', { organizationId, name: organizationId, kind, domains: ['TAX'], occurredAt: AT }));

/** The subject, enrolled by a municipality, then these events (consents given and withdrawn). */
export const enrolledSubject = (...events: DomainEvent[]) => given(Subject, SUBJECT, domainEvent('SubjectEnrolled', { subjectId: SUBJECT, enrolledBy: 'city', occurredAt: AT }), ...events);

/** A dataset held by `holderId` that holds these basic-4 fields. */
export const registeredDataset = (datasetId: string, holderId: string, basic4Fields: Basic4Field[] = ['NAME_KANJI', 'BIRTH_DATE']) =>
  given(Dataset, datasetId, domainEvent('DatasetRegistered', {
    datasetId, holderId, name: datasetId, purpose: '住民税の賦課', domain: 'TAX', legalBasis: null, keyedBy: ['INTERNAL_ID'], basic4Fields, occurredAt: AT,
  }));

/** The issue of an identifier (its fingerprint) to a subject; unscoped and issued by the city unless told. */
export const identifierIssued = (fingerprint: string, over: { subjectId?: string; kind?: IdentifierKind; scope?: string | null; issuedBy?: string } = {}) =>
  domainEvent('IdentifierIssued', { subjectId: SUBJECT, kind: 'JPKI_SIGN_SERIAL', scope: null, issuedBy: 'city', validUntil: null, occurredAt: AT, ...over, fingerprint });

/** An identifier's stream holding its issue. */
export const issuedIdentifier = (fingerprint: string, over: Parameters<typeof identifierIssued>[1] = {}) => given(Identifier, fingerprint, identifierIssued(fingerprint, over));

/** 情報提供: the pension service provides the city a pension record of the subject, five seconds after the request. */
export const informationProvided = (over: Partial<EventData<typeof InformationProvided>> = {}) =>
  domainEvent('InformationProvided', {
    provisionId: 'p-1', requesterId: 'city', providerId: 'pension', subjectId: SUBJECT, viaIdentifier: fingerprintOf('a'), items: ['PENSION_RECORD'],
    procedure: '児童手当の支給', legalBasis: '番号法別表第二 第1項', requestedAt: AT, providedAt: '2024-04-01T00:00:05.000Z', outcome: 'PROVIDED', nonDisclosure: false,
    occurredAt: '2024-04-01T00:00:05.000Z', ...over,
  });
