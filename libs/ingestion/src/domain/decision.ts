import type { Basic4Field, Basic4Fingerprints, DomainEvent } from '#vocabulary';
import type { DatasetState } from './aggregates/dataset.aggregate.js';
import type { IdentifierState } from './aggregates/identifier.aggregate.js';
import type { OrganizationState } from './aggregates/organization.aggregate.js';
import { invalid, notFound } from './domain.errors.js';

/** Where a decision writes: a stream, the revision it was decided at, and the new events. */
export interface StreamWrite {
  streamId: string;
  /** The stream's revision when the decision read it; 'no_stream' when it had none. */
  expected: bigint | 'no_stream';
  events: DomainEvent[];
}

/** A stream as a decider sees it: its folded state and its revision. */
export interface Loaded<S> {
  streamId: string;
  state: S;
  revision: bigint | 'no_stream';
}

export const write = <S>(loaded: Loaded<S>, ...events: DomainEvent[]): StreamWrite => ({
  streamId: loaded.streamId,
  expected: loaded.revision,
  events,
});

/** An organization that must already be registered for a command to name it. */
export function requireOrganization(organization: Loaded<OrganizationState>, field: string): void {
  if (!organization.state.registered) throw notFound(field, `no organization "${organization.streamId.slice('organization-'.length)}" is registered`);
}

/** An issued identifier's state; a never-issued identifier names nobody. */
export function issuedState(identifier: Loaded<IdentifierState>, field: string): Extract<IdentifierState, { issued: true }> {
  if (!identifier.state.issued) throw notFound(field, 'no subject is enrolled with this identifier');
  return identifier.state;
}

/** The subject an issued identifier names. */
export const subjectOf = (identifier: Loaded<IdentifierState>, field: string): string => issuedState(identifier, field).subjectId;

const FIELD_OF: Record<keyof Basic4Fingerprints, Basic4Field> = {
  nameKanji: 'NAME_KANJI',
  nameKana: 'NAME_KANA',
  birthDate: 'BIRTH_DATE',
  sex: 'SEX',
  address: 'ADDRESS',
};

/** A record may only carry the basic-4 fields its dataset is registered as holding. */
export function checkFieldsHeld(dataset: Extract<DatasetState, { registered: true }>, basic4: Basic4Fingerprints): void {
  for (const key of Object.keys(basic4) as (keyof Basic4Fingerprints)[]) {
    if (!dataset.basic4Fields.includes(FIELD_OF[key])) {
      throw invalid(`payload.basic4.${key}`, `dataset "${dataset.datasetId}" is not registered as holding ${FIELD_OF[key]}`);
    }
  }
}

/** The corrected event as stored: read raw, since it may be an event that no schema accepts any more. */
export interface OriginalEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  globalPosition: bigint;
  transactionId: bigint;
  data: Record<string, unknown>;
}
