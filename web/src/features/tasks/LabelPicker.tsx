// The task's labels: a disclosure with a checkbox per workspace label, and a field to create a label.
import { createMutation } from '@urql/solid';
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { InlineError } from '../../components/InlineError.tsx';
import { graphql } from '../../graphql.ts';
import { errorMessage } from '../../lib/errors.ts';
import { LabelChip } from './TaskCard.tsx';

/** Creates a workspace label; the label settings use it too. */
export const CreateLabelMutation = graphql(`
  mutation CreateLabel($input: CreateLabelInput!) {
    createLabel(input: $input) {
      id
      name
      color
    }
  }
`);

/** Colours for new labels, taken in turn. */
const labelPalette = ['#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#6e56cf', '#d6409f'] as const;

/** The colour for the workspace's next label, given how many it has. */
export const nextLabelColor = (count: number): string => labelPalette[count % labelPalette.length] ?? labelPalette[0];

interface Label {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

interface LabelPickerProps {
  readonly workspaceId: string;
  readonly labels: readonly Label[];
  readonly selected: readonly Label[];
  readonly disabled: boolean;
  /** Saves the complete set of labels. */
  readonly onChange: (labelIds: string[]) => void;
}

export function LabelPicker(props: LabelPickerProps): JSX.Element {
  const [, createLabel] = createMutation(CreateLabelMutation);
  const [error, setError] = createSignal<string>();
  const inputId = createUniqueId();
  const selectedIds = () => props.selected.map((label) => label.id);

  const toggle = (id: string, on: boolean): void => {
    props.onChange(on ? [...selectedIds(), id] : selectedIds().filter((selected) => selected !== id));
  };

  const create = async (input: HTMLInputElement): Promise<void> => {
    const name = input.value.trim();
    if (!name) return;
    const color = nextLabelColor(props.labels.length);
    const result = await createLabel({ input: { workspaceId: props.workspaceId, name, color } });
    setError(result.error ? errorMessage(result.error) : undefined);
    if (result.data) {
      input.value = '';
      props.onChange([...selectedIds(), result.data.createLabel.id]);
    }
  };

  return (
    <div class="label-picker">
      <div class="label-list">
        <For each={props.selected} fallback={<span class="muted">No labels</span>}>
          {(label) => <LabelChip name={label.name} color={label.color} />}
        </For>
      </div>
      <Show when={!props.disabled}>
        <details class="popover">
          <summary class="button button-secondary button-small">Edit labels</summary>
          <div class="popover-panel">
            <fieldset class="label-options">
              <legend class="visually-hidden">Labels</legend>
              <For each={props.labels} fallback={<p class="field-hint">No labels in this workspace yet.</p>}>
                {(label) => (
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={selectedIds().includes(label.id)}
                      onChange={(event) => toggle(label.id, event.currentTarget.checked)}
                    />
                    <LabelChip name={label.name} color={label.color} />
                  </label>
                )}
              </For>
            </fieldset>
            <label for={inputId} class="filter-label">
              New label
            </label>
            <div class="inline-form">
              <input
                id={inputId}
                class="input input-small"
                maxLength={40}
                placeholder="Name, then Enter"
                autocomplete="off"
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    void create(event.currentTarget);
                  }
                }}
              />
            </div>
            <InlineError message={error()} />
          </div>
        </details>
      </Show>
    </div>
  );
}
