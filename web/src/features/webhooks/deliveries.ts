// Deliveries as the delivery log shows them: their states in words, a body as readable JSON, an attempt's outcome.
import type { graphql } from '../../graphql.ts';

export type DeliveryState = ReturnType<typeof graphql.scalar<'WebhookDeliveryState'>>;

export const deliveryStateLabels: Readonly<Record<DeliveryState, string>> = {
  PENDING: 'Pending',
  RETRYING: 'Retrying',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
};

/** The badge class of each state: a failure stands out, a success is quiet. */
export const deliveryStateBadges: Readonly<Record<DeliveryState, string>> = {
  PENDING: 'badge',
  RETRYING: 'badge badge-inactive',
  SUCCEEDED: 'badge badge-active',
  FAILED: 'badge badge-inactive',
};

/** JSON indented for reading; anything else (a response that is not JSON) as it came. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** What came of an attempt, in a few words: its status, or why none came. */
export function attemptOutcome(attempt: { readonly responseStatus: number | null }): string {
  return attempt.responseStatus === null ? 'No response' : `HTTP ${attempt.responseStatus}`;
}

/** How many attempts, in words. */
export const attemptsLabel = (count: number): string => (count === 1 ? '1 attempt' : `${count} attempts`);
