// `/:slug/settings/audit-log` (HOOK-2.3): the workspace's audit log for its owners and admins, newest first, filtered
// by actor, action and days in the URL (audit-log.ts), so a view can be shared; "Show more" pages through it.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createMemo, For, type JSX, Show } from 'solid-js';
import { DayFilter } from '../../components/DayFilter.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { loadEveryMember, TaskChoicesFields, taskChoices } from '../tasks/task-choices.ts';
import { SettingsNav } from '../workspaces/SettingsNav.tsx';
import { AuditEntryFields, AuditEntryRow } from './AuditEntryRow.tsx';
import {
  type AuditLogParams,
  actionLabels,
  filterFromAuditParams,
  hasAuditFilters,
  parseAction,
  workspaceActions,
} from './audit-log.ts';

const WorkspaceAuditLogQuery = graphql(
  `
    query WorkspaceAuditLog($slug: String!, $filter: AuditEntryFilter, $after: String) {
      workspace(slug: $slug) {
        id
        name
        slug
        viewerCan {
          manageMembers
        }
        ...TaskChoicesFields
        auditEntries(first: 50, after: $after, filter: $filter) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...AuditEntryFields
          }
        }
      }
    }
  `,
  [TaskChoicesFields, AuditEntryFields],
);

type SearchParams = { [Key in keyof AuditLogParams]?: string };

export default function AuditLogPage(): JSX.Element {
  const params = useParams<{ slug: string }>();
  const [search, setSearch] = useSearchParams<SearchParams>();
  const client = useClient();
  const logParams = (): AuditLogParams => ({ ...search });
  const variables = createMemo(() => ({ slug: params.slug, filter: filterFromAuditParams(logParams()) }));
  // The log grows with every change: what the cache holds is shown at once, and the server's newer answer replaces it.
  const [log, refetch] = createQuery({ query: WorkspaceAuditLogQuery, variables, requestPolicy: 'cache-and-network' });
  loadEveryMember(() => log.data?.workspace);
  const loadMore = (after: string) => client.query(WorkspaceAuditLogQuery, { ...variables(), after }).toPromise();
  const canRead = () => log.data?.workspace.viewerCan.manageMembers;
  createEffect(() => {
    const name = log.data?.workspace.name;
    if (name) setPageTitle(`Audit log · ${name}`);
  });

  return (
    <div class="page">
      <header class="page-header">
        <h1>Audit log</h1>
        <p class="lead">Who did what in this workspace, with which session or token, from where, and when.</p>
        <SettingsNav slug={params.slug} canManage={canRead()} />
      </header>
      <QueryView
        state={log}
        loadingLabel="Loading the audit log…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => (
          <Show
            when={data().workspace.viewerCan.manageMembers && data().workspace.auditEntries}
            fallback={<p class="placeholder">Only the workspace’s owners and admins can read its audit log.</p>}
          >
            {(entries) => (
              <>
                <form class="filters" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
                  <label class="filter">
                    <span class="filter-label">Who</span>
                    <select
                      class="select select-small"
                      value={search.actor ?? ''}
                      onChange={(event) => setSearch({ actor: event.currentTarget.value || undefined })}
                    >
                      <option value="">Anyone</option>
                      <For each={taskChoices(data().workspace).assignees}>
                        {(person) => <option value={person.id}>{person.name}</option>}
                      </For>
                    </select>
                  </label>
                  <label class="filter">
                    <span class="filter-label">Action</span>
                    <select
                      class="select select-small"
                      value={parseAction(search.action) ?? ''}
                      onChange={(event) => setSearch({ action: event.currentTarget.value || undefined })}
                    >
                      <option value="">Any action</option>
                      <For each={workspaceActions}>
                        {(action) => <option value={action}>{actionLabels[action]}</option>}
                      </For>
                    </select>
                  </label>
                  <DayFilter
                    label="From"
                    value={search.from}
                    onChange={(day) => setSearch({ from: day || undefined })}
                  />
                  <DayFilter label="To" value={search.to} onChange={(day) => setSearch({ to: day || undefined })} />
                  <Show when={hasAuditFilters(logParams())}>
                    <A href={`/${params.slug}/settings/audit-log`} class="filter-clear">
                      Clear filters
                    </A>
                  </Show>
                </form>
                <section class="card" aria-labelledby="audit-entries-heading">
                  <h2 id="audit-entries-heading" class="visually-hidden">
                    Entries
                  </h2>
                  <Show
                    when={entries().nodes.length > 0}
                    fallback={
                      <p class="empty-note">
                        {hasAuditFilters(logParams()) ? 'No entries match these filters.' : 'No entries yet.'}
                      </p>
                    }
                  >
                    <ul class="rows audit-entries">
                      <For each={entries().nodes}>{(entry) => <AuditEntryRow entry={entry} ownAccount={false} />}</For>
                    </ul>
                  </Show>
                  <ShowMore pageInfo={entries().pageInfo} load={loadMore} />
                </section>
              </>
            )}
          </Show>
        )}
      </QueryView>
    </div>
  );
}
