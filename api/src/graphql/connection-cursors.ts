// Every connection in Yello pages by id (Pothos Prisma's `cursor: 'id'`), and the plugin hands a decoded cursor to
// Prisma as that id whatever it holds: `GPC:N:1` is a number, `GPC:Z:` null, `GPC:S:x` a string that is no UUID,
// and each of them failed in Prisma or PostgreSQL as an unexpected error (found by the fuzz suite, AUTH-12.12). A
// nested connection's cursor is read while its parent's query is built, before any argument validation runs, so
// this hook checks the `after` and `before` of every connection in the document before execution, and answers
// BAD_USER_INPUT at the argument for a cursor that does not decode to an id.
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { badUserInput } from '../shared/errors.ts';

const uuid = z.uuid();

/** Connections paged by a log's sequence numbers (decimal cursors) rather than by id. */
const sequenceConnections = new Set(['QueryWorkspaceEventsConnection']);

/**
 * Whether a cursor is a sequence number in decimal, as the event log's cursors are, or empty: the `endCursor` of an
 * empty log's page, which a client polling with it means as "from the start".
 */
export const isSequenceCursor = (cursor: string) => /^(|0|[1-9][0-9]{0,9})$/.test(cursor);
const message = 'This cursor is not one Yello gave out: page on with a cursor from edges or pageInfo.';

/** Whether a cursor decodes, as Pothos Prisma decodes it, to a UUID. */
export function isIdCursor(cursor: string): boolean {
  try {
    const id: unknown = parsePrismaCursor(cursor);
    return typeof id === 'string' && uuid.safeParse(id).success;
  } catch {
    return false;
  }
}

/** The cursor an argument holds: written in the document, or passed as a variable (or its default). */
function cursorOf(
  node: ValueNode,
  variables: Readonly<Record<string, unknown>>,
  defaults: ReadonlyMap<string, ValueNode>,
): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind !== Kind.VARIABLE) return undefined;
  const name = node.name.value;
  if (name in variables) return variables[name];
  const fallback = defaults.get(name);
  return fallback?.kind === Kind.STRING ? fallback.value : undefined;
}

/** A cursor argument of a document: `after` or `before` of a connection field, and how its cursors are made. */
interface CursorArgument {
  node: ArgumentNode;
  valid: (cursor: string) => boolean;
}

/** The cursor arguments of `document` and its variables' defaults: what a request's variables are checked against. */
function cursorArgumentsOf(schema: GraphQLSchema, document: DocumentNode) {
  const defaults = new Map<string, ValueNode>();
  const cursors: CursorArgument[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const field = typeInfo.getFieldDef();
        if (!field || !/Connection$/.test(getNamedType(field.type).name)) return;
        if (node.name.value !== 'after' && node.name.value !== 'before') return;
        const valid = sequenceConnections.has(getNamedType(field.type).name) ? isSequenceCursor : isIdCursor;
        cursors.push({ node, valid });
      },
    }),
  );
  return { defaults, cursors };
}

export function refuseForeignCursors(): Plugin {
  // Found once per parsed document (Yoga parses a repeated text once, PT-9.8), checked per request.
  const found = new WeakMap<DocumentNode, ReturnType<typeof cursorArgumentsOf>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues ?? {};
      let ofDocument = found.get(args.document);
      if (!ofDocument) {
        ofDocument = cursorArgumentsOf(args.schema, args.document);
        found.set(args.document, ofDocument);
      }
      const refused = new Set<string>();
      for (const { node, valid } of ofDocument.cursors) {
        const cursor = cursorOf(node.value, variables, ofDocument.defaults);
        // Anything but a string is left to graphql-js, which refuses it as not a String.
        if (typeof cursor === 'string' && !valid(cursor)) refused.add(node.name.value);
      }
      if (refused.size > 0) {
        setResultAndStopExecution({ errors: [badUserInput([...refused].map((name) => ({ path: [name], message })))] });
      }
    },
  };
}
