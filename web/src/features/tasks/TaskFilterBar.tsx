// The task filters of the list and the board (WEB-7.2), read from and written to the URL's query string
// (list-params.ts), so that switching Board ⇄ List keeps them: search, assignee, label, priority and due dates in
// both, the state and the order in the list alone. At phone width all but the search fold away behind "Filters (n)"
// (WEB-3.3, styles.css).
import { A } from '@solidjs/router';
import type { FragmentOf } from 'gql.tada';
import { createEffect, createSignal, createUniqueId, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { CheckboxMenu } from '../../components/CheckboxMenu.tsx';
import { DayFilter } from '../../components/DayFilter.tsx';
import {
  categoryLabels,
  clearedQuery,
  filterCount,
  hasFilters,
  type ListParams,
  limitSearch,
  maxSearchLength,
  orderFields,
  orderFromParams,
  orderLabels,
  paramValues,
  sortParam,
  stateCategories,
  type TaskView,
  unassigned,
  valuesParam,
  viewParams,
} from './list-params.ts';
import { priorities, priorityLabels } from './priority.ts';
import { type TaskChoicesFields, taskChoices } from './task-choices.ts';

interface SearchBoxProps {
  /** The search in the URL. */
  readonly value: string | undefined;
  /** Called a moment after the user stops typing, with the text (undefined when blank). */
  readonly onSearch: (text: string | undefined) => void;
}

/**
 * The search box: takes at most 200 characters, and past 20 words says, next to the box and to screen readers, that
 * only the first 20 are searched for (the views send those: see `limitSearch`).
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

/** Changes to the URL's parameters; undefined removes one. */
export type ParamChanges = { [Name in keyof ListParams]?: string | undefined };

interface TaskFilterBarProps {
  readonly view: TaskView;
  /** The URL's parameters. */
  readonly params: ListParams;
  /** Writes parameters into the URL (`replace` while the search is typed). */
  readonly onChange: (changes: ParamChanges, options?: { replace: boolean }) => void;
  /** The view's path, where "Clear filters" leads (with the parameters the view does not apply). */
  readonly path: string;
  /** The workspace's labels and members; the Assignee and Label filters show once they are known. */
  readonly choices: FragmentOf<typeof TaskChoicesFields> | undefined;
  /** The project's states, for the list's State filter. */
  readonly states?: readonly { readonly id: string; readonly name: string }[] | undefined;
  /** A control of the view that is no filter (the board's density), kept in the row beside the search at any width. */
  readonly children?: JSX.Element;
}

export function TaskFilterBar(props: TaskFilterBarProps): JSX.Element {
  const applied = () => viewParams(props.view, props.params);
  const setValues = (name: 'assignee' | 'label' | 'priority', chosen: readonly string[]): void => {
    props.onChange({ [name]: valuesParam(chosen) });
  };
  const order = () => orderFromParams(props.params);
  // At phone width the filters besides the search fold away behind this button (styles.css); wider, it is not shown.
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const filtersId = createUniqueId();
  const filtersLabel = (): string => {
    const count = filterCount(applied());
    return count > 0 ? `Filters (${count})` : 'Filters';
  };

  return (
    <form class="filters" aria-label="Filter tasks" onSubmit={(event) => event.preventDefault()}>
      <SearchBox value={props.params.q} onSearch={(q) => props.onChange({ q }, { replace: true })} />
      <button
        type="button"
        class="button button-secondary button-small filters-toggle"
        aria-expanded={filtersOpen()}
        aria-controls={filtersId}
        onClick={() => setFiltersOpen(!filtersOpen())}
      >
        {filtersLabel()}
      </button>
      {props.children}
      <div id={filtersId} class="filters-more">
        <Show when={props.view === 'list' && props.states}>
          {(states) => (
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
                  options: states().map((state) => ({ value: `state:${state.id}`, label: state.name })),
                },
              ]}
              selected={[
                ...paramValues(props.params.category).map((category) => `category:${category.toUpperCase()}`),
                ...paramValues(props.params.state).map((state) => `state:${state}`),
              ]}
              onChange={(chosen) => {
                const of = (kind: string): string[] =>
                  chosen.flatMap((value) => (value.startsWith(`${kind}:`) ? [value.slice(kind.length + 1)] : []));
                props.onChange({ state: valuesParam(of('state')), category: valuesParam(of('category')) });
              }}
            />
          )}
        </Show>
        <Show when={props.choices} keyed={false}>
          {(workspace) => (
            <>
              <CheckboxMenu
                label="Assignee"
                anyLabel="Anyone"
                groups={[
                  {
                    options: [
                      { value: unassigned, label: 'Unassigned' },
                      ...taskChoices(workspace()).assignees.map((person) => ({ value: person.id, label: person.name })),
                    ],
                  },
                ]}
                selected={paramValues(props.params.assignee)}
                onChange={(chosen) => setValues('assignee', chosen)}
              />
              <CheckboxMenu
                label="Label"
                anyLabel="Any label"
                groups={[
                  {
                    options: taskChoices(workspace()).labels.map((label) => ({ value: label.id, label: label.name })),
                  },
                ]}
                selected={paramValues(props.params.label)}
                onChange={(chosen) => setValues('label', chosen)}
              />
            </>
          )}
        </Show>
        <CheckboxMenu
          label="Priority"
          anyLabel="Any priority"
          groups={[{ options: priorities.map((priority) => ({ value: priority, label: priorityLabels[priority] })) }]}
          selected={paramValues(props.params.priority).map((priority) => priority.toUpperCase())}
          onChange={(chosen) => setValues('priority', chosen)}
        />
        <DayFilter
          label="Due after"
          value={props.params.dueAfter}
          onChange={(day) => props.onChange({ dueAfter: day || undefined })}
        />
        <DayFilter
          label="Due before"
          value={props.params.dueBefore}
          onChange={(day) => props.onChange({ dueBefore: day || undefined })}
        />
        <Show when={props.view === 'list'}>
          <label class="filter">
            <span class="filter-label">Order</span>
            <select
              class="select select-small"
              value={order().field}
              onChange={(event) => {
                const field = orderFields.find((candidate) => candidate === event.currentTarget.value);
                if (field) props.onChange({ sort: sortParam(field) });
              }}
            >
              <For each={orderFields}>{(field) => <option value={field}>{orderLabels[field]}</option>}</For>
            </select>
          </label>
          <button
            type="button"
            class="button button-secondary button-small filter-direction"
            title={order().direction === 'ASC' ? 'Switch to descending' : 'Switch to ascending'}
            onClick={() => props.onChange({ dir: order().direction === 'ASC' ? 'desc' : undefined })}
          >
            <span aria-hidden="true">{order().direction === 'ASC' ? '↑' : '↓'}</span>{' '}
            {order().direction === 'ASC' ? 'Ascending' : 'Descending'}
          </button>
        </Show>
        <Show when={hasFilters(applied())}>
          <A href={`${props.path}${clearedQuery(props.view, props.params)}`} class="filter-clear">
            Clear filters
          </A>
        </Show>
      </div>
    </form>
  );
}
