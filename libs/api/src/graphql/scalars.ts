import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { checkInstant } from '#ingestion';

/**
 * A date-time as the edge's grammar gives it (`checkInstant`: a zone, a real date, inside the domain window),
 * in UTC; a literal in the document (`node`) is named in the error, so its argument is found.
 */
function parseDateTime(value: unknown, node?: ValueNode): string {
  const verdict = checkInstant(value);
  if (!verdict.ok) throw new GraphQLError(verdict.reason, { nodes: node, extensions: { code: 'BAD_USER_INPUT', reason: verdict.reason, http: { status: 400 } } });
  return verdict.value;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  serialize: (value) => String(value),
  parseValue: (value) => String(value),
  parseLiteral: (ast) => (ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : null),
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
});
