// Field errors for variables graphql-js refuses before execution (a value not in an enum, an impossible date, a
// missing required field). graphql-js names the place only in its message, e.g.
//   Variable "$input" got invalid value "SUPER" at "input.priority"; Value "SUPER" does not exist in "TaskPriority" enum.
// so that clients get the same `fieldErrors` as for the refusals our own validation makes.
import type { FieldError } from '../shared/errors.ts';

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
/** A value refused somewhere inside a variable: group 1 the variable, 2 the rest of the path, 3 the reason. */
const AT_PATH = new RegExp(
  `^Variable "\\$(${NAME})" got invalid value .*? at "\\1((?:\\.${NAME}|\\[\\d+\\])+)"; (.*)$`,
  's',
);
/** A variable refused as a whole (or an input object missing a field): group 1 the variable, 2 the reason. */
const WHOLE = new RegExp(`^Variable "\\$(${NAME})" got invalid value .*?; (.*)$`, 's');
/** A reason that names a field of the input object at the path. */
const NAMED_FIELD = new RegExp(`^Field "(${NAME})" (?:of required type .* was not provided|is not defined by type)`);

function pathSegments(rest: string): (string | number)[] {
  return [...rest.matchAll(new RegExp(`\\.(${NAME})|\\[(\\d+)\\]`, 'g'))].map((segment) =>
    segment[1] === undefined ? Number(segment[2]) : segment[1],
  );
}

/**
 * The field error of a graphql-js variable-coercion message: the path as the client wrote it (the variable, then
 * fields and list indexes), the reason as the message; none for any other message.
 */
export function variableFieldErrors(message: string): FieldError[] {
  const atPath = AT_PATH.exec(message);
  const whole = atPath ? null : WHOLE.exec(message);
  const variable = atPath?.[1] ?? whole?.[1];
  const reason = atPath ? atPath[3] : whole?.[2];
  if (variable === undefined || reason === undefined) return [];
  const path: (string | number)[] = [variable, ...pathSegments(atPath?.[2] ?? '')];
  const field = NAMED_FIELD.exec(reason)?.[1];
  return [{ path: field === undefined ? path : [...path, field], message: reason }];
}
