/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one exact byte string per JSON value, so that a hash of an
 * event can be recomputed by anyone. Object members sorted by their names' UTF-16 code units, no white
 * space, numbers as ECMAScript prints them, strings escaped as JSON.stringify escapes them (which is JCS's
 * rule). Pure: no I/O.
 */

export class CanonicalJsonError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

/** Where a value sits, as `$.data.items[2]`: built only for an error, so the hot path allocates no paths. */
const pathText = (path: readonly (string | number)[]) => path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`), '$');

function string(value: string, path: (string | number)[]): string {
  // JCS requires well-formed Unicode: no UTF-16 surrogate without its partner.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) throw new CanonicalJsonError(pathText(path), 'holds a lone UTF-16 surrogate (not Unicode)');
  return JSON.stringify(value);
}

function write(value: unknown, path: (string | number)[]): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(pathText(path), `${value} is not a JSON number`);
      // ECMAScript's Number-to-String is JCS's number format; it prints -0 as "0".
      return String(value);
    case 'string':
      return string(value, path);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          text += (i === 0 ? '' : ',') + write(value[i], path);
          path.pop();
        }
        return text + ']';
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError(pathText(path), `a ${value.constructor.name} is not a JSON value`);
      // Default string order compares UTF-16 code units, the order JCS prescribes.
      const names = Object.keys(value).sort();
      let text = '{';
      for (const name of names) {
        const member = (value as Record<string, unknown>)[name];
        if (member === undefined) continue;
        path.push(name);
        text += (text.length === 1 ? '' : ',') + string(name, path) + ':' + write(member, path);
        path.pop();
      }
      return text + '}';
    }
    default:
      throw new CanonicalJsonError(pathText(path), `a ${typeof value} is not a JSON value`);
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, []);
}
