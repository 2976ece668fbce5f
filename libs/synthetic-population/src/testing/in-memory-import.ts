import { COMMANDS, DomainError, Identifier, derivedUuid, PrivacyEdge, checkIdentifierScope, commandEnvelope, normalizeIdentifierValue, type Aggregate, type CommandEnvelope } from '#ingestion';
import type { DomainEvent, IdentifierKind } from '#vocabulary';
import { Fingerprinter } from '#privacy';

/**
 * Test support: imports commands one by one through the real command handlers, deciders and privacy edge of
 * #ingestion, against in-memory streams — what `himotoki import` does against the event store — as an operator
 * (who may write for any organization). Throws what would reject a command.
 */

type Ctx = Parameters<(typeof COMMANDS)['RegisterRecord']['handle']>[1];
const IDENTIFIER = Identifier;

/** The canonical value of an identifier as #ingestion's edge reads it, without a key: for comparing identifiers in tests. */
export function canonicalIdentifier(kind: IdentifierKind, value: string, scope: string | null | undefined, field = 'identifier'): string {
  const canonical = normalizeIdentifierValue(kind, value, field);
  return `${kind}|${checkIdentifierScope(kind, scope, field) ?? ''}|${canonical}`;
}

interface IdentifierInput {
  kind: string;
  value: string;
  scope?: string | null;
}

export class InMemoryImport {
  private readonly edge = new PrivacyEdge(new Fingerprinter(Buffer.alloc(32, 7)));
  readonly streams = new Map<string, DomainEvent[]>();
  /** Events appended, by type. */
  readonly eventCounts = new Map<string, number>();
  imported = 0;

  private events(streamId: string): DomainEvent[] {
    return this.streams.get(streamId) ?? [];
  }

  load<S>(aggregate: Aggregate<S>, id: string) {
    const streamId = aggregate.streamOf(id);
    const events = this.events(streamId);
    const state = events.reduce(aggregate.evolve, aggregate.initial);
    return { streamId, state, revision: events.length === 0 ? ('no_stream' as const) : BigInt(events.length - 1) };
  }

  /** The subject an identifier names, or undefined. */
  subjectOf(input: IdentifierInput): string | undefined {
    const loaded = this.load(IDENTIFIER, this.edge.identifier(input as never, 'identifier').fingerprint);
    return loaded.state.issued ? loaded.state.subjectId : undefined;
  }

  private context(commandId: string): Ctx {
    const identifier = (input: IdentifierInput, field: string) => {
      const id = this.edge.identifier(input as never, field);
      return { ...id, loaded: this.load(IDENTIFIER, id.fingerprint) };
    };
    const ctx = {
      sender: 'operator:synthetic-population-test',
      authorize: () => undefined,
      load: async <S>(aggregate: Aggregate<S>, id: string) => this.load(aggregate, id),
      identifier: async (input: IdentifierInput, field: string) => identifier(input, field),
      subject: async (input: IdentifierInput, field: string) => {
        const id = identifier(input, field);
        if (!id.loaded.state.issued) throw new DomainError('NOT_FOUND', field, 'no subject is enrolled with this identifier');
        return { subjectId: id.loaded.state.subjectId, viaIdentifier: id.fingerprint };
      },
      basic4: (input: unknown, field: string) => this.edge.basic4(input as never, field),
      derivedId: (purpose: string) => derivedUuid(commandId, purpose),
    };
    return ctx as unknown as Ctx;
  }

  /** Imports one command; throws the DomainError (or ZodError) that would reject it. */
  async import(envelope: CommandEnvelope): Promise<void> {
    const parsed = commandEnvelope.parse(envelope);
    const definition = COMMANDS[parsed.type] as { payload: { parse(p: unknown): unknown }; handle(p: unknown, ctx: Ctx): Promise<{ streamId: string; expected: bigint | 'no_stream'; events: DomainEvent[] }[]> };
    const payload = definition.payload.parse(parsed.payload);
    const writes = await definition.handle(payload, this.context(parsed.commandId));
    for (const write of writes) {
      const events = this.events(write.streamId);
      const revision = events.length === 0 ? 'no_stream' : BigInt(events.length - 1);
      if (revision !== write.expected) throw new DomainError('INVARIANT', write.streamId, `expected revision ${String(write.expected)}, stream is at ${String(revision)}`);
    }
    for (const write of writes) {
      this.streams.set(write.streamId, [...this.events(write.streamId), ...write.events]);
      for (const event of write.events) this.eventCounts.set(event.type, (this.eventCounts.get(event.type) ?? 0) + 1);
    }
    this.imported++;
  }
}
