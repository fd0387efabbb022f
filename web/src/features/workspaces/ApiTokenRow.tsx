// One API token: its name, scopes, the end of its secret, when it was created, expires and was last used, whose it
// is (for admins, who see everyone's), whether it still works; Revoke for one that does.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createUniqueId, type JSX, Match, Show, Switch } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { graphql } from '../../graphql.ts';
import { scopeLabels, tokenStatus } from './api-tokens.ts';
import { formatDate, formatDateTime } from './format.ts';

export const ApiTokenRowFields = graphql(`
  fragment ApiTokenRowFields on ApiToken {
    id
    name
    scopes
    prefix
    lastFour
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    owner {
      id
      name
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

interface ApiTokenRowProps {
  readonly token: FragmentOf<typeof ApiTokenRowFields>;
  /** Whether to say whose token it is: the list holds everyone's. */
  readonly showOwner: boolean;
}

export function ApiTokenRow(props: ApiTokenRowProps): JSX.Element {
  const token = () => readFragment(ApiTokenRowFields, props.token);
  const [, revokeApiToken] = createMutation(RevokeApiTokenMutation);
  const nameId = createUniqueId();
  const status = () => tokenStatus(token(), new Date());
  const ending = () => `${token().prefix}…${token().lastFour}`;

  return (
    <li class="row">
      <div class="row-details">
        <p class="row-title" id={nameId}>
          <span>{token().name}</span>
          <Switch>
            <Match when={status() === 'revoked'}>
              <span class="badge badge-inactive">Revoked</span>
            </Match>
            <Match when={status() === 'expired'}>
              <span class="badge badge-inactive">Expired</span>
            </Match>
          </Switch>
        </p>
        <p class="row-meta">
          <code class="token-ending">{ending()}</code>
          <span>
            {token()
              .scopes.map((scope) => scopeLabels[scope])
              .join(', ')}
          </span>
          <Show when={props.showOwner}>
            <span>Owner: {token().owner?.name ?? 'a former member'}</span>
          </Show>
        </p>
        <p class="row-meta">
          <span>Created {formatDate(token().createdAt)}</span>
          <Show
            when={token().revokedAt}
            fallback={
              <span>
                {status() === 'expired' ? 'Expired' : 'Expires'} {formatDate(token().expiresAt)}
              </span>
            }
          >
            {(revokedAt) => <span>Revoked {formatDate(revokedAt())}</span>}
          </Show>
          <Show when={token().lastUsedAt} fallback={<span>Never used</span>}>
            {(lastUsedAt) => <span>Last used {formatDateTime(lastUsedAt())}</span>}
          </Show>
        </p>
      </div>
      <Show when={status() === 'active'}>
        <div class="row-actions">
          <ConfirmButton
            label="Revoke"
            buttonClass="button button-secondary button-small"
            describedBy={nameId}
            title={`Revoke ${token().name}?`}
            confirmLabel="Revoke token"
            busyLabel="Revoking…"
            onConfirm={() => revokeApiToken({ id: token().id })}
          >
            <p>Anything using this token ({ending()}) is refused from now on. A revoked token cannot be used again.</p>
          </ConfirmButton>
        </div>
      </Show>
    </li>
  );
}
