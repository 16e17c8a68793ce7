/**
 * Limits on GraphQL documents, applied before anything executes: depth,
 * static cost, aliases and tokens. Each refusal is a
 * GraphQL error with `extensions.code` QUERY_TOO_COMPLEX naming the limit, so
 * a client learns which knob it hit. The same rules run for HTTP requests
 * (Mercurius `validationRules`, cached with the document) and for WebSocket
 * subscriptions (graphql.ts runs them in `preSubscriptionExecution`, because
 * Mercurius does not validate subscription documents itself).
 */
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from './errors.ts';

export interface DocumentLimits {
  /** Most levels of nested fields in one operation (introspection not counted). */
  maxDepth: number;
  /** Highest static cost of one operation. */
  maxCost: number;
  /** Assumed length of a list field that takes no page-size argument. */
  listCostFactor: number;
  /** Most aliased fields in one document. */
  maxAliases: number;
  /** Most lexical tokens in one document. */
  maxTokens: number;
}

/** Arguments that bound the length of a field's list (connections: `first`/`last`; batches: `limit`). */
const SIZE_ARGS = ['first', 'last', 'limit'] as const;
/**
 * Page size assumed when it comes from a variable without a default: the
 * services cap pages at 100 (`messagesAfter` at 500, which its `limit` default
 * covers), and the value is unknown when the validated document is cached.
 */
const UNKNOWN_PAGE_SIZE = 100;

export const tooComplex = (message: string, extensions: Record<string, unknown>, node?: FieldNode) =>
  new GraphQLError(message, {
    ...(node ? { nodes: [node] } : {}),
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...extensions },
  });

/**
 * Static cost of each operation: every field costs 1, and a field whose list
 * is bounded by `first`/`last`/`limit` (or is a plain list) multiplies the
 * cost of its selection by that size (or by `listCostFactor`). Literals are
 * taken as given; a variable counts as its default in the operation, else
 * as the largest page a service serves (its value is unknown when the
 * validated document is cached); an omitted size counts as the schema default.
 */
export function costRule(maxCost: number, listCostFactor: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const cost = operationCost(context, op, listCostFactor);
      if (cost > maxCost) {
        context.reportError(
          tooComplex(
            `Query is too complex: cost ${cost} exceeds the limit of ${maxCost}; request fewer fields or smaller pages`,
            { limit: 'cost', cost, maxCost },
          ),
        );
      }
      return false;
    },
  });
}

function operationCost(context: ValidationContext, op: OperationDefinitionNode, listFactor: number): number {
  const schema = context.getSchema();
  const variableDefaults = new Map<string, ValueNode | undefined>();
  for (const v of op.variableDefinitions ?? []) variableDefaults.set(v.variable.name.value, v.defaultValue);
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const sizeOf = (node: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number | undefined => {
    if (!def) return undefined;
    const sizeDefs = def.args.filter((a) => (SIZE_ARGS as readonly string[]).includes(a.name));
    if (sizeDefs.length === 0) return undefined;
    const given = (node.arguments ?? []).filter((a) => sizeDefs.some((d) => d.name === a.name.value));
    const schemaDefault = (name: string) => {
      const d = sizeDefs.find((s) => s.name === name)?.defaultValue;
      return typeof d === 'number' ? d : undefined;
    };
    if (given.length === 0) {
      const defaults = sizeDefs.map((d) => schemaDefault(d.name)).filter((n) => n !== undefined);
      return defaults.length > 0 ? Math.max(...defaults) : UNKNOWN_PAGE_SIZE;
    }
    let size = 0;
    for (const arg of given) {
      let value: ValueNode | undefined = arg.value;
      if (value.kind === Kind.VARIABLE) value = variableDefaults.get(value.name.value);
      const n =
        value?.kind === Kind.INT
          ? Number.parseInt(value.value, 10)
          : value?.kind === Kind.NULL
            ? 0
            : Math.max(schemaDefault(arg.name.value) ?? 0, UNKNOWN_PAGE_SIZE);
      size = Math.max(size, n);
    }
    return size;
  };

  // `sized`: the field owning `set` was already multiplied by its page size, so
  // a list directly inside it (a connection's `edges`, a batch's `messages`) is
  // that page, not another multiplication.
  const selectionCost = (
    type: GraphQLNamedType | undefined,
    set: SelectionSetNode,
    sized: boolean,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def =
          type && (isObjectType(type) || isInterfaceType(type))
            ? type.getFields()[sel.name.value]
            : undefined;
        const size = sizeOf(sel, def);
        const listy = def !== undefined && isListType(getNullableType(def.type));
        const multiplier = size ?? (listy && !sized ? listFactor : 1);
        const inner = sel.selectionSet
          ? selectionCost(def && getNamedType(def.type), sel.selectionSet, size !== undefined)
          : 0;
        total += 1 + multiplier * inner;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += selectionCost(t, sel.selectionSet, sized);
      } else {
        total += fragmentCost(context.getFragment(sel.name.value), sized);
      }
    }
    return total;
  };

  const fragmentCost = (fragment: FragmentDefinitionNode | null | undefined, sized: boolean): number => {
    if (!fragment) return 0;
    const name = `${fragment.name.value}:${sized}`;
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0; // a cycle: NoFragmentCyclesRule reports it
    visiting.add(name);
    const cost = selectionCost(
      schema.getType(fragment.typeCondition.name.value),
      fragment.selectionSet,
      sized,
    );
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const root =
    op.operation === 'query'
      ? schema.getQueryType()
      : op.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return selectionCost(root ?? undefined, op.selectionSet, false);
}

