// A delivery's id, which is also its `webhook-id` header (HOOK-5.1): `msg_` and 32 hex digits, the one id in Yello that
// is not a UUID. The global ids and connection cursors that name deliveries are checked against this form.
import { randomUUID } from 'node:crypto';

/** A new delivery id: unique, and the same on every attempt (HOOK-5.1). */
export function newDeliveryId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

/** Whether a value has the form of a delivery id. */
export const isDeliveryId = (value: unknown): boolean => typeof value === 'string' && /^msg_[0-9a-f]{32}$/.test(value);
