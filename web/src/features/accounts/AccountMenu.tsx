// The signed-in user's name, linking to their profile, and the log-out button, in the app header.
import { A } from '@solidjs/router';
import { type FragmentOf, readFragment } from 'gql.tada';
import { type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { graphql } from '../../graphql.ts';
import { createLogout } from './logout.ts';

/** Who is signed in, read with the rest of the header (shell/AppLayout.tsx). */
export const AccountMenuFields = graphql(`
  fragment AccountMenuFields on Query {
    me {
      id
      name
    }
  }
`);

export function AccountMenu(props: { readonly data: FragmentOf<typeof AccountMenuFields> | undefined }): JSX.Element {
  const name = () => (props.data ? readFragment(AccountMenuFields, props.data).me.name : undefined);
  const logout = createLogout();

  return (
    <div class="account-menu">
      <Show when={name()}>
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
