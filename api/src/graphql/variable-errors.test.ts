import { describe, expect, test } from 'vitest';
import { variableFieldErrors } from './variable-errors.ts';

describe('field errors of refused variables', () => {
  test('PT-3.7 places a value refused inside a variable at its path, with the reason as the message', () => {
    expect(
      variableFieldErrors(
        'Variable "$input" got invalid value "SUPER" at "input.priority"; Value "SUPER" does not exist in "TaskPriority" enum.',
      ),
    ).toEqual([{ path: ['input', 'priority'], message: 'Value "SUPER" does not exist in "TaskPriority" enum.' }]);
    expect(
      variableFieldErrors(
        'Variable "$filter" got invalid value 7 at "filter.labelIds[2]"; ID cannot represent value: true',
      ),
    ).toEqual([{ path: ['filter', 'labelIds', 2], message: 'ID cannot represent value: true' }]);
  });

  test('PT-3.7 is not misled by a refused value that looks like a path', () => {
    expect(
      variableFieldErrors(
        'Variable "$input" got invalid value "x at \\"input.title\\"; y" at "input.dueDate"; Date cannot represent an invalid date-string x.',
      ),
    ).toEqual([{ path: ['input', 'dueDate'], message: 'Date cannot represent an invalid date-string x.' }]);
  });

  test('PT-3.7 names the missing or unknown field of an input object', () => {
    expect(
      variableFieldErrors(
        'Variable "$input" got invalid value { projectId: "1" }; Field "title" of required type "String!" was not provided.',
      ),
    ).toEqual([{ path: ['input', 'title'], message: 'Field "title" of required type "String!" was not provided.' }]);
    expect(
      variableFieldErrors(
        'Variable "$input" got invalid value { titel: "x" }; Field "titel" is not defined by type "CreateTaskInput".',
      ),
    ).toEqual([{ path: ['input', 'titel'], message: 'Field "titel" is not defined by type "CreateTaskInput".' }]);
  });

  test('PT-3.7 gives no field error for other request errors', () => {
    expect(variableFieldErrors('Variable "$input" of required type "CreateTaskInput!" was not provided.')).toEqual([]);
    expect(variableFieldErrors('Must provide operation name if query contains multiple operations.')).toEqual([]);
  });
});
