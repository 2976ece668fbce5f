import {
  GraphQLError,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  validate,
  visit,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { apiError } from './graphql-errors.js';

/**
 * `introspectionDepth`: an operation asking only for the schema (`__schema`, `__type`) may nest this deep, as the
 * full introspection query an IDE sends does (graphql-js `getIntrospectionQuery`: 15); `introspectionRoots`: how
 * many `__schema` and `__type` fields one operation may ask for.
 */
export const LIMITS = { depth: 10, introspectionDepth: 15, introspectionRoots: 3, complexity: 20_000, pageSize: 500 } as const;

/**
 * What the complexity rule charges beyond one per field. Each top-level field is a read of its own (and, for an
 * auditor, an audit record), so aliases repeating one cannot pass as cheap; a top-level list without a page size
 * (`whoAccessed`) is charged as this many rows.
 */
export const COSTS = { topLevelField: 100, unpagedRows: 100 } as const;

const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));

/** An operation whose every root field is introspection (`__schema`, `__type`, `__typename`). */
const asksOnlyForTheSchema = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));

/**
 * Refuses documents nested deeper than `LIMITS.depth` selections (fragments included), or
 * `LIMITS.introspectionDepth` for an operation that asks only for the schema.
 */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  const fragments = fragmentsOf(context.getDocument());
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
      const limit = asksOnlyForTheSchema(operation) ? LIMITS.introspectionDepth : LIMITS.depth;
      if (depth > limit) {
        context.reportError(new GraphQLError(`the query is ${depth} levels deep; the limit is ${limit}`, { nodes: [operation], extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: `deeper than ${limit}` } }));
      }
    },
  };
}

/** Introspection fields that name another type: what they select is a type reference. */
const TYPE_REFERENCES = new Set(['type', 'ofType', 'interfaces', 'possibleTypes']);
/** What a type lists; asked again below a type reference, each level multiplies the work by the schema's size. */
const TYPE_CONTENTS = new Set(['fields', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes']);

/**
 * Keeps introspection's work in proportion to the schema: the complexity rule counts the document's fields, but
 * introspection's lists carry no page size, so `types { fields { type { fields { type { fields … } } } } }`
 * would multiply the schema by itself at every level. An IDE's query lists a type's contents once and follows
 * type references by name and kind only (`ofType`), which this allows; it also caps `__schema` and `__type` fields.
 */
export function introspectionLimitRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const fragments = fragmentsOf(context.getDocument());
  const refuse = (message: string, reason: string, node: ASTNode) => context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'BAD_USER_INPUT', field: 'query', reason } }));
  return {
    OperationDefinition(operation) {
      let roots = 0;
      const walk = (selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, inReference: boolean, seen: Set<string>): void => {
        for (const selection of selectionSet?.selections ?? []) {
          if (selection.kind === 'FragmentSpread') {
            const fragment = fragments[selection.name.value];
            if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, inReference, new Set([...seen, fragment.name.value]));
            continue;
          }
          if (selection.kind === 'InlineFragment') {
            walk(selection.selectionSet, (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || parent, inReference, seen);
            continue;
          }
          const name = selection.name.value;
          if (name === '__schema' || name === '__type') roots++;
          const definition = name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : isObjectType(parent) ? parent.getFields()[name] : undefined;
          if (!definition) continue;
          const introspective = parent?.name.startsWith('__') ?? false;
          if (introspective && inReference && TYPE_CONTENTS.has(name)) {
            refuse(`"${name}" is asked for below a type reference; follow a reference by its name and kind (ofType), and list a type's ${name} from __schema.types or __type`, `${name} below a type reference`, selection);
            return;
          }
          walk(selection.selectionSet, getNamedType(definition.type), inReference || (introspective && TYPE_REFERENCES.has(name)), seen);
        }
      };
      walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, false, new Set());
      if (roots > LIMITS.introspectionRoots) refuse(`the query asks for the schema ${roots} times; the limit is ${LIMITS.introspectionRoots}`, `__schema and __type over ${LIMITS.introspectionRoots}`, operation);
    },
  };
}

/**
 * A field costs one, plus its rows times its children: a connection's rows are its page size (`first`), a
 * top-level list's `COSTS.unpagedRows`; a top-level field costs `COSTS.topLevelField` more.
 */
const costEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const topLevel = type === schema.getQueryType() || type === schema.getMutationType();
    const rows = typeof args.first === 'number' ? Math.max(1, args.first) : topLevel && isListType(getNullableType(field.type)) ? COSTS.unpagedRows : null;
    return (topLevel ? COSTS.topLevelField : 1) + (rows === null ? childComplexity : rows * Math.max(1, childComplexity));
  };

export function complexityLimitRule(schema: GraphQLSchema, variables: Record<string, unknown>) {
  return createComplexityRule({
    maximumComplexity: LIMITS.complexity,
    variables,
    estimators: [costEstimator(schema)],
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
      verdict = validate(schema, document, [depthLimitRule, introspectionLimitRule, complexityLimitRule(schema, variables)])[0] ?? null;
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
