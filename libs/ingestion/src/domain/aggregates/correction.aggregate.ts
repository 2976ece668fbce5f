import { CORRECTIONS_STREAM } from '#vocabulary';
import type { Aggregate } from './aggregate.js';

/** The corrections made so far: how many each corrected event has had (a later one replaces an earlier one). */
export const Corrections: Aggregate<{ count: number }> = {
  streamOf: () => CORRECTIONS_STREAM,
  initial: { count: 0 },
  evolve: (state, event) => (event.type === 'EventCorrected' ? { count: state.count + 1 } : state),
};
