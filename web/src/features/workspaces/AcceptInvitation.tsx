// Accepting as the signed-in user; the API accepts only the invited email and explains otherwise, so the
// way to switch accounts is always at hand.
import { useNavigate } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type JSX, Show } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { createLogout } from '../accounts/logout.ts';

const InvitationViewerQuery = graphql(`
  query InvitationViewer {
    me {
      id
      email
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      id
      workspace {
        id
        slug
      }
    }
  }
`);

export function AcceptInvitation(props: { readonly token: string }): JSX.Element {
  const navigate = useNavigate();
  const [viewer] = createQuery({ query: InvitationViewerQuery });
  const [, acceptInvitation] = createMutation(AcceptInvitationMutation);
  const logout = createLogout();
  const form = createFormSubmission({
    fields: [],
    send: () => acceptInvitation({ token: props.token }),
    onSuccess: (data) => navigate(`/${data.acceptInvitation.workspace.slug}`, { replace: true }),
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <SubmitButton busy={form.busy()} busyLabel="Joining…">
        Accept invitation
      </SubmitButton>
      <p class="guest-switch">
        <Show when={viewer.data?.me.email}>{(email) => <>Signed in as {email()}. </>}</Show>
        <button type="button" class="link-button" disabled={logout.busy()} onClick={() => logout.logOut()}>
          Sign out and use another account
        </button>
      </p>
    </form>
  );
}
