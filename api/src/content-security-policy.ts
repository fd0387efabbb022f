// Content-Security-Policy of what Yello serves to browsers (AUTH-12.13): the web app, GraphiQL and the API's answers.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/**
 * What the built `index.html` carries where each response's nonce goes (web/vite.config.ts `html.cspNonce`): Vite
 * writes it on the page's script, style and stylesheet tags and into `<meta property="csp-nonce">`, from which the
 * app hands it to the styles it injects at run time (the board's drag and drop).
 */
export const CSP_NONCE_PLACEHOLDER = 'YELLO_CSP_NONCE';

/**
 * Headers only browsers of another era read, which Hono's `secureHeaders` sends by default: X-Download-Options
 * (Internet Explorer 8), X-Permitted-Cross-Domain-Policies (Flash and Acrobat) and X-XSS-Protection (the XSS
 * auditors Chrome, Edge and Safari removed; the policy's `script-src` is what stops injected scripts). Left out of
 * every response: about 90 bytes each, on a page's every request (WEB-9.6).
 */
export const withoutObsoleteHeaders = {
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/**
 * The web app's policy, with a fresh nonce per response (Hono keeps it in the context as `secureHeadersNonce`).
 * Scripts only from Yello's own files, no inline script; styles from its files, plus `<style>` elements carrying the
 * response's nonce; images from Yello or `data:` URLs (Markdown's remote images are links, PT-8.8); requests only to
 * its own origin; no plugins, no `<base>`, no framing, forms posting only to Yello.
 */
export function webAppSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    ...withoutObsoleteHeaders,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", NONCE],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  });
}

/** The page shell with this response's nonce in place of the placeholder. */
export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/** The API's JSON answers are data, never a page: nothing in them may load or run, nor may they be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A CSP hash source for an inline script or style: `'sha256-…'` of its exact text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * GraphiQL's policy. Yoga's GraphiQL page inlines its whole bundle in one `<script>`, after ours that keeps operations
 * out of the URL (both allowed by their hashes, so no other inline script runs) and its Monaco editor runs workers from `blob:` URLs the script makes. Styles need
 * `'unsafe-inline'`: the editor and its React components add `<style>` elements without a nonce while they run, and
 * Monaco writes its lines as HTML with `style` attributes, which a nonce cannot allow. The editor's fonts and icons
 * are `data:` URLs. Everything else is as strict as the web app's policy.
 */
export function graphiqlContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptHashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}
