import type { Aggregate } from '../domain/aggregates/aggregate.js';
import type { IdentifierState } from '../domain/aggregates/identifier.aggregate.js';
import type { Loaded } from '../domain/deciders/decision.js';
import type { Basic4Fingerprints } from '#vocabulary';
import type { Basic4Input, FingerprintedIdentifier, IdentifierInput } from './privacy-edge.js';
import type { Sender } from './ingestion.service.js';

/** What a command handler may ask of the world before the pure decider decides. */
export interface CommandContext {
  readonly sender: Sender;
  /** A stream's state and revision. */
  load<S>(aggregate: Aggregate<S>, id: string): Promise<Loaded<S>>;
  /** An identifier fingerprinted at the edge, and its stream. */
  identifier(input: IdentifierInput, field: string): Promise<FingerprintedIdentifier & { loaded: Loaded<IdentifierState> }>;
  /** The subject an identifier names (組織は自らの番号で本人を指す): its id and the fingerprint used. */
  subject(input: IdentifierInput, field: string): Promise<{ subjectId: string; viaIdentifier: string }>;
  basic4(input: Basic4Input, field: string): Basic4Fingerprints;
  /** An id derived from the command id, so a retried command makes the same new entity. */
  derivedId(purpose: string): string;
  /**
   * Refuses the command unless its sender may act for one of these organizations: an organization writes
   * only events it is party to; operators write any.
   */
  authorize(field: string, ...organizationIds: string[]): void;
}
