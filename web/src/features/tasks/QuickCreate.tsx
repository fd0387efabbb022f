// "+ Add task" at the foot of a board column: a title field; Enter creates the task in that column and keeps
// the field open for the next one, Escape closes it.
import { createSignal, createUniqueId, type JSX, Show } from 'solid-js';
import { InlineError } from '../../components/InlineError.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { createTaskMutation } from './create-task.ts';

interface QuickCreateProps {
  readonly projectId: string;
  readonly stateId: string;
  readonly stateName: string;
  /** Says what was created, for the board's live region. */
  readonly onCreated: (message: string) => void;
}

export function QuickCreate(props: QuickCreateProps): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [, createTask] = createTaskMutation();
  const errorId = createUniqueId();
  let button: HTMLButtonElement | undefined;

  const close = (): void => {
    setOpen(false);
    setError(undefined);
    button?.focus();
  };

  /** Creations in the order they were asked for, one after the other, so the column keeps the order typed. */
  let queue: Promise<void> = Promise.resolve();

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    const input = form.elements.namedItem('title');
    if (!(input instanceof HTMLInputElement)) return;
    const title = input.value.trim();
    if (!title) return;
    // The field is ready for the next title at once: typing on while this one is created loses nothing, even
    // when the task's live event shows the card before the answer comes.
    input.value = '';
    input.focus();
    queue = queue.then(async () => {
      const result = await createTask({ input: { projectId: props.projectId, stateId: props.stateId, title } });
      if (result.error) {
        setError(errorMessage(result.error));
        // Given back to be corrected, unless the field holds the next title already.
        if (!input.value) input.value = title;
        return;
      }
      setError(undefined);
      if (result.data) props.onCreated(`Created ${result.data.createTask.key} in ${props.stateName}.`);
    });
  };

  return (
    <Show
      when={open()}
      fallback={
        <button ref={button} type="button" class="quick-create-button" onClick={() => setOpen(true)}>
          <span aria-hidden="true">+</span> Add task<span class="visually-hidden"> to {props.stateName}</span>
        </button>
      }
    >
      <form class="quick-create" onSubmit={submit} novalidate>
        <input
          name="title"
          class="input"
          placeholder="Task title, then Enter"
          aria-label={`New task in ${props.stateName}`}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? errorId : undefined}
          maxLength={200}
          autocomplete="off"
          ref={(input) => queueMicrotask(() => input.focus())}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        />
        <InlineError id={errorId} message={error()} />
        <div class="quick-create-actions">
          <button type="submit" class="button button-primary button-small">
            Add
          </button>
          <button type="button" class="button button-secondary button-small" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Show>
  );
}
