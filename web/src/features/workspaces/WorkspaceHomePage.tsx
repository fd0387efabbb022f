// `/:slug`: the workspace at a glance: who is in it, the viewer's role, and where to manage it.
import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { ProjectCardFields, ProjectCards } from '../projects/ProjectCards.tsx';
import { formatDate } from './format.ts';
import { roleLabels, roleSummaries } from './roles.ts';

const WorkspaceOverviewQuery = graphql(
  `
  query WorkspaceOverview($slug: String!) {
    workspace(slug: $slug) {
      id
      name
      slug
      createdAt
      viewerRole
      viewerCan {
        manageMembers
        updateSettings
      }
      # The members page's first page too, so its pageInfo stays in the cache for "Show more".
      members(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          user {
            id
            name
          }
        }
      }
      # The projects page's first page, so both read the same cached list.
      projects(first: 50, includeArchived: false) {
        nodes {
          id
          ...ProjectCardFields
        }
      }
    }
  }
`,
  [ProjectCardFields],
);

const shownMembers = 6;
const shownProjects = 6;
const plural = new Intl.PluralRules('en');
const memberCount = (count: number): string => `${count} ${plural.select(count) === 'one' ? 'member' : 'members'}`;

export default function WorkspaceHomePage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [overview, refetch] = createQuery({
    query: WorkspaceOverviewQuery,
    variables: () => ({ slug: params.slug }),
  });
  createEffect(() => {
    const name = overview.data?.workspace.name;
    if (name) setPageTitle(name);
  });

  return (
    <QueryView
      state={overview}
      loadingLabel="Loading the workspace…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(data) => {
        const workspace = () => data().workspace;
        // The cache merges every page of members read in this session; the overview names the first few.
        const shown = () => workspace().members.nodes.slice(0, shownMembers);
        return (
          <div class="page">
            <header class="page-header workspace-heading">
              <Avatar name={workspace().name} kind="workspace" />
              <div>
                <h1>{workspace().name}</h1>
                <p class="lead">
                  {location.host}/{workspace().slug} · created {formatDate(workspace().createdAt)}
                </p>
              </div>
            </header>
            <dl class="facts">
              <div class="fact">
                <dt>Your role</dt>
                <dd>
                  <span class="fact-value">{roleLabels[workspace().viewerRole]}</span>
                  <span class="fact-note">{roleSummaries[workspace().viewerRole]}</span>
                </dd>
              </div>
              <div class="fact">
                <dt>Members</dt>
                <dd>
                  <span class="fact-value">{memberCount(workspace().members.totalCount)}</span>
                  <span class="member-stack">
                    <For each={shown()}>{(member) => <Avatar name={member.user.name} size="small" />}</For>
                    <span class="fact-note">
                      {shown()
                        .map((member) => member.user.name)
                        .join(', ')}
                      <Show when={workspace().members.totalCount > shown().length}> and more</Show>
                    </span>
                  </span>
                </dd>
              </div>
            </dl>
            <section class="card" aria-labelledby="overview-projects-heading">
              <div class="section-heading">
                <h2 id="overview-projects-heading">Projects</h2>
                <A href={`/${workspace().slug}/projects`}>
                  {workspace().viewerCan.updateSettings ? 'All projects and new project' : 'All projects'}
                </A>
              </div>
              <Show
                when={workspace().projects.nodes.length > 0}
                fallback={
                  <div class="empty-note">
                    <Show
                      when={workspace().viewerCan.updateSettings}
                      fallback={<p>No projects yet. Admins and owners create them.</p>}
                    >
                      <p>No projects yet — create one to start planning.</p>
                      <A href={`/${workspace().slug}/projects`} class="button button-primary">
                        Create a project
                      </A>
                    </Show>
                  </div>
                }
              >
                <ProjectCards slug={workspace().slug} projects={workspace().projects.nodes.slice(0, shownProjects)} />
              </Show>
            </section>
            <nav class="link-cards" aria-label="Manage the workspace">
              <A href={`/${workspace().slug}/members`} class="link-card">
                <span class="link-card-title">Members</span>
                <span class="link-card-text">
                  {workspace().viewerCan.manageMembers
                    ? 'Invite people, change roles and remove members.'
                    : 'See who is in the workspace and their roles.'}
                </span>
              </A>
              <A href={`/${workspace().slug}/settings`} class="link-card">
                <span class="link-card-title">Settings</span>
                <span class="link-card-text">
                  {workspace().viewerCan.updateSettings
                    ? 'Rename the workspace or change its URL.'
                    : 'The workspace’s name and URL.'}
                </span>
              </A>
            </nav>
          </div>
        );
      }}
    </QueryView>
  );
}