/** At most `maxAliases` aliased fields in the whole document. */
export function aliasRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              tooComplex(`Query uses ${aliases} aliases; the limit is ${maxAliases}`, {
                limit: 'aliases',
                aliases,
                maxAliases,
              }),
            );
          }
        },
      },
    };
  };
}

/**
 * At most `maxDepth` levels of fields in each operation, fragments included
 * (an inline fragment or a spread adds no level of its own, as in
 * graphql-depth-limit). Introspection (`__schema`, `__type`) is not counted:
 * the standard introspection query that GraphiQL and code generators send is
 * 15 levels deep, and its size is bounded by the schema, not by the client.
 * (Mercurius' own `queryDepth` counts it, and inline fragments as levels.)
 */
export function depthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentDepths = new Map<string, number>();
    const visiting = new Set<string>();
    const depthOf = (set: SelectionSetNode): number => {
      let deepest = 0;
      for (const sel of set.selections) {
        let d = 0;
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          d = 1 + (sel.selectionSet ? depthOf(sel.selectionSet) : 0);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          d = depthOf(sel.selectionSet);
        } else {
          const name = sel.name.value;
          const known = fragmentDepths.get(name);
          if (known !== undefined) d = known;
          else if (!visiting.has(name)) {
            // (a cycle counts 0 here: NoFragmentCyclesRule reports it)
            const fragment = context.getFragment(name);
            visiting.add(name);
            d = fragment ? depthOf(fragment.selectionSet) : 0;
            visiting.delete(name);
            fragmentDepths.set(name, d);
          }
        }
        if (d > deepest) deepest = d;
      }
      return deepest;
    };
    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [op],
              extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, limit: 'depth', depth, maxDepth },
            }),
          );
        }
        return false;
      },
    };
  };
}

/** The validation rules enforcing `limits`. */
export function limitRules(limits: DocumentLimits): ValidationRule[] {
  return [
    depthRule(limits.maxDepth),
    costRule(limits.maxCost, limits.listCostFactor),
    aliasRule(limits.maxAliases),
  ];
}

/**
 * Parses `source` with a token budget, so a huge document is refused while
 * lexing instead of after building its whole AST. Throws a GraphQLError:
 * QUERY_TOO_COMPLEX over budget, otherwise the syntax error.
 */
export function parseWithinLimits(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens });
  } catch (err) {
    if (err instanceof GraphQLError && /contains more th(?:an|at) \d+ tokens/.test(err.message)) {
      throw tooComplex(`Query has more than ${maxTokens} tokens`, { limit: 'tokens', maxTokens });
    }
    throw err;
  }
}

/**
 * `parseWithinLimits` for every request, remembering sources that passed
 * (up to 1000 of at most 8 KiB) so a client's repeated operations are not
 * parsed twice per request; Mercurius caches its own parse and validation.
 */
export function documentGuard(maxTokens: number): (source: string) => void {
  const accepted = new Set<string>();
  return (source) => {
    if (accepted.has(source)) return;
    parseWithinLimits(source, maxTokens);
    if (source.length > 8192) return;
    if (accepted.size >= 1000) accepted.clear();
    accepted.add(source);
  };
}
