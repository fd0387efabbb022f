// `/:slug/projects/:key/list`: the project's tasks as a list, filtered and ordered by the URL's query string
// (list-params.ts), so a view can be bookmarked and shared; "Show more" pages through it.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { readFragment } from 'gql.tada';
import { createEffect, createMemo, createSignal, createUniqueId, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { CheckboxMenu } from '../../components/CheckboxMenu.tsx';
import { DayFilter } from '../../components/DayFilter.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { graphql } from '../../graphql.ts';
import {
  categoryLabels,
  filterCount,
  filterFromParams,
  hasFilters,
  type ListParams,
  orderFields,
  orderFromParams,
  orderLabels,
  paramValues,
  sortParam,
  stateCategories,
  unassigned,
  valuesParam,
} from './list-params.ts';
import { PriorityBadge } from './PriorityBadge.tsx';
import { priorities, priorityLabels } from './priority.ts';
import { taskNavAttribute } from './shortcuts.ts';
import { LabelChip, TaskAssignee, TaskCardFields, TaskDue } from './TaskCard.tsx';
import { loadEveryMember, TaskChoicesFields, taskChoices } from './task-choices.ts';

const ProjectTaskListQuery = graphql(
  `
    query ProjectTaskList($slug: String!, $key: String!, $filter: TaskFilter, $orderBy: TaskOrder, $after: String) {
      project(workspaceSlug: $slug, key: $key) {
        id
        states {
          id
          name
          color
        }
        workspace {
          id
          ...TaskChoicesFields
        }
        tasks(first: 50, after: $after, filter: $filter, orderBy: $orderBy) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            completedAt
            state {
              id
              name
              color
            }
            ...TaskCardFields
          }
        }
      }
    }
  `,
  [TaskCardFields, TaskChoicesFields],
);

type SearchParams = { [Key in keyof ListParams]?: string };

/** The most words and characters the API takes in a search; past either it refuses the list (AUTH-13.11, 13.12). */
const maxSearchWords = 20;
const maxSearchLength = 200;

interface LimitedSearch {
  /** What the list searches for: the first 20 words, cut to 200 characters; undefined when blank. */
  readonly search: string | undefined;
  /** The limits the text went past, e.g. "20 words". */
  readonly over: readonly string[];
}

/**
 * The part of a search the API takes. A typed search holds at most 200 characters (the box's `maxlength`), a URL's
 * any number, and a search of more words than the API takes narrows by the first 20 instead of failing the list. A
 * word cut short still finds every task the whole word finds.
 */
function limitSearch(text: string | undefined): LimitedSearch {
  const trimmed = text?.trim() ?? '';
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { search: undefined, over: [] };
  const over: string[] = [];
  let search = trimmed;
  if (words.length > maxSearchWords) {
    over.push(`${maxSearchWords} words`);
    search = words.slice(0, maxSearchWords).join(' ');
  }
  if (search.length > maxSearchLength) {
    over.push(`${maxSearchLength} characters`);
    // Never end on the first half of a surrogate pair.
    search = search
      .slice(0, maxSearchLength)
      .replace(/[\uD800-\uDBFF]$/, '')
      .trimEnd();
  }
  return { search, over };
}

interface SearchBoxProps {
  /** The search in the URL. */
  readonly value: string | undefined;
  /** Called a moment after the user stops typing, with the text (undefined when blank). */
  readonly onSearch: (text: string | undefined) => void;
}

/**
 * The list's search box: takes at most 200 characters, and past 20 words says, next to the box and to screen
 * readers, that only the first 20 are searched for (the list sends those: see `limitSearch`).
 */
function SearchBox(props: SearchBoxProps): JSX.Element {
  const inputId = createUniqueId();
  const hintId = createUniqueId();
  const [text, setText] = createSignal(props.value ?? '');
  createEffect(
    on(
      () => props.value,
      (value) => setText(value ?? ''),
      { defer: true },
    ),
  );
  const hint = (): string | undefined => {
    const { over } = limitSearch(text());
    return over.length > 0 ? `Search takes up to ${over.join(' and ')}: the rest is left out.` : undefined;
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(typing));
  return (
    <div class="filter filter-search">
      <label class="filter-label" for={inputId}>
        Search
      </label>
      <input
        id={inputId}
        type="search"
        class="input"
        placeholder="Title or description"
        maxLength={maxSearchLength}
        value={props.value ?? ''}
        aria-describedby={hint() ? hintId : undefined}
        aria-keyshortcuts="/"
        data-shortcut-search
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          clearTimeout(typing);
          typing = setTimeout(() => props.onSearch(value.trim() ? value : undefined), 250);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      {/* Always present, so that screen readers announce the hint when it appears; out of the layout when empty. */}
      <span id={hintId} class={hint() ? 'field-hint' : 'visually-hidden'} aria-live="polite">
        {hint()}
      </span>
    </div>
  );
}

export default function ListPage(): JSX.Element {
  const params = useParams<{ slug: string; key: string }>();
  const [search, setSearch] = useSearchParams<SearchParams>();
  const client = useClient();
  const listParams = (): ListParams => ({ ...search });
  const variables = createMemo(() => ({
    slug: params.slug,
    key: params.key,
    filter: filterFromParams({ ...listParams(), q: limitSearch(search.q).search }),
    orderBy: orderFromParams(listParams()),
  }));
  const [list, refetch] = createQuery({ query: ProjectTaskListQuery, variables });
  loadEveryMember(() => list.data?.project.workspace);
  const loadMore = (after: string) => client.query(ProjectTaskListQuery, { ...variables(), after }).toPromise();

  const setParam = (name: keyof ListParams, value: string): void => {
    setSearch({ [name]: value || undefined });
  };
  const setValues = (name: 'assignee' | 'label' | 'priority', chosen: readonly string[]): void => {
    setSearch({ [name]: valuesParam(chosen) });
  };
  const order = () => orderFromParams(listParams());
  // At phone width the filters besides the search fold away behind this button (styles.css); wider, it is not shown.
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const filtersId = createUniqueId();
  const filtersLabel = (): string => {
    const count = filterCount(listParams());
    return count > 0 ? `Filters (${count})` : 'Filters';
  };

  return (
    <div class="task-list-view">
      <form class="filters" aria-label="Filter tasks" onSubmit={(event) => event.preventDefault()}>
        <SearchBox value={search.q} onSearch={(q) => setSearch({ q }, { replace: true })} />
        <button
          type="button"
          class="button button-secondary button-small filters-toggle"
          aria-expanded={filtersOpen()}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen(!filtersOpen())}
        >
          {filtersLabel()}
        </button>
        <div id={filtersId} class="filters-more">
          <Show when={list.data?.project} keyed={false}>
            {(project) => (
              <>
                <CheckboxMenu
                  label="State"
                  anyLabel="Any state"
                  groups={[
                    {
                      label: 'Category',
                      options: stateCategories.map((category) => ({
                        value: `category:${category}`,
                        label: categoryLabels[category],
                      })),
                    },
                    {
                      label: 'State',
                      options: project().states.map((state) => ({ value: `state:${state.id}`, label: state.name })),
                    },
                  ]}
                  selected={[
                    ...paramValues(search.category).map((category) => `category:${category.toUpperCase()}`),
                    ...paramValues(search.state).map((state) => `state:${state}`),
                  ]}
                  onChange={(chosen) => {
                    const of = (kind: string): string[] =>
                      chosen.flatMap((value) => (value.startsWith(`${kind}:`) ? [value.slice(kind.length + 1)] : []));
                    setSearch({ state: valuesParam(of('state')), category: valuesParam(of('category')) });
                  }}
                />
                <CheckboxMenu
                  label="Assignee"
                  anyLabel="Anyone"
                  groups={[
                    {
                      options: [
                        { value: unassigned, label: 'Unassigned' },
                        ...taskChoices(project().workspace).assignees.map((person) => ({
                          value: person.id,
                          label: person.name,
                        })),
                      ],
                    },
                  ]}
                  selected={paramValues(search.assignee)}
                  onChange={(chosen) => setValues('assignee', chosen)}
                />
                <CheckboxMenu
                  label="Label"
                  anyLabel="Any label"
                  groups={[
                    {
                      options: taskChoices(project().workspace).labels.map((label) => ({
                        value: label.id,
                        label: label.name,
                      })),
                    },
                  ]}
                  selected={paramValues(search.label)}
                  onChange={(chosen) => setValues('label', chosen)}
                />
              </>
            )}
          </Show>
          <CheckboxMenu
            label="Priority"
            anyLabel="Any priority"
            groups={[{ options: priorities.map((priority) => ({ value: priority, label: priorityLabels[priority] })) }]}
            selected={paramValues(search.priority).map((priority) => priority.toUpperCase())}
            onChange={(chosen) => setValues('priority', chosen)}
          />
          <DayFilter label="Due after" value={search.dueAfter} onChange={(day) => setParam('dueAfter', day)} />
          <DayFilter label="Due before" value={search.dueBefore} onChange={(day) => setParam('dueBefore', day)} />
          <label class="filter">
            <span class="filter-label">Order</span>
            <select
              class="select select-small"
              value={order().field}
              onChange={(event) => {
                const field = orderFields.find((candidate) => candidate === event.currentTarget.value);
                if (field) setSearch({ sort: sortParam(field) });
              }}
            >
              <For each={orderFields}>{(field) => <option value={field}>{orderLabels[field]}</option>}</For>
            </select>
          </label>
          <button
            type="button"
            class="button button-secondary button-small filter-direction"
            title={order().direction === 'ASC' ? 'Switch to descending' : 'Switch to ascending'}
            onClick={() => setSearch({ dir: order().direction === 'ASC' ? 'desc' : undefined })}
          >
            <span aria-hidden="true">{order().direction === 'ASC' ? '↑' : '↓'}</span>{' '}
            {order().direction === 'ASC' ? 'Ascending' : 'Descending'}
          </button>
          <Show when={hasFilters(listParams())}>
            <A href={`/${params.slug}/projects/${params.key}/list`} class="filter-clear">
              Clear filters
            </A>
          </Show>
        </div>
      </form>
      <QueryView state={list} loadingLabel="Loading tasks…" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => (
          <section class="card task-list-card" aria-labelledby="task-list-heading">
            <h2 id="task-list-heading" class="visually-hidden">
              Tasks
            </h2>
            <p class="task-list-count" role="status">
              {data().project.tasks.totalCount} {data().project.tasks.totalCount === 1 ? 'task' : 'tasks'}
              {hasFilters(listParams()) ? ' match' : ''}
            </p>
            <Show
              when={data().project.tasks.nodes.length > 0}
              fallback={
                <p class="empty-note">
                  {hasFilters(listParams())
                    ? 'No tasks match these filters.'
                    : 'No tasks yet — press c or use New task to create one.'}
                </p>
              }
            >
              <ul class="task-rows">
                <For each={data().project.tasks.nodes}>
                  {(node) => {
                    const task = () => readFragment(TaskCardFields, node);
                    return (
                      <li class="task-row">
                        <span class="task-row-state" title={node.state.name}>
                          <span class="color-dot" style={{ background: node.state.color }} aria-hidden="true" />
                          <span class="visually-hidden">{node.state.name}</span>
                        </span>
                        <span class="task-key">{task().key}</span>
                        <A
                          href={`/${params.slug}/${task().key}`}
                          class="task-row-title"
                          {...{ [taskNavAttribute]: '' }}
                        >
                          {task().title}
                        </A>
                        <span class="task-row-meta">
                          <span class="task-row-state-name">{node.state.name}</span>
                          <For each={task().labels}>
                            {(label) => <LabelChip name={label.name} color={label.color} />}
                          </For>
                          <PriorityBadge priority={task().priority} />
                          <TaskDue date={task().dueDate} done={Boolean(node.completedAt)} />
                          <TaskAssignee assignee={task().assignee} />
                        </span>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <ShowMore pageInfo={data().project.tasks.pageInfo} load={loadMore} />
          </section>
        )}
      </QueryView>
    </div>
  );
}
