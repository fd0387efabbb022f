import { describe, expect, it } from 'vitest';
import { attemptOutcome, attemptsLabel, prettyJson } from './deliveries.ts';

describe('the delivery log in the web app', () => {
  it('HOOK-8.3 a body is shown as indented JSON; a response that is not JSON as it came', () => {
    expect(prettyJson('{"type":"task.created","data":{"id":1}}')).toBe(
      '{\n  "type": "task.created",\n  "data": {\n    "id": 1\n  }\n}',
    );
    expect(prettyJson('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
    expect(prettyJson('')).toBe('');
  });

  it('HOOK-8.3 an attempt says its status, or that none came', () => {
    expect(attemptOutcome({ responseStatus: 200 })).toBe('HTTP 200');
    expect(attemptOutcome({ responseStatus: 410 })).toBe('HTTP 410');
    expect(attemptOutcome({ responseStatus: null })).toBe('No response');
    expect([attemptsLabel(0), attemptsLabel(1), attemptsLabel(2)]).toEqual(['0 attempts', '1 attempt', '2 attempts']);
  });
});
