// PostgreSQL's text cannot hold the NUL character (U+0000): a title, a search or an email holding one would fail
// in the database and come back as an unexpected error. This hook finds it in every argument before execution
// and answers BAD_USER_INPUT at the argument's path instead.
import { Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badUserInput, type FieldError } from '../shared/errors.ts';

const NUL = '\u0000';
const message = 'Remove the NUL character (U+0000): text cannot hold it.';

type Path = FieldError['path'];

/** Adds to `found` the path of every string under a variable's JSON value that holds NUL. */
function findInVariable(value: unknown, path: Path, found: Path[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findInVariable(item, [...path, index], found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) findInVariable(item, [...path, key], found);
  }
}

/** Adds to `found` the path of every string under an argument's value, written or passed as a variable. */
function findInArgument(
  node: ValueNode,
  path: Path,
  variables: Readonly<Record<string, unknown>>,
  found: Path[],
): void {
  switch (node.kind) {
    case Kind.STRING:
      if (node.value.includes(NUL)) found.push(path);
      return;
    case Kind.VARIABLE:
      findInVariable(variables[node.name.value], path, found);
      return;
    case Kind.LIST:
      node.values.forEach((item, index) => {
        findInArgument(item, [...path, index], variables, found);
      });
      return;
    case Kind.OBJECT:
      for (const field of node.fields) findInArgument(field.value, [...path, field.name.value], variables, found);
      return;
    default:
      return;
  }
}

export function refuseNulCharacters(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues ?? {};
      const found: Path[] = [];
      visit(args.document, {
        Argument(node) {
          findInArgument(node.value, [node.name.value], variables, found);
        },
        VariableDefinition(node) {
          // A default applies when the variable is not given.
          if (node.defaultValue && !(node.variable.name.value in variables)) {
            findInArgument(node.defaultValue, [`$${node.variable.name.value}`], {}, found);
          }
        },
      });
      if (found.length > 0) {
        setResultAndStopExecution({ errors: [badUserInput(found.map((path) => ({ path, message })))] });
      }
    },
  };
}
