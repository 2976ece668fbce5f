/**
 * An event id as its 16 bytes and back, for readers and writers that pack many ids into one binary value (the
 * journal's sealed tiles, the sealer's batch read) instead of a uuid column a row.
 */

/** The text form (lowercase, hyphenated) of the uuid whose 16 bytes are at `at`. */
export function uuidFromBytes(bytes: Buffer, at = 0): string {
  const hex = bytes.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each ASCII character's value as a hex digit, -1 for any other. */
const HEX_DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_DIGIT['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_DIGIT['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/**
 * Writes the 16 bytes of a uuid given in its text form at `offset`: digit by digit from a table, many times
 * cheaper than decoding its hex pieces through Buffer.write (a sealer writes one for each event).
 */
export function writeUuidBytes(id: string, out: Buffer, offset: number): void {
  if (id.length !== 36) throw new RangeError(`not a uuid: ${id}`);
  let at = offset;
  for (let i = 0; i < 36; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) i++;
    const high = HEX_DIGIT[id.charCodeAt(i)] ?? -1;
    const low = HEX_DIGIT[id.charCodeAt(i + 1)] ?? -1;
    if ((high | low) < 0) throw new RangeError(`not a uuid: ${id}`);
    out[at++] = (high << 4) | low;
  }
}
