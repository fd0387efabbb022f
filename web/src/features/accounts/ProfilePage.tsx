// Account settings: name, password, signed-in sessions and recent security activity.
import { createQuery } from '@urql/solid';
import type { JSX } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { SecurityActivity } from '../audit/SecurityActivity.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileForm, ProfileFormFields } from './ProfileForm.tsx';
import { SessionsList } from './SessionsList.tsx';

const ProfileQuery = graphql(
  `
    query Profile {
      me {
        id
        ...ProfileFormFields
      }
    }
  `,
  [ProfileFormFields],
);

export default function ProfilePage(): JSX.Element {
  const [profile, refetch] = createQuery({ query: ProfileQuery });
  setPageTitle('Profile');

  return (
    <div class="page">
      <header class="page-header">
        <h1>Profile</h1>
        <p class="lead">Manage how you appear in Yello and where you are signed in.</p>
      </header>
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your details</h2>
        <QueryView
          state={profile}
          loadingLabel="Loading your profile…"
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        >
          {(data) => <ProfileForm user={data().me} />}
        </QueryView>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p class="card-lead">Changing it signs you out on every other device.</p>
        <ChangePasswordForm />
      </section>
      <section class="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p class="card-lead">Browsers and devices signed in to your account. Revoke any you don't recognise.</p>
        <SessionsList />
      </section>
      <section class="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent security activity</h2>
        <p class="card-lead">
          Your latest sign-ins, failed ones included, sign-outs, revoked sessions and password changes.
        </p>
        <SecurityActivity />
      </section>
    </div>
  );
}
