// The shape of an API token's secret (INT-1.2): `yel_`, 36 random base62 characters and a 6-character base62 CRC32
// of everything before it, as GitHub's tokens are built, so that secret scanners can find leaked tokens by pattern
// and rule out look-alikes by the checksum, and Yello refuses a mistyped token without a query.
import { crc32 } from 'node:zlib';
import base from 'base-x';
import { customAlphabet } from 'nanoid';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const TOKEN_PREFIX = 'yel_';
const BODY_LENGTH = 36;
const CHECKSUM_LENGTH = 6;

/** Every API token matches this; documented for secret scanners. */
export const API_TOKEN_PATTERN = /^yel_[0-9A-Za-z]{36}[0-9A-Za-z]{6}$/;

const base62 = base(BASE62);
const randomBody = customAlphabet(BASE62, BODY_LENGTH);

/** The base62 CRC32 of `text`, six characters (0-padded: 62⁶ > 2³²). */
function checksum(text: string): string {
  const value = crc32(text);
  const bytes = new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  return base62.encode(bytes).padStart(CHECKSUM_LENGTH, '0');
}

/** A new secret: about 214 random bits. */
export function newTokenSecret(): string {
  const body = `${TOKEN_PREFIX}${randomBody()}`;
  return `${body}${checksum(body)}`;
}

/** Whether `secret` has the shape and checksum of a token Yello could have issued. */
export function isWellFormedToken(secret: string): boolean {
  if (!API_TOKEN_PATTERN.test(secret)) return false;
  const body = secret.slice(0, -CHECKSUM_LENGTH);
  return checksum(body) === secret.slice(-CHECKSUM_LENGTH);
}
