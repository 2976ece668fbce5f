import { GraphQLError, type ASTVisitor, type FieldNode, type ValidationContext } from 'graphql';
import { createComplexityRule, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { apiError } from './graphql-errors.js';

export const LIMITS = { depth: 10, complexity: 20_000, pageSize: 500 } as const;

/** Refuses documents nested deeper than `LIMITS.depth` selections (fragments included). */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  const fragments = Object.fromEntries(context.getDocument().definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
  const depthOf = (node: { selectionSet?: { selections: readonly unknown[] } }, seen: Set<string>): number => {
    let deepest = 0;
    for (const selection of (node.selectionSet?.selections ?? []) as { kind: string; name?: { value: string }; selectionSet?: { selections: readonly unknown[] } }[]) {
      if (selection.kind === 'Field') deepest = Math.max(deepest, 1 + depthOf(selection as FieldNode, seen));
      else if (selection.kind === 'InlineFragment') deepest = Math.max(deepest, depthOf(selection, seen));
      else if (selection.kind === 'FragmentSpread' && !seen.has(selection.name!.value)) {
        const fragment = fragments[selection.name!.value];
        if (fragment) deepest = Math.max(deepest, depthOf(fragment, new Set([...seen, selection.name!.value])));
      }
    }
    return deepest;
  };
  return {
    OperationDefinition(operation) {
      const depth = depthOf(operation, new Set());
      if (depth > LIMITS.depth) {
        context.reportError(new GraphQLError(`the query is ${depth} levels deep; the limit is ${LIMITS.depth}`, { nodes: [operation], extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: `deeper than ${LIMITS.depth}` } }));
      }
    },
  };
}

/** A list field costs its page size times its children. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + Math.max(1, args.first) * Math.max(1, childComplexity) : undefined;

export function complexityLimitRule(variables: Record<string, unknown>) {
  return createComplexityRule({
    maximumComplexity: LIMITS.complexity,
    variables,
    estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    createError: (max, actual) =>
      new GraphQLError(`the query's complexity is ${actual}; the limit is ${max} (ask for smaller pages or fewer fields)`, {
        extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: `complexity ${actual} over ${max}` },
      }),
  });
}

/** `first` of a connection: 1 to 500. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSize) throw apiError('BAD_USER_INPUT', `must be from 1 to ${LIMITS.pageSize}`, field);
  return size;
}
