// PostgreSQL's text cannot hold the NUL character (U+0000): a title, a search or an email holding one would fail
// in the database and come back as an unexpected error. This hook finds it in every argument before execution
// and answers BAD_USER_INPUT at the argument's path instead.
//
// The walk runs before graphql-js coerces the variables, so it meets their JSON as the client sent it, nested as
// deep as the client likes: it keeps its own stack instead of recursing (a recursion thousands of levels deep
// overflows the call stack), and builds a path only for what it reports.
import {
  type ArgumentNode,
  type DocumentNode,
  Kind,
  type ValueNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badUserInput, type FieldError } from '../shared/errors.ts';

const NUL = '\u0000';
const message = 'Remove the NUL character (U+0000): text cannot hold it.';

type Path = FieldError['path'];

/** Where a value sits in an argument: its key, and the place holding it (none at the argument itself). */
interface Place {
  readonly key: string | number;
  readonly parent: Place | undefined;
}

/** A value still to look at: written in the document, or part of a variable's JSON. */
type Pending =
  | { readonly written: ValueNode; readonly place: Place }
  | { readonly json: unknown; readonly place: Place };

function pathOf(place: Place): Path {
  const path: Path = [];
  for (let at: Place | undefined = place; at !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

const child = (parent: Place, key: string | number): Place => ({ key, parent });

/** What lies directly under a value, in the order it was written. */
function children(item: Pending, variables: Readonly<Record<string, unknown>>): Pending[] {
  const { place } = item;
  if ('json' in item) {
    const { json } = item;
    if (Array.isArray(json)) return json.map((value: unknown, index) => ({ json: value, place: child(place, index) }));
    if (typeof json === 'object' && json !== null) {
      return Object.entries(json).map(([key, value]) => ({ json: value, place: child(place, key) }));
    }
    return [];
  }
  const node = item.written;
  switch (node.kind) {
    case Kind.VARIABLE:
      // The variable's value stands where it is used: its path is the argument's.
      return [{ json: variables[node.name.value], place }];
    case Kind.LIST:
      return node.values.map((value, index) => ({ written: value, place: child(place, index) }));
    case Kind.OBJECT:
      return node.fields.map((field) => ({ written: field.value, place: child(place, field.name.value) }));
    default:
      return [];
  }
}

function holdsNul(item: Pending): boolean {
  if ('json' in item) return typeof item.json === 'string' && item.json.includes(NUL);
  return item.written.kind === Kind.STRING && item.written.value.includes(NUL);
}

/** The path of every string holding NUL under an argument's value, written or passed as a variable. */
function findInArgument(node: ValueNode, name: string, variables: Readonly<Record<string, unknown>>): Path[] {
  const found: Path[] = [];
  const pending: Pending[] = [{ written: node, place: { key: name, parent: undefined } }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (holdsNul(item)) found.push(pathOf(item.place));
    // Reversed onto the stack, so that they come off it in the order they were written.
    pending.push(...children(item, variables).reverse());
  }
  return found;
}

/** The arguments of a document and its variables' defaults, in document order: where a request's strings are looked for. */
function inputsOf(document: DocumentNode): (ArgumentNode | VariableDefinitionNode)[] {
  const inputs: (ArgumentNode | VariableDefinitionNode)[] = [];
  visit(document, {
    Argument(node) {
      inputs.push(node);
    },
    VariableDefinition(node) {
      if (node.defaultValue) inputs.push(node);
    },
  });
  return inputs;
}

export function refuseNulCharacters(): Plugin {
  // Found once per parsed document (Yoga parses a repeated text once, PT-9.8), looked through per request.
  const documents = new WeakMap<DocumentNode, (ArgumentNode | VariableDefinitionNode)[]>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues ?? {};
      let inputs = documents.get(args.document);
      if (!inputs) {
        inputs = inputsOf(args.document);
        documents.set(args.document, inputs);
      }
      const found: Path[] = [];
      for (const node of inputs) {
        if (node.kind === Kind.ARGUMENT) found.push(...findInArgument(node.value, node.name.value, variables));
        // A default applies when the variable is not given.
        else if (node.defaultValue && !(node.variable.name.value in variables)) {
          found.push(...findInArgument(node.defaultValue, `$${node.variable.name.value}`, {}));
        }
      }
      if (found.length > 0) {
        setResultAndStopExecution({ errors: [badUserInput(found.map((path) => ({ path, message })))] });
      }
    },
  };
}
