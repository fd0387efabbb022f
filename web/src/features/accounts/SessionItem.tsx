// One signed-in browser or device, with a button to end it unless it is this one.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createSignal, createUniqueId, type JSX, Show } from 'solid-js';
import { InlineError } from '../../components/InlineError.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../workspaces/format.ts';

export const SessionItemFields = graphql(`
  fragment SessionItemFields on Session {
    id
    current
    userAgent
    ipAddress
    createdAt
    lastUsedAt
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export function SessionItem(props: { readonly session: FragmentOf<typeof SessionItemFields> }): JSX.Element {
  const session = () => readFragment(SessionItemFields, props.session);
  const [revocation, revoke] = createMutation(RevokeSessionMutation);
  const [error, setError] = createSignal<string>();
  const clientId = createUniqueId();

  const onRevoke = async (): Promise<void> => {
    const result = await revoke({ id: session().id });
    setError(result.error ? errorMessage(result.error) : undefined);
  };

  return (
    <li class="session">
      <div class="session-details">
        <p class="session-client" id={clientId}>
          <span>{session().userAgent ?? 'Unknown browser'}</span>
          <Show when={session().current}>
            <span class="badge">This device</span>
          </Show>
        </p>
        <p class="session-meta">
          <span>{session().ipAddress ?? 'Unknown address'}</span>
          <span>Signed in {formatDateTime(session().createdAt)}</span>
          <span>Last active {formatDateTime(session().lastUsedAt)}</span>
        </p>
        <InlineError message={error()} />
      </div>
      <Show when={!session().current}>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={revocation.fetching}
          aria-describedby={clientId}
          onClick={onRevoke}
        >
          {revocation.fetching ? 'Revoking…' : 'Revoke'}
        </button>
      </Show>
    </li>
  );
}
