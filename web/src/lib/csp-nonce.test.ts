import { describe, expect, it } from 'vitest';
import { cspNonce } from './csp-nonce.ts';

describe('the page nonce', () => {
  it('AUTH-12.13 is read from the csp-nonce meta tag, and is absent without one', () => {
    const page = document.implementation.createHTMLDocument();
    expect(cspNonce(page)).toBeUndefined();
    const meta = page.createElement('meta');
    meta.setAttribute('property', 'csp-nonce');
    meta.setAttribute('nonce', 'bm9uY2U=');
    page.head.append(meta);
    expect(cspNonce(page)).toBe('bm9uY2U=');
  });
});
