// The signed-in user's name, linking to their profile, and the log-out button, in the app header.
import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { graphql } from '../../graphql.ts';
import { createLogout } from './logout.ts';

const AccountMenuQuery = graphql(`
  query AccountMenu {
    me {
      id
      name
    }
  }
`);

export function AccountMenu(): JSX.Element {
  const [account] = createQuery({ query: AccountMenuQuery });
  const logout = createLogout();

  return (
    <div class="account-menu">
      <Show when={account.data?.me.name}>
        {(name) => (
          <A href="/profile" class="account-link" title="Your profile">
            <Avatar name={name()} size="small" />
            <span class="account-name">{name()}</span>
          </A>
        )}
      </Show>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={logout.busy()}
        onClick={() => logout.logOut()}
      >
        {logout.busy() ? 'Logging out…' : 'Log out'}
      </button>
    </div>
  );
}
