// The nonce of the page's Content-Security-Policy (AUTH-12.13), for styles the app adds while it runs.

/**
 * The nonce the server gave this page, from `<meta property="csp-nonce">` (Vite writes the tag, the server the
 * value). Browsers hide a nonce from `getAttribute` once the page has loaded, but not from the `nonce` property.
 */
export function cspNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || undefined;
}
