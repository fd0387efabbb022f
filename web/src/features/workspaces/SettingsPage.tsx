// `/:slug/settings`: admins rename the workspace and change its URL; owners may delete it; others read. Its
// navigation leads to the other settings (API tokens, and webhooks and the audit log for admins).
import { useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, type JSX, Show } from 'solid-js';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { DeleteWorkspaceForm } from './DeleteWorkspaceForm.tsx';
import { formatDate } from './format.ts';
import { LabelsSection } from './LabelsSection.tsx';
import { SettingsNav } from './SettingsNav.tsx';
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm.tsx';

const WorkspaceSettingsQuery = graphql(`
  query WorkspaceSettings($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      createdAt
      labels {
        id
        name
        color
      }
      viewerCan {
        updateSettings
        deleteWorkspace
        writeContent
      }
    }
  }
`);

export default function SettingsPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [settings, refetch] = createQuery({ query: WorkspaceSettingsQuery, variables: () => ({ slug: params.slug }) });
  createEffect(() => {
    const name = settings.data?.workspace.name;
    if (name) setPageTitle(`Settings · ${name}`);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Settings</h1>
        <p class="lead">The workspace’s name, address and labels.</p>
        <SettingsNav slug={params.slug} canManage={settings.data?.workspace.viewerCan.updateSettings ?? false} />
      </header>
      <QueryView
        state={settings}
        loadingLabel="Loading settings…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => {
          const workspace = () => data().workspace;
          return (
            <>
              <section class="card" aria-labelledby="general-heading">
                <h2 id="general-heading">General</h2>
                <Show
                  when={workspace().viewerCan.updateSettings}
                  fallback={
                    <>
                      <p class="card-lead">Only admins and owners can change these.</p>
                      <dl class="details">
                        <div>
                          <dt>Name</dt>
                          <dd>{workspace().name}</dd>
                        </div>
                        <div>
                          <dt>URL</dt>
                          <dd>
                            {location.host}/{workspace().slug}
                          </dd>
                        </div>
                        <div>
                          <dt>Created</dt>
                          <dd>{formatDate(workspace().createdAt)}</dd>
                        </div>
                      </dl>
                    </>
                  }
                >
                  <p class="card-lead">Changing the URL breaks links to the old one.</p>
                  <WorkspaceDetailsForm workspace={workspace()} />
                </Show>
              </section>
              <LabelsSection
                workspaceId={workspace().id}
                labels={workspace().labels}
                canWrite={workspace().viewerCan.writeContent}
              />
              <Show when={workspace().viewerCan.deleteWorkspace}>
                <DeleteWorkspaceForm workspace={workspace()} />
              </Show>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
