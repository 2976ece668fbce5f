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
import { subjectOf, type Loaded, type StreamWrite } from '../domain/decision.js';
import { DomainError, forbidden, invalid as invalidInput, invariant } from '../domain/domain.errors.js';
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
}

export interface CommandResult {
  commandId: string;
  type: CommandType;
  /** False when the command had been stored before (an idempotent retry): nothing new was written. */
  applied: boolean;
  /**
   * The log transaction the command's events entered (the first time, when sent again), which each of them carries as
   * its `transactionId`: a reader has the command's effects once it has read that transaction. Null when it stored none.
   */
  transactionId: bigint | null;
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
        return { index, command: parseCommand(envelope, this.edge) };
      } catch (error) {
        if (error instanceof DomainError) return { index, error };
        throw error;
      }
    });
    const invalid = parsed.filter((p): p is { index: number; error: DomainError } => 'error' in p);
    if (invalid.length > 0) return { ok: false, errors: invalid };
    const commands = parsed.map((p) => (p as { command: ParsedCommand }).command);

    let idConflicts = 0;
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
        // An event id derives from its commandId. Stored already, it is a concurrent send of the same command
        // (decided again, it finds its events), or, found again, the commandId's use for another command.
        if (error instanceof EventIdConflictError && idConflicts++ > 0) {
          const index = commands.findIndex((c) => ownsEvent(c.commandId, error.eventId));
          if (index < 0) throw new CommandConflictError('commandId', error.message);
          return { ok: false, errors: [{ index, error: reusedCommandId(commands[index]!.commandId, 'its events name other records') }] };
        }
        // Another writer moved a stream this batch read, or stored these very events: decide again on fresh state.
        const raced = error instanceof WrongExpectedRevisionError || error instanceof StoredMeanwhile || error instanceof EventIdConflictError;
        if (!raced) throw error;
        if (attempt === MAX_ATTEMPTS) throw new CommandConflictError('commandId', `others kept writing the same records; retry later (${error.message})`);
      }
    }
  }
}

async function readStoredEvent(store: EventStore, streamId: string, eventId: string): Promise<StoredEvent | undefined> {
  for (let from = 0n; ; ) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: 1000 });
    const found = page.find((e) => e.id === eventId.toLowerCase());
    if (found || page.length < 1000) return found;
    from += 1000n;
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
  /** What makes two sends of one commandId the same command (see `PrivacyEdge.commandDigest`). */
  digest: string;
}

/**
 * Keys a JSON parser hands over as own properties but that an object built from them would take for its
 * prototype's (`__proto__` sets it, `constructor` is found on every object): unknown fields, refused by path.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function prototypeKeyError(value: unknown, path: string): DomainError | null {
  if (!value || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return invalidInput(path || '(command)', `unknown field(s) ${key}`);
    const inner = prototypeKeyError(item, at);
    if (inner) return inner;
  }
  return null;
}

function parseCommand(envelope: unknown, edge: PrivacyEdge): ParsedCommand {
  const prototypeKey = prototypeKeyError(envelope, '');
  if (prototypeKey) throw prototypeKey;
  const shape = commandEnvelope.safeParse(envelope);
  if (!shape.success) throw schemaError(shape.error);
  const payload = COMMANDS[shape.data.type].payload.safeParse(shape.data.payload);
  if (!payload.success) throw schemaError(payload.error, 'payload');
  const { commandId } = shape.data;
  return { commandId, type: shape.data.type, payload: payload.data, digest: edge.commandDigest(shape.data.type, payload.data) };
}

/**
 * The answer to a command whose commandId is stored already: its original events when it is the same command
 * (same type, same digest), else a CONFLICT naming the commandId. Events stored before digests were kept
 * carry none; those are judged by type alone.
 */
function asRetry(command: ParsedCommand, stored: StoredEvent[]): DecidedCommand {
  const original = stored[0]!.metadata;
  const sameType = original.commandType === command.type;
  const sameContent = original.commandDigest === undefined || original.commandDigest === command.digest;
  if (!sameType || !sameContent) throw reusedCommandId(command.commandId, String(original.commandType));
  return { command, stored };
}

/** CONFLICT at the API: the commandId names a command stored already, and this one is not it. */
const reusedCommandId = (commandId: string, original: string) =>
  invariant('commandId', `${commandId} was used before for a different command (${original}); a retry must repeat the command exactly, and a new command needs a new commandId`);

/** Whether an event id is one of the ids a command's events are given (`event:0`, `event:1`…). */
const ownsEvent = (commandId: string, eventId: string) => Array.from({ length: 256 }, (_, n) => derivedUuid(commandId, `event:${n}`)).includes(eventId);

/** Thrown by a commit that found its events stored already (a concurrent retry won): the command is decided again. */
class StoredMeanwhile extends Error {}

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
      if (seen.size > 0) return asRetry(command, [...seen.values()]);
      throw error;
    }
    if (seen.size > 0) return asRetry(command, [...seen.values()]);
    const emits: readonly string[] = COMMANDS[command.type].emits;
    for (const event of writes.flatMap((w) => w.events)) {
      if (!emits.includes(event.type)) throw new Error(`${command.type} recorded ${event.type}, which it does not declare among the events it emits`);
    }
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
            metadata: { commandId: d.command.commandId, commandType: d.command.type, commandDigest: d.command.digest, sender: this.sender },
          };
          append.events.push(toAppend);
          placed.push({ command: commandIndex, streamId: write.streamId, event: toAppend });
        }
      }
    });
    let transactionId: bigint | null = null;
    if (appends.size > 0) {
      const list = [...appends.values()];
      const results = await this.store.appendToStreams(list);
      // The store answers an append of events stored already as a duplicate: another send of this command won.
      if (results.some((r) => !r.written)) throw new StoredMeanwhile('the events were stored meanwhile');
      // One append, one transaction: every stream of it answers the same one.
      transactionId = results[0]!.transactionId;
    }
    return decided.map((d, commandIndex) => ({
      commandId: d.command.commandId,
      type: d.command.type,
      applied: 'writes' in d,
      transactionId: 'writes' in d ? (d.writes.some((w) => w.events.length > 0) ? transactionId : null) : d.stored[0]!.transactionId,
      events:
        'writes' in d
          ? placed.filter((p) => p.command === commandIndex).map((p) => ({ eventId: p.event.id, type: p.event.type, streamId: p.streamId }))
          : d.stored.map((e) => ({ eventId: e.id, type: e.type, streamId: e.streamId })),
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
      basic4: (input, field, asOf) => this.edge.basic4(input, field, asOf),
      storedEvent: (streamId, eventId) => readStoredEvent(this.store, streamId, eventId),
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
