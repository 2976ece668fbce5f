import { GraphQLError, validate, visit, type ASTNode, type ASTVisitor, type DocumentNode, type FieldNode, type GraphQLSchema, type ValidationContext } from 'graphql';
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

/** Verdicts kept per document: one for each set of values its page-size variables took. */
const VERDICTS_PER_DOCUMENT = 64;

/**
 * The depth and complexity limits, checked once per document and page sizes rather than on every request: the
 * check walks the whole document with type information (a twelfth of the server's time on the commonest query),
 * and Apollo hands over the same parsed document for the same query text. Only the variables given to `first`
 * or to a directive (`@include`, `@skip`) change the verdict; a subject id does not.
 */
export class QueryLimits {
  private readonly checked = new WeakMap<DocumentNode, { costVariables: string[]; verdicts: Map<string, GraphQLError | null> }>();

  /** The error refusing the document with these variables, or null. */
  check(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): GraphQLError | null {
    let known = this.checked.get(document);
    if (!known) this.checked.set(document, (known = { costVariables: costVariables(document), verdicts: new Map() }));
    const key = JSON.stringify(known.costVariables.map((name) => variables[name] ?? null));
    let verdict = known.verdicts.get(key);
    if (verdict === undefined) {
      verdict = validate(schema, document, [depthLimitRule, complexityLimitRule(variables)])[0] ?? null;
      if (known.verdicts.size >= VERDICTS_PER_DOCUMENT) known.verdicts.clear();
      known.verdicts.set(key, verdict);
    }
    // A fresh error each time: the one kept must not carry one request's changes into the next.
    return verdict && new GraphQLError(verdict.message, { nodes: verdict.nodes, extensions: verdict.extensions });
  }
}

/** The variables whose values the limits read: those given to a `first` argument or to a directive. */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) => visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Argument: (argument) => void (argument.name.value === 'first' && collect(argument)),
    Directive: (directive) => void collect(directive),
  });
  return [...names].sort();
}

/** `first` of a connection: 1 to 500. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSize) throw apiError('BAD_USER_INPUT', `must be from 1 to ${LIMITS.pageSize}`, field);
  return size;
}
