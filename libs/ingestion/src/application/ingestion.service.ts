import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type StoredEvent,
  type StreamAppend,
} from '#event-store';
import { fold, type Aggregate } from '../domain/aggregates/aggregate.js';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import type { Loaded, StreamWrite } from '../domain/deciders/decision.js';
import { subjectOf } from '../domain/deciders/identifier.decider.js';
import { DomainError, forbidden } from '../domain/domain.errors.js';
import { type DomainEvent, parseDomainEvent } from '#vocabulary';
import { COMMANDS, commandEnvelope, type CommandEnvelope, type CommandType } from './command-catalog.js';
import type { CommandContext } from './command-context.js';
import { CommandConflictError, schemaError } from './command-errors.js';
import { derivedUuid } from './uuids.js';
import type { PrivacyEdge } from './privacy-edge.js';

export interface StoredEventRef {
  eventId: string;
  type: string;
  streamId: string;
  globalPosition: bigint;
}

export interface CommandResult {
  commandId: string;
  type: CommandType;
  /** False when the command had been stored before (an idempotent retry): nothing new was written. */
  applied: boolean;
  events: StoredEventRef[];
}

export type BatchOutcome =
  | { ok: true; results: CommandResult[] }
  | { ok: false; errors: { index: number; error: DomainError }[] };

const MAX_ATTEMPTS = 5;

/** Who sent a command: an organization, or an operator's tool. Kept in every event's metadata. */
export type Sender = `organization:${string}` | `operator:${string}`;

/**
 * Runs ingestion commands: validates them, lets each command's handler load what it needs and its pure
 * decider decide, and stores the resulting events. A batch is decided against the store plus its own
 * earlier decisions, then written in one atomic multi-stream append: all of it is stored, or none.
 */
export class IngestionService {
  constructor(
    private readonly store: EventStore,
    private readonly edge: PrivacyEdge,
  ) {}

  /** One command; a refused command throws its DomainError and stores nothing. */
  async execute(envelope: unknown, sender: Sender): Promise<CommandResult> {
    const outcome = await this.executeBatch([envelope], sender);
    if (!outcome.ok) throw outcome.errors[0]!.error;
    return outcome.results[0]!;
  }

  /**
   * Many commands, in order, stored together only if every one of them is accepted. With `dryRun`, every
   * command is validated and decided but nothing is stored (results then hold no events).
   */
  async executeBatch(envelopes: unknown[], sender: Sender, options: { dryRun?: boolean } = {}): Promise<BatchOutcome> {
    const parsed = envelopes.map((envelope, index) => {
      try {
        return { index, command: parseCommand(envelope) };
      } catch (error) {
        if (error instanceof DomainError) return { index, error };
        throw error;
      }
    });
    const invalid = parsed.filter((p): p is { index: number; error: DomainError } => 'error' in p);
    if (invalid.length > 0) return { ok: false, errors: invalid };
    const commands = parsed.map((p) => (p as { command: ParsedCommand }).command);

    for (let attempt = 1; ; attempt++) {
      const batch = new Batch(this.store, this.edge, sender);
      const errors: { index: number; error: DomainError }[] = [];
      const decided: DecidedCommand[] = [];
      for (const [index, command] of commands.entries()) {
        try {
          decided.push(await batch.decide(command));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors.push({ index, error });
        }
      }
      if (errors.length > 0) return { ok: false, errors };
      if (options.dryRun) return { ok: true, results: [] };
      try {
        return { ok: true, results: await batch.commit(decided) };
      } catch (error) {
        // Another writer moved a stream this batch read: decide again on fresh state.
        if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) {
          if (error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError) {
            throw new CommandConflictError('commandId', `others kept writing the same records; retry later (${error.message})`);
          }
          throw error;
        }
      }
    }
  }
}

/** Operators act for anyone; an organization only for itself. */
function authorize(sender: Sender, field: string, organizationIds: string[]): void {
  if (sender.startsWith('operator:')) return;
  const [role, id] = [sender.slice(0, sender.indexOf(':')), sender.slice(sender.indexOf(':') + 1)];
  if (role === 'organization' && organizationIds.includes(id)) return;
  throw forbidden(field, `${sender} may not act for ${organizationIds.map((o) => `"${o}"`).join(' or ')}`);
}

interface ParsedCommand {
  commandId: string;
  type: CommandType;
  payload: unknown;
}

function parseCommand(envelope: unknown): ParsedCommand {
  const shape = commandEnvelope.safeParse(envelope);
  if (!shape.success) throw schemaError(shape.error);
  const payload = COMMANDS[shape.data.type].payload.safeParse(shape.data.payload);
  if (!payload.success) throw schemaError(payload.error, 'payload');
  return { commandId: shape.data.commandId, type: shape.data.type, payload: payload.data };
}

/** A decided command: its writes, or the events it had stored before (a retry). */
type DecidedCommand = { command: ParsedCommand; writes: StreamWrite[] } | { command: ParsedCommand; stored: StoredEvent[] };

