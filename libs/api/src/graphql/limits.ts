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
 * many `__schema` and `__type` fields one operation may ask for; `expandedFields`: how many fields an operation may
 * hold with its fragments spread out, checked before the other limits walk it.
 */
export const LIMITS = { depth: 10, introspectionDepth: 15, introspectionRoots: 3, expandedFields: 5_000, complexity: 20_000, pageSize: 500 } as const;

/**
 * What the complexity rule charges beyond one per field. Each top-level field is a read of its own (and, for an
 * auditor, an audit record), so aliases repeating one cannot pass as cheap; a top-level list without a page size
 * (`whoAccessed`) is charged as this many rows.
 */
export const COSTS = { topLevelField: 100, unpagedRows: 100 } as const;

/** A connection's page when `first` is left out or null. */
const DEFAULT_PAGE = 50;

const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));

/**
 * A measure of an operation with its fragments spread out — its deepest path, or how many fields it holds —
 * taken once per fragment: a fragment spread many times, or spreading others many times over, costs one walk
 * (walked again at every spread, forty fragments each spreading the next twice would take 2^40 steps).
 */
function spreadMeasure(document: DocumentNode, kind: 'depth' | 'fields'): (operation: OperationDefinitionNode) => number {
  const fragments = fragmentsOf(document);
  const known = new Map<string, number>();
  const ofFragment = (name: string): number => {
    if (!known.has(name)) {
      known.set(name, 0); // a cycle, which validation refuses anyway, adds nothing
      known.set(name, measure(fragments[name]?.selectionSet));
    }
    return known.get(name)!;
  };
  const measure = (selectionSet: SelectionSetNode | undefined): number => {
    let result = 0;
    for (const selection of selectionSet?.selections ?? []) {
      const value =
        selection.kind === 'Field' ? 1 + measure(selection.selectionSet) : selection.kind === 'InlineFragment' ? measure(selection.selectionSet) : ofFragment(selection.name.value);
      result = kind === 'depth' ? Math.max(result, value) : result + value;
    }
    return result;
  };
  return (operation) => measure(operation.selectionSet);
}

/** An operation whose every root field is introspection (`__schema`, `__type`, `__typename`). */
const asksOnlyForTheSchema = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));

/**
 * Refuses documents nested deeper than `LIMITS.depth` selections (fragments included), or
 * `LIMITS.introspectionDepth` for an operation that asks only for the schema.
 */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  const depthOf = spreadMeasure(context.getDocument(), 'depth');
  return {
    OperationDefinition(operation) {
      const depth = depthOf(operation);
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
      // A fragment is walked once per place it can matter (its type and whether below a type reference): spread
      // again there, execution merges it with the first, and walking it again could take exponentially long.
      const walked = new Set<string>();
      const walk = (selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, inReference: boolean): void => {
        for (const selection of selectionSet?.selections ?? []) {
          if (selection.kind === 'FragmentSpread') {
            const fragment = fragments[selection.name.value];
            const place = `${selection.name.value}|${parent?.name}|${inReference}`;
            if (fragment && !walked.has(place)) {
              walked.add(place);
              walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, inReference);
            }
            continue;
          }
          if (selection.kind === 'InlineFragment') {
            walk(selection.selectionSet, (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || parent, inReference);
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
          walk(selection.selectionSet, getNamedType(definition.type), inReference || (introspective && TYPE_REFERENCES.has(name)));
        }
      };
      walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, false);
      if (roots > LIMITS.introspectionRoots) refuse(`the query asks for the schema ${roots} times; the limit is ${LIMITS.introspectionRoots}`, `__schema and __type over ${LIMITS.introspectionRoots}`, operation);
    },
  };
}

/**
 * A field costs one, plus its rows times its children: a connection's rows are its page size (`first`, or the
 * default page when null), a top-level list's `COSTS.unpagedRows`; a top-level field costs `COSTS.topLevelField` more.
 */
const costEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const topLevel = type === schema.getQueryType() || type === schema.getMutationType();
    const paged = field.args.some((argument) => argument.name === 'first');
    const rows = typeof args.first === 'number' ? Math.max(1, args.first) : paged ? DEFAULT_PAGE : topLevel && isListType(getNullableType(field.type)) ? COSTS.unpagedRows : null;
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
      verdict = expansionError(document) ?? validate(schema, document, [depthLimitRule, introspectionLimitRule, complexityLimitRule(schema, variables)])[0] ?? null;
      if (known.verdicts.size >= VERDICTS_PER_DOCUMENT) known.verdicts.clear();
      known.verdicts.set(key, verdict);
    }
    // A fresh error each time: the one kept must not carry one request's changes into the next.
    return verdict && new GraphQLError(verdict.message, { nodes: verdict.nodes, extensions: verdict.extensions });
  }
}

/** Refuses a document holding more than `LIMITS.expandedFields` fields once its fragments are spread out. */
function expansionError(document: DocumentNode): GraphQLError | null {
  const fieldsOf = spreadMeasure(document, 'fields');
  const most = Math.max(0, ...document.definitions.map((d) => (d.kind === 'OperationDefinition' ? fieldsOf(d) : 0)));
  if (most <= LIMITS.expandedFields) return null;
  return new GraphQLError(`the query holds ${most.toExponential(2)} fields once its fragments are spread out; the limit is ${LIMITS.expandedFields}`, {
    extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: `over ${LIMITS.expandedFields} fields spread out` },
  });
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
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSize) throw apiError('BAD_USER_INPUT', `must be from 1 to ${LIMITS.pageSize}`, field);
  return size;
}
