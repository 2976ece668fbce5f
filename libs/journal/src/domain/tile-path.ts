/**
 * C2SP tlog-tiles (c2sp.org/tlog-tiles): a log served as static tiles of 256 hashes. Paths, widths and
 * the entry-bundle encoding. Pure.
 *
 *   tile/<L>/<N>[.p/<W>]        hashes at tree level 8·L: MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L])
 *   tile/entries/<N>[.p/<W>]    the entries whose leaf hashes tile 0/N holds
 *
 * N is written in 3-digit groups, every group but the last prefixed with "x" (1234067 → x001/x234/067).
 */

export const TILE_WIDTH = 256;
export const TILE_HEIGHT = 8;

export interface TileAddress {
  /** The tile's level, or 'entries' for an entry bundle (the entries of level 0). */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile; 1–255 for a partial one. */
  width: number;
}

export function tileIndexPath(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`a tile index must be an integer ≥ 0, got ${index}`);
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

export function tilePath({ level, index, width }: TileAddress): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`a tile's width is 1–256, got ${width}`);
  return `tile/${level}/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

export class TilePathError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TilePathError';
  }
}

/** Reads a tile path (from "tile/"); refuses anything but the one canonical spelling of an address. */
export function parseTilePath(path: string): TileAddress {
  const match = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!match) throw new TilePathError(`"${path}" is not a tile path (tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>])`);
  const level = match[1] === 'entries' ? 'entries' : Number(match[1]);
  if (typeof level === 'number' && level > 63) throw new TilePathError(`level ${level} is above 63`);
  const groups = match[2]!.split('/').map((g) => g.replace('x', ''));
  if (groups.length > 1 && groups[0] === '000') throw new TilePathError(`"${path}": a tile index has no leading zero groups`);
  const index = Number(groups.join(''));
  if (!Number.isSafeInteger(index)) throw new TilePathError(`"${path}": the tile index is too large`);
  const width = match[3] === undefined ? TILE_WIDTH : Number(match[3]);
  if (match[3] !== undefined && width >= TILE_WIDTH) throw new TilePathError(`"${path}": a partial tile is 1–255 wide`);
  return { level, index, width };
}

/** The width of tile `index` at `level` in a tree of `size` (0 when the tile does not exist at that size). */
export function tileWidthAt(level: number, index: number, size: number): number {
  const hashes = Math.floor(size / TILE_WIDTH ** level); // complete subtrees at tree level 8·level
  return Math.max(0, Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH));
}

/** Entry bundle: every entry as a big-endian uint16 length and its bytes. */
export function entryBundle(entries: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.length > 0xffff) throw new RangeError(`an entry of ${entry.length} bytes is longer than a bundle holds`);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(entry.length);
    parts.push(length, entry);
  }
  return Buffer.concat(parts);
}

export function parseEntryBundle(bundle: Buffer): Buffer[] {
  const entries: Buffer[] = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) throw new TilePathError('an entry bundle ends inside a length');
    const length = bundle.readUInt16BE(at);
    if (at + 2 + length > bundle.length) throw new TilePathError('an entry bundle ends inside an entry');
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}
