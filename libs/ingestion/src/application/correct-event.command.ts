import { z } from 'zod';
import { Corrections } from '../domain/aggregates/correction.aggregate.js';
import { correctEvent } from '../domain/deciders/correction.decider.js';
import type { StreamWrite } from '../domain/deciders/decision.js';
import { notFound } from '../domain/domain.errors.js';
import { CORRECTION_ACTIONS } from '../domain/events/correction.events.js';
import { instant, text } from '../domain/vocabulary.js';
import type { CommandContext } from './command-context.js';

const payload = z.strictObject({
  /** The event to correct, and its stream (both as /health names a parked projection's event). */
  eventId: z.uuid(),
  streamId: z.string().min(1).max(300),
  action: z.enum(CORRECTION_ACTIONS),
  correctedData: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? null),
  reason: text(),
  occurredAt: instant,
});

/**
 * `CorrectEvent` (operators only): records a correction of a stored event that cannot, or must not, be
 * projected as written. The event is read raw, as stored, since no schema may accept it any more.
 */
export const CorrectEvent = {
  payload,
  async handle(p: z.output<typeof payload>, ctx: CommandContext): Promise<StreamWrite[]> {
    // No organization may act for this: only operators pass.
    ctx.authorize('payload.eventId');
    const original = await ctx.storedEvent(p.streamId, p.eventId);
    if (!original) throw notFound('payload.eventId', `no event ${p.eventId} in stream "${p.streamId}"`);
    return [correctEvent(await ctx.load(Corrections, p.eventId), original, { ...p, correctedBy: ctx.sender })];
  },
};
