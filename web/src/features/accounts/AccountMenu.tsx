// The signed-in user's name and the log-out button, in the app header.
import { createMutation, createQuery } from '@urql/solid';
import { type JSX, Show } from 'solid-js';
import { graphql } from '../../graphql.ts';
import { useAuth } from '../../lib/auth.ts';

const AccountMenuQuery = graphql(`
  query AccountMenu {
    me {
      id
      name
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function AccountMenu(): JSX.Element {
  const auth = useAuth();
  const [account] = createQuery({ query: AccountMenuQuery });
  const [logoutState, logout] = createMutation(LogoutMutation);

  const onLogout = async (): Promise<void> => {
    // Forget the session here even if the server could not be told: this tab must not stay signed in.
    await logout({});
    auth.signOut();
  };

  return (
    <div class="account-menu">
      <Show when={account.data?.me.name}>{(name) => <span class="account-name">{name()}</span>}</Show>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={logoutState.fetching}
        onClick={onLogout}
      >
        {logoutState.fetching ? 'Logging out…' : 'Log out'}
      </button>
    </div>
  );
}
