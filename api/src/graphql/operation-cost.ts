// What an operation costs (INT-5.1): each object it returns costs 1 with what is selected in it, scalars nothing; a
// list of objects counts 10 of them, a connection 2 plus its page size of them (its `edges` and `nodes` carry the
// objects, an edge itself costs nothing). The requested cost comes from the document and its variables before anything
// runs (Pothos' complexity plugin, with `fieldComplexity` below: a multiplier m with a field cost of m prices m
// objects); the actual cost walks the answer with the same rules, lists counting the objects that came back.
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { DEFAULT_PAGE_SIZE } from './page-size.ts';

/** Objects in a list of objects a query is assumed to get, when nothing says how many. */
const LIST_MULTIPLIER = 10;

const listOf = (type: GraphQLOutputType): boolean => (isNonNullType(type) ? listOf(type.ofType) : isListType(type));
const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');
/** A connection's list of edges: each edge carries a node, and costs nothing itself. */
const isEdgeList = <C, A>(field: GraphQLField<unknown, C, A>) => getNamedType(field.type).name.endsWith('Edge');
/** A connection's list of nodes: the connection's page size counts them already. */
const isPageList = <C, A>(field: GraphQLField<unknown, C, A>) => field.name === 'nodes' && field.args.length === 0;

const pageSize = (args: Record<string, unknown>): number => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  return Math.max(0, size ?? DEFAULT_PAGE_SIZE);
};

/** The cost of one field, and what its selection's cost is multiplied by (Pothos' complexity option). */
export function fieldComplexity<C>(
  args: Record<string, unknown>,
  _context: C,
  field: GraphQLField<unknown, C, Record<string, unknown>>,
): number | { field: number; multiplier: number } {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  if (isConnection(named)) return { field: 2, multiplier: pageSize(args) };
  // Under a connection, already multiplied by its page size: an edge costs nothing, a node 1.
  if (isEdgeList(field)) return { field: 0, multiplier: 1 };
  if (isPageList(field)) return { field: 1, multiplier: 1 };
  if (listOf(field.type)) return { field: LIST_MULTIPLIER, multiplier: LIST_MULTIPLIER };
  return 1;
}

/** The requested cost of the operation `operationName` of `document` with `variables`; 0 when its arguments are refused. */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  context: object,
): number {
  let cost = 0;
  try {
    validate(schema, document, [
      createComplexityRule({
        context,
        variableValues: variables,
        operationName: operationName ?? null,
        onResult: (result) => {
          cost = result.complexity;
        },
      }),
    ]);
  } catch {
    // Arguments the schema refuses (a page of 500): the operation fails at them with its own coded error, and
    // costs nothing.
    return 0;
  }
  return cost;
}

/** `value` as JSON; undefined when it nests too deep for `JSON.stringify`'s stack. */
export function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error: unknown) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The longest key of variables a price is kept under: page sizes and ids, not whatever a client sends. */
const PRICE_KEY_LIMIT = 1024;

/**
 * `requestedCost`, computed once per document, operation and variables (the last 64 of a document): the cost reads
 * nothing else (`fieldComplexity` ignores the context), and Yoga hands the same parsed document to every request
 * that sends the same text, so a client repeating a request is priced once (PT-9.8). The key holds only the variables
 * the operation declares (others cannot change its cost), each with whether it was given (a default applies to one
 * that was not), and a price is kept only under a short key, so that what clients send cannot fill the memory.
 */
export function createCostPricer(): typeof requestedCost {
  const prices = new WeakMap<DocumentNode, LRUCache<string, number>>();
  return (schema, document, variables, operationName, context) => {
    const price = () => requestedCost(schema, document, variables, operationName, context);
    const operation = operationOf(document, operationName);
    if (!operation) return price();
    const declared = (operation.variableDefinitions ?? []).map(({ variable: { name } }) => [
      name.value,
      name.value in variables,
      variables[name.value] ?? null,
    ]);
    const key = jsonOf([operationName ?? null, declared]);
    if (key === undefined || key.length > PRICE_KEY_LIMIT) return price();
    let ofDocument = prices.get(document);
    if (!ofDocument) {
      ofDocument = new LRUCache({ max: 64 });
      prices.set(document, ofDocument);
    }
    const known = ofDocument.get(key);
    if (known !== undefined) return known;
    const cost = price();
    ofDocument.set(key, cost);
    return cost;
  };
}

/** The operation a request runs. */
export function operationOf(document: DocumentNode, operationName: string | undefined) {
  return document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (operationName === undefined || definition.name?.value === operationName),
  );
}

/** The cost of what an answer holds: the same rules as the requested cost, with the lists as they came back. */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  data: unknown,
): number {
  const operation = operationOf(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const applies = (typeCondition: string | undefined, value: Record<string, unknown>, type: GraphQLNamedType) => {
    if (!typeCondition) return true;
    const typename = typeof value.__typename === 'string' ? value.__typename : type.name;
    const condition = schema.getType(typeCondition);
    if (!condition) return false;
    const actual = schema.getType(typename);
    if (condition.name === typename) return true;
    return (
      isAbstractType(condition) && actual !== undefined && isObjectType(actual) && schema.isSubType(condition, actual)
    );
  };
  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType, value: unknown): number => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 0;
    const object: Record<string, unknown> = Object.fromEntries(Object.entries(value));
    if (!isObjectType(type) && !isInterfaceType(type) && !isAbstractType(type)) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, type, object);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, object, type))
          total += costOf(selection.selectionSet, type, object);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, object, type)) {
          total += costOf(fragment.selectionSet, type, object);
        }
      }
    }
    return total;
  };
  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, object: Record<string, unknown>): number => {
    const concrete = typeof object.__typename === 'string' ? schema.getType(object.__typename) : undefined;
    const owner = concrete && (isObjectType(concrete) || isInterfaceType(concrete)) ? concrete : parent;
    const field = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[node.name.value] : undefined;
    const value = object[node.alias?.value ?? node.name.value];
    if (!field || value === undefined || value === null) return 0;
    const named = getNamedType(field.type);
    if (isLeafType(named) || !node.selectionSet) return 0;
    // Each object that came back: a connection 2, an edge nothing, any other 1, with what is selected in it.
    const each = isConnection(named) ? 2 : isEdgeList(field) ? 0 : 1;
    const items = Array.isArray(value) ? value : [value];
    const selectionSet = node.selectionSet;
    return items.reduce((sum: number, item: unknown) => sum + each + costOf(selectionSet, named, item), 0);
  };
  return costOf(operation.selectionSet, root, data);
}
