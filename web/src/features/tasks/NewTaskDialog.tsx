// "New task" (or `c`): a dialog asking for the title, state and priority, then opening nothing: the task shows up
// on the board and in the list, and its key is announced.
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { createFormSubmission } from '../../lib/form.ts';
import { createTaskMutation } from './create-task.ts';
import { parsePriority, priorities, priorityLabels } from './priority.ts';

interface NewTaskDialogProps {
  readonly projectId: string;
  readonly states: readonly { readonly id: string; readonly name: string; readonly category: string }[];
  /** Given the function that opens the dialog. */
  readonly opener: (open: () => void) => void;
}

export function NewTaskDialog(props: NewTaskDialogProps): JSX.Element {
  const [, createTask] = createTaskMutation();
  const [created, setCreated] = createSignal<string>();
  const titleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  // The form is rendered when the dialog is first opened, not with every page of the project (WEB-9.5).
  const [opened, setOpened] = createSignal(false);
  props.opener(() => {
    setOpened(true);
    dialog?.showModal();
  });
  const defaultState = () => props.states.find((state) => state.category === 'UNSTARTED') ?? props.states[0];
  const form = createFormSubmission({
    fields: ['title', 'stateId', 'priority'],
    send: (value) => {
      const priority = parsePriority(value('priority'));
      return createTask({
        input: {
          projectId: props.projectId,
          title: value('title'),
          stateId: value('stateId'),
          ...(priority ? { priority } : {}),
        },
      });
    },
    onSuccess: (data, element) => {
      setCreated(`Created ${data.createTask.key} in ${data.createTask.state.name}.`);
      element.reset();
      dialog?.close();
    },
  });

  return (
    <>
      <p class="visually-hidden" role="status">
        {created()}
      </p>
      <dialog
        ref={(element) => {
          dialog = element;
        }}
        class="dialog"
        aria-labelledby={titleId}
      >
        <Show when={opened()}>
          <form class="dialog-form" onSubmit={form.onSubmit} novalidate>
            <h2 id={titleId}>New task</h2>
            <FormError message={form.formError()} />
            <TextField
              label="Title"
              name="title"
              required
              maxLength={200}
              autocomplete="off"
              autofocus
              error={form.fieldError('title')}
            />
            <div class="form-row form-row-even">
              <SelectField label="State" name="stateId" error={form.fieldError('stateId')}>
                <For each={props.states}>
                  {(state) => (
                    <option value={state.id} selected={state.id === defaultState()?.id}>
                      {state.name}
                    </option>
                  )}
                </For>
              </SelectField>
              <SelectField label="Priority" name="priority" error={form.fieldError('priority')}>
                <For each={priorities}>
                  {(priority) => (
                    <option value={priority} selected={priority === 'NONE'}>
                      {priorityLabels[priority]}
                    </option>
                  )}
                </For>
              </SelectField>
            </div>
            <div class="dialog-actions">
              <button type="button" class="button button-secondary" onClick={() => dialog?.close()}>
                Cancel
              </button>
              <SubmitButton busy={form.busy()} busyLabel="Creating…">
                Create task
              </SubmitButton>
            </div>
          </form>
        </Show>
      </dialog>
    </>
  );
}
