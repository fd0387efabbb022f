// One board column's state in the project settings: rename, recolour and recategorise it in place, move it up or
// down, or delete it after choosing where its tasks go.
import { createMutation } from '@urql/solid';
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { InlineNameField } from '../../components/InlineNameField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage, type FormErrors, toFormErrors } from '../../lib/errors.ts';
import { categoryLabels, type StateCategory, stateCategories } from '../tasks/list-params.ts';
import { parseCategory, stateMove } from './project-settings.ts';

const UpdateWorkflowStateMutation = graphql(`
  mutation UpdateWorkflowState($input: UpdateWorkflowStateInput!) {
    updateWorkflowState(input: $input) {
      id
      name
      color
      category
    }
  }
`);

const MoveWorkflowStateMutation = graphql(`
  mutation MoveWorkflowState($input: MoveWorkflowStateInput!) {
    moveWorkflowState(input: $input) {
      id
    }
  }
`);

const DeleteWorkflowStateMutation = graphql(`
  mutation DeleteWorkflowState($input: DeleteWorkflowStateInput!) {
    deleteWorkflowState(input: $input)
  }
`);

export interface WorkflowStateItem {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly category: StateCategory;
  readonly taskCount: number;
}

interface WorkflowStateRowProps {
  readonly state: WorkflowStateItem;
  /** Every state of the project, in board order. */
  readonly states: readonly WorkflowStateItem[];
}

const stateFields = ['name', 'color', 'category'] as const;
const noErrors: FormErrors = { fieldErrors: {} };

/** An error without a field (CONFLICT for a taken name) belongs to the one control that was changed. */
function fieldErrorsOf(errors: FormErrors, input: object): FormErrors {
  const [field, ...rest] = Object.keys(input);
  if (!errors.formError || Object.keys(errors.fieldErrors).length > 0 || !field || rest.length > 0) return errors;
  return { fieldErrors: { [field]: errors.formError } };
}

export function WorkflowStateRow(props: WorkflowStateRowProps): JSX.Element {
  const [, updateState] = createMutation(UpdateWorkflowStateMutation);
  const [, moveState] = createMutation(MoveWorkflowStateMutation);
  const [, deleteState] = createMutation(DeleteWorkflowStateMutation);
  const [errors, setErrors] = createSignal(noErrors);
  const others = () => props.states.filter((state) => state.id !== props.state.id);
  const [target, setTarget] = createSignal<string>();
  const moveTasksTo = () => target() ?? others()[0]?.id;
  const nameId = createUniqueId();

  const update = async (input: { name?: string; color?: string; category?: StateCategory }): Promise<void> => {
    const result = await updateState({ input: { id: props.state.id, ...input } });
    setErrors(result.error ? fieldErrorsOf(toFormErrors(result.error, stateFields), input) : noErrors);
  };

  const move = async (direction: 'up' | 'down'): Promise<void> => {
    const placement = stateMove(props.states, props.state.id, direction);
    if (!placement) return;
    const result = await moveState({ input: { id: props.state.id, ...placement } });
    setErrors(result.error ? { fieldErrors: {}, formError: errorMessage(result.error) } : noErrors);
  };

  return (
    <li class="row workflow-state-row">
      <span class="color-dot" style={{ background: props.state.color }} aria-hidden="true" />
      <div class="row-details">
        <div class="form-row form-row-even">
          <InlineNameField
            name={props.state.name}
            maxLength={40}
            error={errors().fieldErrors.name}
            onSave={(name) => void update({ name })}
          />
          <SelectField
            label={`Category of ${props.state.name}`}
            name="category"
            onChange={(event) => {
              const category = parseCategory(event.currentTarget.value);
              if (category) void update({ category });
            }}
            error={errors().fieldErrors.category}
          >
            <For each={stateCategories}>
              {(category) => (
                <option value={category} selected={category === props.state.category}>
                  {categoryLabels[category]}
                </option>
              )}
            </For>
          </SelectField>
        </div>
        <TextField
          label={`Colour of ${props.state.name}`}
          name="color"
          type="color"
          value={props.state.color}
          onChange={(event) => void update({ color: event.currentTarget.value })}
          error={errors().fieldErrors.color}
        />
        <p class="row-meta" id={nameId}>
          {props.state.name} · {props.state.taskCount === 1 ? '1 task' : `${props.state.taskCount} tasks`}
        </p>
        <InlineError message={errors().formError} />
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="button button-secondary button-small"
          aria-label={`Move ${props.state.name} up`}
          disabled={props.states[0]?.id === props.state.id}
          onClick={() => void move('up')}
        >
          ↑
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          aria-label={`Move ${props.state.name} down`}
          disabled={props.states.at(-1)?.id === props.state.id}
          onClick={() => void move('down')}
        >
          ↓
        </button>
        <ConfirmButton
          label="Delete"
          title={`Delete ${props.state.name}?`}
          confirmLabel="Delete state"
          busyLabel="Deleting…"
          buttonClass="button button-secondary button-small"
          describedBy={nameId}
          onConfirm={() => {
            const moveTo = moveTasksTo();
            return deleteState({
              input: {
                id: props.state.id,
                ...(props.state.taskCount > 0 && moveTo ? { moveTasksToStateId: moveTo } : {}),
              },
            });
          }}
        >
          <Show
            when={props.state.taskCount > 0}
            fallback={<p>The column {props.state.name} has no tasks; it leaves the board.</p>}
          >
            <p>
              {props.state.name} has {props.state.taskCount === 1 ? '1 task' : `${props.state.taskCount} tasks`}. Move
              them to:
            </p>
            <SelectField
              label="Move tasks to"
              name="moveTasksToStateId"
              onChange={(event) => setTarget(event.currentTarget.value)}
            >
              <For each={others()}>
                {(state) => (
                  <option value={state.id} selected={state.id === moveTasksTo()}>
                    {state.name}
                  </option>
                )}
              </For>
            </SelectField>
          </Show>
        </ConfirmButton>
      </div>
    </li>
  );
}
