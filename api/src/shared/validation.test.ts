import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { parseInput } from './validation.ts';

const schema = z.object({ email: z.email('Enter a valid email.'), tags: z.array(z.string().min(1, 'Empty tag.')) });

describe('parseInput', () => {
  it('AUTH-11.2 returns the parsed value', () => {
    expect(parseInput(schema, { email: 'a@example.com', tags: ['x'] })).toEqual({
      email: 'a@example.com',
      tags: ['x'],
    });
  });

  it('AUTH-11.2 reports every issue as one BAD_USER_INPUT with input paths', () => {
    let thrown: unknown;
    try {
      parseInput(schema, { email: 'nope', tags: ['ok', ''] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          { path: ['input', 'email'], message: 'Enter a valid email.' },
          { path: ['input', 'tags', 1], message: 'Empty tag.' },
        ],
      },
    });
  });
});