/** A stream as the batch knows it: what the store held when first read, plus what the batch decided since. */
interface TrackedStream {
  baseRevision: bigint | 'no_stream';
  stored: StoredEvent[];
  events: DomainEvent[];
  pending: number;
}

class Batch {
  private readonly streams = new Map<string, TrackedStream>();

  constructor(
    private readonly store: EventStore,
    private readonly edge: PrivacyEdge,
    private readonly sender: Sender,
  ) {}

  async decide(command: ParsedCommand): Promise<DecidedCommand> {
    const seen = new Map<string, StoredEvent>();
    const context = this.contextFor(command.commandId, seen);
    const handle = COMMANDS[command.type].handle as (payload: unknown, ctx: CommandContext) => Promise<StreamWrite[]>;
    let writes: StreamWrite[];
    try {
      writes = await handle(command.payload, context);
    } catch (error) {
      // Decided again after it was stored, a command may now be refused ("tie already cut"): it is a retry.
      if (seen.size > 0) return { command, stored: [...seen.values()] };
      throw error;
    }
    if (seen.size > 0) return { command, stored: [...seen.values()] };
    for (const write of writes) {
      const stream = this.streams.get(write.streamId)!;
      stream.events.push(...write.events);
      stream.pending += write.events.length;
    }
    return { command, writes };
  }

  async commit(decided: DecidedCommand[]): Promise<CommandResult[]> {
    const appends = new Map<string, StreamAppend>();
    const placed: { command: number; streamId: string; event: EventToAppend }[] = [];
    decided.forEach((d, commandIndex) => {
      if (!('writes' in d)) return;
      let n = 0;
      for (const write of d.writes) {
        const stream = this.streams.get(write.streamId)!;
        const append = appends.get(write.streamId) ?? { streamId: write.streamId, events: [], expected: stream.baseRevision };
        appends.set(write.streamId, append);
        for (const event of write.events) {
          const toAppend: EventToAppend = {
            id: derivedUuid(d.command.commandId, `event:${n++}`),
            type: event.type,
            schemaVersion: event.version,
            data: event.data as EventToAppend['data'],
            metadata: { commandId: d.command.commandId, commandType: d.command.type, sender: this.sender },
          };
          append.events.push(toAppend);
          placed.push({ command: commandIndex, streamId: write.streamId, event: toAppend });
        }
      }
    });
    const positions = new Map<string, bigint>();
    if (appends.size > 0) {
      const list = [...appends.values()];
      const results = await this.store.appendToStreams(list);
      list.forEach((append, i) => append.events.forEach((event, j) => positions.set(event.id, results[i]!.positions[j]!)));
    }
    return decided.map((d, commandIndex) => ({
      commandId: d.command.commandId,
      type: d.command.type,
      applied: 'writes' in d,
      events:
        'writes' in d
          ? placed
              .filter((p) => p.command === commandIndex)
              .map((p) => ({ eventId: p.event.id, type: p.event.type, streamId: p.streamId, globalPosition: positions.get(p.event.id)! }))
          : d.stored.map((e) => ({ eventId: e.id, type: e.type, streamId: e.streamId, globalPosition: e.globalPosition })),
    }));
  }

  private contextFor(commandId: string, seen: Map<string, StoredEvent>): CommandContext {
    const load = async <S>(aggregate: Aggregate<S>, id: string): Promise<Loaded<S>> => {
      const streamId = aggregate.streamOf(id);
      const stream = await this.track(streamId);
      for (const event of stream.stored) if (event.metadata.commandId === commandId) seen.set(event.id, event);
      const revision = stream.baseRevision === 'no_stream' ? BigInt(stream.pending) - 1n : stream.baseRevision + BigInt(stream.pending);
      return { streamId, state: fold(aggregate, stream.events), revision: revision < 0n ? 'no_stream' : revision };
    };
    const identifier: CommandContext['identifier'] = async (input, field) => {
      const fingerprinted = this.edge.identifier(input, field);
      return { ...fingerprinted, loaded: await load(Identifier, fingerprinted.fingerprint) };
    };
    return {
      sender: this.sender,
      load,
      identifier,
      subject: async (input, field) => {
        const id = await identifier(input, field);
        return { subjectId: subjectOf(id.loaded, field), viaIdentifier: id.fingerprint };
      },
      basic4: (input, field) => this.edge.basic4(input, field),
      derivedId: (purpose) => derivedUuid(commandId, purpose),
      authorize: (field, ...organizationIds) => authorize(this.sender, field, organizationIds),
    };
  }

  private async track(streamId: string): Promise<TrackedStream> {
    const known = this.streams.get(streamId);
    if (known) return known;
    const stored: StoredEvent[] = [];
    for (;;) {
      const page = await this.store.readStream(streamId, { fromRevision: BigInt(stored.length), maxCount: 10_000 });
      stored.push(...page);
      if (page.length < 10_000) break;
    }
    const stream: TrackedStream = {
      baseRevision: stored.at(-1)?.revision ?? 'no_stream',
      stored,
      events: stored.map((e) => parseDomainEvent(e.type, e.schemaVersion, e.data)),
      pending: 0,
    };
    this.streams.set(streamId, stream);
    return stream;
  }
}
