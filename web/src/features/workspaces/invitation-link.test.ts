import { describe, expect, it } from 'vitest';
import { invitationToken } from './invitation-link.ts';

const token = 'q9Xv3b_K-2mZr8TQwYcLp0aHs1eNdUfGjVkBiOoE7xA';

describe('invitationToken', () => {
  it.each([
    `https://yello.example/invite/${token}`,
    `  http://127.0.0.1:3000/invite/${token}/  `,
    `https://yello.example/invite/${token}?utm=mail#top`,
    `/invite/${token}`,
    token,
  ])('WS-6.1 reads the token from %j', (pasted) => {
    expect(invitationToken(pasted)).toBe(token);
  });

  it.each(['', 'https://yello.example/acme', 'https://yello.example/invite/', 'short', 'not a token at all'])(
    'WS-6.1 finds no token in %j',
    (pasted) => {
      expect(invitationToken(pasted)).toBeUndefined();
    },
  );
});
