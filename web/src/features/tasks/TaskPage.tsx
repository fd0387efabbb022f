// `/:slug/:taskKey` (e.g. /acme/YEL-42): a task with its fields edited in place, each change saved on its own
// (updateTask with that field only, shown at once and undone with a message when refused), comments and history.
// Teammates' changes show as they happen (the workspace's live events); one made to the title or the description
// while the user edits it keeps what they typed and tells them (edit-conflict.ts).
import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import type { VariablesOf } from 'gql.tada';
import {
  batch,
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  type JSX,
  onCleanup,
  Show,
} from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { setPageTitle } from '../../lib/page-title.ts';
import { withPathSegment } from '../../lib/redirect.ts';
import { useWorkspaceEvents } from '../workspaces/workspace-events.ts';
import { ActivityList } from './ActivityList.tsx';
import { timeAgo } from './activity.ts';
import { Comments } from './Comments.tsx';
import { changedUnderEdit, changedUnderEditMessage, type EditBase } from './edit-conflict.ts';
import { LabelPicker } from './LabelPicker.tsx';
import { Markdown } from './Markdown.tsx';
import { MarkdownEditor } from './MarkdownEditor.tsx';
import { parsePriority, priorities, priorityLabels } from './priority.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { loadEveryMember, TaskChoicesFields, taskChoices } from './task-choices.ts';

const TaskDetailQuery = graphql(
  `
  query TaskDetail($slug: String!, $key: String!) {
    task(workspaceSlug: $slug, key: $key) {
      id
      version
      key
      title
      description
      priority
      dueDate
      completedAt
      createdAt
      updatedAt
      creator {
        id
        name
      }
      assignee {
        id
        name
      }
      labels {
        id
        name
        color
      }
      state {
        id
        name
        category
        color
      }
      project {
        id
        key
        name
        states {
          id
          name
          category
          color
        }
        workspace {
          id
          viewerCan {
            writeContent
            updateSettings
          }
          ...TaskChoicesFields
        }
      }
    }
  }
  `,
  [TaskChoicesFields],
);

const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      id
      version
      title
      description
      priority
      dueDate
      completedAt
      updatedAt
      state {
        id
        name
        category
        color
      }
      assignee {
        id
        name
      }
      labels {
        id
        name
        color
      }
    }
  }
`);

const DeleteTaskMutation = graphql(`
  mutation DeleteTask($id: ID!) {
    deleteTask(id: $id)
  }
