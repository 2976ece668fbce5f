import type { StoredEvent } from './event-store.port.js';
import { packedCommitmentsOf, withPackedCommitments } from './packed-commitments.js';

const events = (n: number) => Array.from({ length: n }, () => ({}) as StoredEvent);

describe('a batch with its packed commitments', () => {
  it('hands its bytes along with the very array, not with a copy or a part of it', () => {
    const batch = events(3);
    const packed = { ids: Buffer.alloc(48), commitments: Buffer.alloc(96), whole: [1] };
    expect(withPackedCommitments(batch, packed)).toBe(batch);
    expect(packedCommitmentsOf(batch)).toBe(packed);
    expect(packedCommitmentsOf([...batch])).toBeUndefined();
    expect(packedCommitmentsOf(batch.slice(1))).toBeUndefined();
    batch.pop();
    expect(packedCommitmentsOf(batch)).toBeUndefined();
  });

  it('refuses bytes that do not fit the batch', () => {
    expect(() => withPackedCommitments(events(2), { ids: Buffer.alloc(48), commitments: Buffer.alloc(64), whole: [] })).toThrow('2 events packed in 48 bytes of ids and 64 of commitments');
  });
});
