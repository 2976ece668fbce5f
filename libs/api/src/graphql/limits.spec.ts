import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { COSTS, LIMITS, QueryLimits } from './limits.js';

const schema = buildSchema(`
  type Line { id: ID! a: String b: String c: String }
  type Query { history(subjectId: ID!, first: Int): [Line!]! uses(subjectId: ID!): [Line!]! line(id: ID!): Line }
`);
// A top-level field (100) + first × 4 children: over the complexity limit from first = 4,976 on.
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
    // 100 + 6,000 × 4 = 24,100 is over the limit; with c left out, 100 + 6,000 × 3 = 18,100 is not.
    expect(limits.check(schema, document, { s: 'one', n: 6_000, more: true })).not.toBeNull();
    expect(limits.check(schema, document, { s: 'one', n: 6_000, more: false })).toBeNull();
  });

  it('refuses a document nested deeper than the limit, every time', () => {
    const deep = buildSchema(`type Node { child: Node id: ID } type Query { root: Node }`);
    const query = parse(`{ root { ${'child { '.repeat(LIMITS.depth)}id${' }'.repeat(LIMITS.depth)} } }`);
    const limits = new QueryLimits();
    for (let i = 0; i < 2; i++) expect(limits.check(deep, query, {})?.message).toBe(`the query is ${LIMITS.depth + 2} levels deep; the limit is ${LIMITS.depth}`);
  });

  it('charges each top-level field as a read of its own, and a top-level list without a page size as 100 rows', () => {
    const limits = new QueryLimits();
    const aliased = (count: number, field: string) => parse(`{ ${Array.from({ length: count }, (_, i) => `f${i}: ${field}`).join(' ')} }`);
    // line { id }: 100 + 1 = 101 each, so 198 fit in 20,000 and 199 do not.
    expect(COSTS).toEqual({ topLevelField: 100, unpagedRows: 100 });
    expect(limits.check(schema, aliased(198, 'line(id: "x") { id }'), {})).toBeNull();
    expect(limits.check(schema, aliased(199, 'line(id: "x") { id }'), {})?.message).toBe(`the query's complexity is 20099; the limit is ${LIMITS.complexity} (ask for smaller pages or fewer fields)`);
    // uses { id a b c }: 100 + 100 rows × 4 = 500 each, so 40 fit and 41 do not.
    expect(limits.check(schema, aliased(40, 'uses(subjectId: "s") { id a b c }'), {})).toBeNull();
    expect(limits.check(schema, aliased(41, 'uses(subjectId: "s") { id a b c }'), {})).not.toBeNull();
  });

  describe('introspection', () => {
    const limits = new QueryLimits();
    const check = (query: string) => limits.check(schema, parse(query), {});
    const nest = (levels: number): string => (levels === 0 ? 'name' : `ofType { ${nest(levels - 1)} }`);

    it('answers the full introspection query an IDE sends, 15 levels deep', () => {
      expect(check(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }))).toBeNull();
    });

    it('allows an operation asking only for the schema 15 levels, not 16, and one mixed with data 10', () => {
      expect(check(`{ __schema { types { fields { type { ${nest(10)} } } } } }`)).toBeNull();
      expect(check(`{ __schema { types { fields { type { ${nest(11)} } } } } }`)?.message).toBe('the query is 16 levels deep; the limit is 15');
      expect(check(`{ history(subjectId: "s") { id } __schema { types { fields { type { ${nest(6)} } } } } }`)?.message).toBe('the query is 11 levels deep; the limit is 10');
    });

    it.each([
      ['fields of a field\'s type', '{ __schema { types { fields { type { fields { name } } } } } }', 'fields'],
      ['through a fragment', '{ __schema { types { fields { type { ...Listed } } } } } fragment Listed on __Type { ofType { inputFields { name } } }', 'inputFields'],
      ['the interfaces of an interface', '{ __type(name: "Line") { interfaces { interfaces { name } } } }', 'interfaces'],
      ['beside a data field', '{ history(subjectId: "s") { id } __schema { types { possibleTypes { enumValues { name } } } } }', 'enumValues'],
    ])('refuses a type\'s contents asked for below a type reference: %s', (_, query, field) => {
      expect(check(query)).toMatchObject({ message: expect.stringContaining(`"${field}" is asked for below a type reference`), extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
    });

    it('refuses more than three __schema and __type fields in one operation', () => {
      expect(check('{ a: __schema { queryType { name } } b: __type(name: "Line") { name } c: __type(name: "Query") { name } }')).toBeNull();
      const aliases = Array.from({ length: 4 }, (_, i) => `s${i}: __schema { types { fields { name } } }`).join(' ');
      expect(check(`{ ${aliases} }`)?.message).toBe('the query asks for the schema 4 times; the limit is 3');
    });
  });

  it('walks a fragment once however often it is spread, and refuses a document too large spread out', () => {
    // Forty fragments each spreading the next twice: 2^40 fields spread out, refused at once rather than walked.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = parse(`{ ...F0 } ${chain} fragment F40 on Query { line(id: "x") { id } }`);
    const started = performance.now();
    expect(new QueryLimits().check(schema, bomb, {})?.message).toMatch(/^the query holds 2\.\d+e\+12 fields once its fragments are spread out; the limit is 5000$/);
    expect(performance.now() - started).toBeLessThan(1000);
    // The same shape, shallow enough to be answered: one fragment spread many times is walked once and passes.
    const fewer = parse(`{ ...F0 } ${Array.from({ length: 6 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F6 on Query { line(id: "x") { id } }`);
    expect(new QueryLimits().check(schema, fewer, {})).toBeNull();
  });
});