`);

type TaskChanges = Omit<VariablesOf<typeof UpdateTaskMutation>['input'], 'id'>;

type EditedField = 'title' | 'description';

/** Says that a field changed while the user was editing it; an always-present live region, empty otherwise. */
function ChangedUnderEdit(props: { readonly message: string | undefined }): JSX.Element {
  return (
    <p class="edit-conflict" role="status">
      {props.message}
    </p>
  );
}

export default function TaskPage(): JSX.Element {
  const params = useParams<{ slug: string; taskKey: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  const [task, refetch] = createQuery({
    query: TaskDetailQuery,
    variables: () => ({ slug: params.slug, key: params.taskKey }),
  });
  loadEveryMember(() => task.data?.task.project.workspace);
  // A key the task's project had before (or typed in lower case) finds it too; the URL then shows its current key.
  createEffect(() => {
    const key = task.data?.task.key;
    if (key && key !== params.taskKey) {
      navigate(withPathSegment(`${location.pathname}${location.search}`, 1, key), { replace: true });
    }
  });
  const [, updateTask] = createMutation(UpdateTaskMutation);
  const [, deleteTask] = createMutation(DeleteTaskMutation);
  const [saveError, setSaveError] = createSignal<string>();
  const [editingDescription, setEditingDescription] = createSignal(false);
  const [savingDescription, setSavingDescription] = createSignal(false);
  /** The title as typed, until it is saved or dropped, and where it started. */
  const [titleDraft, setTitleDraft] = createSignal<{ readonly base: EditBase; readonly text: string }>();
  /** The description as it was when its editor opened (the editor keeps what is typed). */
  const [descriptionBase, setDescriptionBase] = createSignal<EditBase>();
  /** Who last changed each field, as the workspace's live events tell, to name them. */
  const [changedBy, setChangedBy] = createSignal<Partial<Record<EditedField, string>>>({});
  const events = useWorkspaceEvents();
  if (events) {
    onCleanup(
      events.listen((event) => {
        if (event.__typename !== 'TaskUpdated' || !event.task || event.task.id !== task.data?.task.id) return;
        const who = event.actor?.name;
        const fields = event.fields.filter(
          (field): field is EditedField => field === 'title' || field === 'description',
        );
        if (who && fields.length > 0) {
          setChangedBy((named) => ({ ...named, ...Object.fromEntries(fields.map((field) => [field, who])) }));
        }
      }),
    );
  }
  const titleChanged = createMemo(() => {
    const draft = titleDraft();
    const now = task.data?.task;
    return Boolean(
      draft && now && changedUnderEdit(draft.base, { version: now.version, value: now.title }, draft.text),
    );
  });
  const descriptionChanged = createMemo(() => {
    const base = descriptionBase();
    const now = task.data?.task;
    return Boolean(
      base && now && !savingDescription() && changedUnderEdit(base, { version: now.version, value: now.description }),
    );
  });
  const openDescription = (): void => {
    const now = task.data?.task;
    if (now) setDescriptionBase({ version: now.version, value: now.description });
    setEditingDescription(true);
  };
  const closeDescription = (): void => {
    setEditingDescription(false);
    setDescriptionBase(undefined);
  };
  const ids = {
    title: createUniqueId(),
    state: createUniqueId(),
    priority: createUniqueId(),
    assignee: createUniqueId(),
    due: createUniqueId(),
  };
  createEffect(() => {
    const current = task.data?.task;
    if (current) setPageTitle(`${current.key} ${current.title}`);
  });

  /** Saves one field; the cache shows the change at once and drops it if the server refuses. */
  const save = async (changes: TaskChanges, what: string): Promise<boolean> => {
    const id = task.data?.task.id;
    if (!id) return false;
    const result = await updateTask({ input: { id, ...changes } });
    setSaveError(result.error ? `Could not change the ${what}: ${errorMessage(result.error)}` : undefined);
    return !result.error;
  };

  /** Saves the title typed (over anyone else's), then shows the task's title again instead of the draft. */
  const saveTitle = async (input: HTMLTextAreaElement): Promise<void> => {
    const title = input.value.trim();
    const current = task.data?.task.title ?? '';
    if (title && title !== current) await save({ title }, 'title');
    setTitleDraft(undefined);
    if (!title) input.value = current;
  };

  const saveDescription = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const value = new FormData(event.currentTarget).get('description');
    setSavingDescription(true);
    const saved = await save({ description: typeof value === 'string' ? value : '' }, 'description');
    batch(() => {
      setSavingDescription(false);
      if (saved) closeDescription();
    });
  };

  return (
    <QueryView
      state={task}
      loadingLabel="Loading the task…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      notFound={
        <div class="card empty-state">
          <h1>Task not found</h1>
          <p class="lead">There is no task {params.taskKey.toUpperCase()} in this workspace, or it was deleted.</p>
          <A href={`/${params.slug}/projects`} class="button button-primary">
            See the projects
          </A>
        </div>
      }
    >
      {(data) => {
        const current = () => data().task;
        const project = () => current().project;
        const canWrite = () => project().workspace.viewerCan.writeContent;
        const boardPath = () => `/${params.slug}/projects/${project().key}`;
        return (
          <div class="page wide-page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
              <A href={boardPath()}>{project().name}</A>
              <span aria-hidden="true">›</span>
              <span aria-current="page">{current().key}</span>
              <span class="breadcrumbs-end">
                <ShortcutHelp />
              </span>
            </nav>
            <Show when={saveError()}>
              {(message) => (
                <ErrorBanner message={message()} actionLabel="Dismiss" onAction={() => setSaveError(undefined)} />
              )}
            </Show>
            <Show when={canWrite()} fallback={<h1 class="task-title">{current().title}</h1>}>
              <h1 class="task-title">
                <label for={ids.title} class="visually-hidden">
                  Title
                </label>
                <textarea
                  id={ids.title}
                  class="title-input"
                  rows={1}
                  value={titleDraft()?.text ?? current().title}
                  maxLength={200}
                  onInput={(event) => {
                    const text = event.currentTarget.value;
                    setTitleDraft((draft) => ({
                      base: draft?.base ?? { version: current().version, value: current().title },
                      text,
                    }));
                  }}
                  onBlur={(event) => void saveTitle(event.currentTarget)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      event.currentTarget.blur();
                    }
                    if (event.key === 'Escape') {
                      setTitleDraft(undefined);
                      event.currentTarget.value = current().title;
                      event.currentTarget.blur();
                    }
                  }}
                />
              </h1>
              <ChangedUnderEdit
                message={
                  titleChanged()
                    ? `${changedUnderEditMessage(changedBy().title, 'title')} It is now “${current().title}”; your text is kept: Enter saves it over theirs, Escape takes theirs.`
                    : undefined
                }
              />
            </Show>
            <div class="task-layout">
              <div class="task-main">
                <section class="card" aria-labelledby="description-heading">
                  <div class="section-heading">
                    <h2 id="description-heading">Description</h2>
                    <Show when={canWrite() && !editingDescription()}>
                      <button type="button" class="button button-secondary button-small" onClick={openDescription}>
                        Edit
                      </button>
                    </Show>
                  </div>
                  <Show
                    when={editingDescription()}
                    fallback={
                      <Show when={current().description.trim()} fallback={<p class="empty-note">No description.</p>}>
                        <Markdown text={current().description} />
                      </Show>
                    }
                  >
                    <form class="form form-wide" onSubmit={saveDescription} novalidate>
                      <ChangedUnderEdit
                        message={
                          descriptionChanged()
                            ? `${changedUnderEditMessage(changedBy().description, 'description')} Your text is kept: saving replaces theirs, Cancel shows theirs.`
                            : undefined
                        }
                      />
                      <MarkdownEditor
                        label="Description"
                        name="description"
                        initial={current().description}
                        rows={10}
                        maxLength={50000}
                        autofocus
                        onCancel={closeDescription}
                      />
                      <div class="form-actions">
                        <SubmitButton busy={savingDescription()} busyLabel="Saving…">
                          Save description
                        </SubmitButton>
                        <button type="button" class="button button-secondary" onClick={closeDescription}>
                          Cancel
                        </button>
                      </div>
                    </form>
                  </Show>
                </section>
                <section class="card" aria-labelledby="comments-heading">
                  <h2 id="comments-heading">Comments</h2>
                  <Comments
                    slug={params.slug}
                    taskKey={params.taskKey}
                    taskId={current().id}
                    canWrite={canWrite()}
                    canModerate={project().workspace.viewerCan.updateSettings}
                  />
                </section>
                <section class="card" aria-labelledby="history-heading">
                  <h2 id="history-heading">History</h2>
                  <ActivityList slug={params.slug} taskKey={params.taskKey} />
                </section>
              </div>
              <aside class="card task-sidebar" aria-label="Properties">
                <div class="property">
                  <label for={ids.state}>State</label>
                  <select
                    id={ids.state}
                    class="select select-small"
                    disabled={!canWrite()}
                    onChange={(event) => void save({ stateId: event.currentTarget.value }, 'state')}
                  >
                    <For each={project().states}>
                      {(state) => (
                        <option value={state.id} selected={state.id === current().state.id}>
                          {state.name}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <div class="property">
                  <label for={ids.priority}>Priority</label>
                  <select
                    id={ids.priority}
                    class="select select-small"
                    disabled={!canWrite()}
                    onChange={(event) => {
                      const priority = parsePriority(event.currentTarget.value);
                      if (priority) void save({ priority }, 'priority');
                    }}
                  >
                    <For each={priorities}>
                      {(priority) => (
                        <option value={priority} selected={priority === current().priority}>
                          {priorityLabels[priority]}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <div class="property">
                  <label for={ids.assignee}>Assignee</label>
                  <select
                    id={ids.assignee}
                    class="select select-small"
                    disabled={!canWrite()}
                    onChange={(event) => void save({ assigneeId: event.currentTarget.value || null }, 'assignee')}
                  >
                    <option value="" selected={!current().assignee}>
                      Unassigned
                    </option>
                    <For each={taskChoices(project().workspace).assignees}>
                      {(person) => (
                        <option value={person.id} selected={person.id === current().assignee?.id}>
                          {person.name}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <div class="property">
                  <span class="property-label">Labels</span>
                  <LabelPicker
                    workspaceId={project().workspace.id}
                    labels={taskChoices(project().workspace).labels}
                    selected={current().labels}
                    disabled={!canWrite()}
                    onChange={(labelIds) => void save({ labelIds }, 'labels')}
                  />
                </div>
                <div class="property">
                  <label for={ids.due}>Due date</label>
                  <div class="inline-form">
                    <input
                      id={ids.due}
                      type="date"
                      class="input input-small"
                      disabled={!canWrite()}
                      value={current().dueDate ?? ''}
                      onChange={(event) => void save({ dueDate: event.currentTarget.value || null }, 'due date')}
                    />
                    <Show when={canWrite() && current().dueDate}>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => void save({ dueDate: null }, 'due date')}
                      >
                        Clear
                      </button>
                    </Show>
                  </div>
                </div>
                <p class="property-note">
                  Created {timeAgo(current().createdAt)}
                  {current().creator ? ` by ${current().creator?.name}` : ''} · updated {timeAgo(current().updatedAt)}
                </p>
                <Show when={canWrite()}>
                  <ConfirmButton
                    label="Delete task"
                    buttonClass="button button-secondary button-small"
                    title={`Delete ${current().key}?`}
                    confirmLabel="Delete task"
                    busyLabel="Deleting…"
                    onConfirm={async () => {
                      const result = await deleteTask({ id: current().id });
                      if (!result.error) navigate(boardPath(), { replace: true });
                      return result;
                    }}
                  >
                    <p>
                      {current().key} “{current().title}”, its comments and history are deleted for everyone. Its number
                      is not reused.
                    </p>
                  </ConfirmButton>
                </Show>
              </aside>
            </div>
          </div>
        );
      }}
    </QueryView>
  );
}
