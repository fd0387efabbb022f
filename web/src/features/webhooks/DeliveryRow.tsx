// One delivery in a webhook's log: its state, type, event, attempts and next attempt; opened, its body and every
// attempt (status, the first kilobyte of the response, duration, error, request headers), read when first opened and
// again whenever another attempt is made. Redeliver sends it again, under the same `webhook-id`.
import { createMutation, createQuery } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createEffect, createMemo, createSignal, createUniqueId, For, type JSX, on, Show } from 'solid-js';
import { InlineError } from '../../components/InlineError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../workspaces/format.ts';
import { attemptOutcome, attemptsLabel, deliveryStateBadges, deliveryStateLabels, prettyJson } from './deliveries.ts';

export const DeliveryRowFields = graphql(`
  fragment DeliveryRowFields on WebhookDelivery {
    id
    messageId
    type
    eventCursor
    state
    attemptCount
    nextAttemptAt
    createdAt
    completedAt
  }
`);

const DeliveryDetailsQuery = graphql(`
  query WebhookDeliveryDetails($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on WebhookDelivery {
        body
        attempts {
          number
          attemptedAt
          responseStatus
          responseBody
          error
          durationMs
          requestHeaders {
            name
            value
          }
        }
      }
    }
  }
`);

const RedeliverMutation = graphql(
  `
    mutation RedeliverWebhookDelivery($id: ID!) {
      redeliverWebhookDelivery(id: $id) {
        id
        ...DeliveryRowFields
      }
    }
  `,
  [DeliveryRowFields],
);

/** The body and attempts of an opened delivery; read again when `version` (its attempts and state) changes. */
function DeliveryDetails(props: { readonly id: string; readonly version: string }): JSX.Element {
  // Opened again later, it shows what the cache holds while it reads the attempts made since.
  const [details, refetch] = createQuery({
    query: DeliveryDetailsQuery,
    variables: () => ({ id: props.id }),
    requestPolicy: 'cache-and-network',
  });
  createEffect(
    on(
      () => props.version,
      () => refetch({ requestPolicy: 'network-only' }),
      { defer: true },
    ),
  );
  const delivery = () => {
    const node = details.data?.node;
    return node?.__typename === 'WebhookDelivery' ? node : undefined;
  };

  return (
    <QueryView
      state={details}
      loadingLabel="Loading the delivery…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {() => (
        <Show when={delivery()} fallback={<p class="muted">This delivery is gone (deliveries are kept two weeks).</p>}>
          {(found) => (
            <div class="delivery-details">
              <h3>Body</h3>
              <pre class="code-block">
                <code>{prettyJson(found().body)}</code>
              </pre>
              <h3>Attempts</h3>
              <Show when={found().attempts.length > 0} fallback={<p class="muted">Not sent yet.</p>}>
                <ol class="attempts">
                  <For each={found().attempts}>
                    {(attempt) => (
                      <li class="attempt">
                        <p class="attempt-title">
                          <strong>Attempt {attempt.number}</strong>
                          <span>{attemptOutcome(attempt)}</span>
                          <span>{attempt.durationMs} ms</span>
                          <span>{formatDateTime(attempt.attemptedAt)}</span>
                        </p>
                        <Show when={attempt.error}>{(error) => <p class="attempt-error">Error: {error()}</p>}</Show>
                        <Show when={attempt.responseBody}>
                          {(body) => (
                            <>
                              <h4>Response (first kilobyte)</h4>
                              <pre class="code-block">
                                <code>{prettyJson(body())}</code>
                              </pre>
                            </>
                          )}
                        </Show>
                        <h4>Request headers</h4>
                        <table class="headers-table">
                          <thead>
                            <tr>
                              <th scope="col">Header</th>
                              <th scope="col">Value</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={attempt.requestHeaders}>
                              {(header) => (
                                <tr>
                                  <th scope="row">{header.name}</th>
                                  <td>{header.value}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </div>
          )}
        </Show>
      )}
    </QueryView>
  );
}

export function DeliveryRow(props: { readonly delivery: FragmentOf<typeof DeliveryRowFields> }): JSX.Element {
  const delivery = () => readFragment(DeliveryRowFields, props.delivery);
  const [redelivery, redeliver] = createMutation(RedeliverMutation);
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const summaryId = createUniqueId();
  // Changes with every attempt made (its count goes up as it is sent, the next attempt's time once it is recorded) and
  // every change of state: an opened delivery then reads its attempts again.
  const version = createMemo(() => `${delivery().attemptCount}:${delivery().state}:${delivery().nextAttemptAt ?? ''}`);

  const send = async (): Promise<void> => {
    setError(undefined);
    const result = await redeliver({ id: delivery().id });
    if (result.error) setError(errorMessage(result.error));
  };

  return (
    <li class="row delivery">
      <details class="row-details delivery-disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary id={summaryId}>
          <span class="row-title">
            <code>{delivery().type}</code>
            <span class={deliveryStateBadges[delivery().state]}>{deliveryStateLabels[delivery().state]}</span>
          </span>
          <span class="row-meta">
            <span>Event {delivery().eventCursor}</span>
            <span>{attemptsLabel(delivery().attemptCount)}</span>
            <span>Created {formatDateTime(delivery().createdAt)}</span>
            <Show when={delivery().nextAttemptAt}>{(next) => <span>Next attempt {formatDateTime(next())}</span>}</Show>
            <span>
              ID <code>{delivery().messageId}</code>
            </span>
          </span>
        </summary>
        <Show when={open()}>
          <DeliveryDetails id={delivery().id} version={version()} />
        </Show>
      </details>
      <div class="row-actions delivery-actions">
        <button
          type="button"
          class="button button-secondary button-small"
          aria-describedby={summaryId}
          disabled={redelivery.fetching}
          aria-busy={redelivery.fetching}
          onClick={() => void send()}
        >
          {redelivery.fetching ? 'Redelivering…' : 'Redeliver'}
        </button>
        <InlineError message={error()} />
      </div>
    </li>
  );
}
