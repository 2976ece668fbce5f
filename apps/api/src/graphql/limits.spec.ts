import { buildSchema, parse } from 'graphql';
import { LIMITS, QueryLimits } from './limits.js';

const schema = buildSchema(`
  type Line { id: ID! a: String b: String c: String }
  type Query { history(subjectId: ID!, first: Int): [Line!]! }
`);
// 1 + first × 4 children: over the complexity limit from first = 5,000 on.
const document = parse(`query ($s: ID!, $n: Int, $more: Boolean!) { history(subjectId: $s, first: $n) { id a b c @include(if: $more) } }`);

describe('query limits checked once per document and page size', () => {
  it('gives the verdict of the page size asked for, whatever the subject', () => {
    const limits = new QueryLimits();
    expect(limits.check(schema, document, { s: 'one', n: 50, more: true })).toBeNull();
    const refused = limits.check(schema, document, { s: 'one', n: 20_000, more: true });
    expect(refused?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(refused?.message).toContain(`the limit is ${LIMITS.complexity}`);
    // The same page size for another subject: the same verdict, as a fresh error each time.
    const again = limits.check(schema, document, { s: 'two', n: 20_000, more: true });
    expect(again?.message).toBe(refused?.message);
    expect(again).not.toBe(refused);
    expect(limits.check(schema, document, { s: 'two', n: 50, more: true })).toBeNull();
  });

  it('counts a directive variable: fields left out by @include cost nothing', () => {
    const limits = new QueryLimits();
    // 1 + 6,000 × 4 = 24,001 is over the limit; with c left out, 1 + 6,000 × 3 = 18,001 is not.
    expect(limits.check(schema, document, { s: 'one', n: 6_000, more: true })).not.toBeNull();
    expect(limits.check(schema, document, { s: 'one', n: 6_000, more: false })).toBeNull();
  });

  it('refuses a document nested deeper than the limit, every time', () => {
    const deep = buildSchema(`type Node { child: Node id: ID } type Query { root: Node }`);
    const query = parse(`{ root { ${'child { '.repeat(LIMITS.depth)}id${' }'.repeat(LIMITS.depth)} } }`);
    const limits = new QueryLimits();
    for (let i = 0; i < 2; i++) expect(limits.check(deep, query, {})?.message).toBe(`the query is ${LIMITS.depth + 2} levels deep; the limit is ${LIMITS.depth}`);
  });
});
