import { randomUUID } from 'node:crypto';
import { uuidFromBytes, writeUuidBytes } from './uuid-bytes.js';

describe('a uuid as its 16 bytes', () => {
  it('round-trips, at any offset, as the bytes PostgreSQL sends (uuid_send)', () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const packed = Buffer.alloc(3 + ids.length * 16);
    ids.forEach((id, i) => writeUuidBytes(id, packed, 3 + i * 16));
    expect(ids.map((_, i) => uuidFromBytes(packed, 3 + i * 16))).toEqual(ids);
    expect(packed.subarray(3, 19)).toEqual(Buffer.from(ids[0]!.replaceAll('-', ''), 'hex'));
    const upper = ids[1]!.toUpperCase();
    writeUuidBytes(upper, packed, 0);
    expect(uuidFromBytes(packed, 0)).toBe(ids[1]);
  });

  it('refuses what is not a uuid', () => {
    expect(() => writeUuidBytes('not-a-uuid', Buffer.alloc(16), 0)).toThrow('not a uuid');
    expect(() => writeUuidBytes('6f1c2a3e-0000-4000-8000-00000000f0fg', Buffer.alloc(16), 0)).toThrow('not a uuid');
  });
});
