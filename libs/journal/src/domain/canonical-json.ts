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

// A UTF-16 surrogate without its partner: JCS requires well-formed Unicode.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function string(value: string, field: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(field, 'holds a lone UTF-16 surrogate (not Unicode)');
  return JSON.stringify(value);
}

export function canonicalJson(value: unknown, field = '$'): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(field, `${value} is not a JSON number`);
      // ECMAScript's Number-to-String is JCS's number format; it prints -0 as "0".
      return JSON.stringify(value);
    case 'string':
      return string(value, field);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item, `${field}[${i}]`)).join(',')}]`;
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new CanonicalJsonError(field, `a ${value.constructor.name} is not a JSON value`);
      }
      // Default string order compares UTF-16 code units, the order JCS prescribes.
      const names = Object.keys(value).sort();
      const members = names.flatMap((name) => {
        const member = (value as Record<string, unknown>)[name];
        return member === undefined ? [] : [`${string(name, field)}:${canonicalJson(member, `${field}.${name}`)}`];
      });
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(field, `a ${typeof value} is not a JSON value`);
  }
}
