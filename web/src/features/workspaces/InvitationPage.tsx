// `/invite/:token`: what the invitation offers, to anyone holding the link; signing in or registering returns
// here, and the invited user accepts.
import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type JSX, Match, Switch } from 'solid-js';
import { GuestCard } from '../../components/GuestCard.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SessionUnavailable } from '../../components/SessionUnavailable.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { graphql } from '../../graphql.ts';
import { useAuth } from '../../lib/auth.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { loginPath, registerPath } from '../../lib/redirect.ts';
import { AcceptInvitation } from './AcceptInvitation.tsx';
import { formatDate } from './format.ts';
import { roleLabels } from './roles.ts';

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      workspaceName
      role
      email
      invitedByName
      expiresAt
    }
  }
`);

export default function InvitationPage(): JSX.Element {
  const auth = useAuth();
  const params = useParams<{ token: string }>();
  const [preview, refetch] = createQuery({ query: InvitationPreviewQuery, variables: () => ({ token: params.token }) });
  const here = () => `/invite/${params.token}`;
  setPageTitle('Invitation');

  return (
    <GuestCard>
      <QueryView
        state={preview}
        loadingLabel="Opening the invitation…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        notFound={<InvalidInvitation />}
      >
        {(data) => {
          const invitation = () => data().invitation;
          return (
            <>
              <h1>Join {invitation().workspaceName}</h1>
              <p class="lead">
                {invitation().invitedByName ?? 'A member'} invited you to join{' '}
                <strong>{invitation().workspaceName}</strong> as <strong>{roleLabels[invitation().role]}</strong>.
              </p>
              <dl class="details">
                <div>
                  <dt>Invitation for</dt>
                  <dd>{invitation().email}</dd>
                </div>
                <div>
                  <dt>Valid until</dt>
                  <dd>{formatDate(invitation().expiresAt)}</dd>
                </div>
              </dl>
              <Switch>
                <Match when={auth.status() === 'signedIn'}>
                  <AcceptInvitation token={params.token} />
                </Match>
                <Match when={auth.status() === 'signedOut'}>
                  <div class="actions-stack">
                    <A href={loginPath(here())} class="button button-primary">
                      Sign in to accept
                    </A>
                    <A href={registerPath(here())} class="button button-secondary">
                      Create an account
                    </A>
                  </div>
                </Match>
                <Match when={auth.status() === 'unavailable'}>
                  <SessionUnavailable />
                </Match>
                <Match when={auth.status() === 'unknown'}>
                  <p class="placeholder" role="status">
                    <Spinner />
                    Checking your session…
                  </p>
                </Match>
              </Switch>
            </>
          );
        }}
      </QueryView>
    </GuestCard>
  );
}

function InvalidInvitation(): JSX.Element {
  return (
    <>
      <h1>This invitation is no longer valid</h1>
      <p class="lead">
        It may have expired, been revoked or been used already. Ask the person who invited you for a new link.
      </p>
      <A href="/" class="button button-primary">
        Go to Yello
      </A>
    </>
  );
}
