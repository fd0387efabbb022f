// The workspace's labels on its settings page: writers rename, recolour, delete and add them; others read the list.
import { createMutation } from '@urql/solid';
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { InlineNameField } from '../../components/InlineNameField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { type FormErrors, toFormErrors } from '../../lib/errors.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { CreateLabelMutation, nextLabelColor } from '../tasks/LabelPicker.tsx';
import { LabelChip } from '../tasks/TaskCard.tsx';

const UpdateLabelMutation = graphql(`
  mutation UpdateLabel($input: UpdateLabelInput!) {
    updateLabel(input: $input) {
      id
      name
      color
    }
  }
`);

const DeleteLabelMutation = graphql(`
  mutation DeleteLabel($id: ID!) {
    deleteLabel(id: $id)
  }
`);

interface Label {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

interface LabelsSectionProps {
  readonly workspaceId: string;
  readonly labels: readonly Label[];
  readonly canWrite: boolean;
}

const labelFields = ['name', 'color'] as const;
const noErrors: FormErrors = { fieldErrors: {} };

function LabelRow(props: { readonly label: Label }): JSX.Element {
  const [, updateLabel] = createMutation(UpdateLabelMutation);
  const [, deleteLabel] = createMutation(DeleteLabelMutation);
  const [errors, setErrors] = createSignal(noErrors);
  const nameId = createUniqueId();

  const update = async (input: { name?: string; color?: string }): Promise<void> => {
    const result = await updateLabel({ input: { id: props.label.id, ...input } });
    setErrors(result.error ? toFormErrors(result.error, labelFields) : noErrors);
  };

  return (
    <li class="row label-row">
      <div class="row-details">
        <div class="form-row form-row-even">
          <InlineNameField
            name={props.label.name}
            maxLength={40}
            error={errors().fieldErrors.name}
            onSave={(name) => void update({ name })}
          />
          <TextField
            label={`Colour of ${props.label.name}`}
            name="color"
            type="color"
            value={props.label.color}
            onChange={(event) => void update({ color: event.currentTarget.value })}
            error={errors().fieldErrors.color}
          />
        </div>
        <p class="row-meta" id={nameId}>
          <LabelChip name={props.label.name} color={props.label.color} />
        </p>
        <InlineError message={errors().formError} />
      </div>
      <div class="row-actions">
        <ConfirmButton
          label="Delete"
          title={`Delete ${props.label.name}?`}
          confirmLabel="Delete label"
          busyLabel="Deleting…"
          buttonClass="button button-secondary button-small"
          describedBy={nameId}
          onConfirm={() => deleteLabel({ id: props.label.id })}
        >
          <p>The label {props.label.name} is removed from every task that has it.</p>
        </ConfirmButton>
      </div>
    </li>
  );
}

function AddLabelForm(props: { readonly workspaceId: string; readonly count: number }): JSX.Element {
  const [, createLabel] = createMutation(CreateLabelMutation);
  const form = createFormSubmission({
    fields: labelFields,
    send: (value) =>
      createLabel({ input: { workspaceId: props.workspaceId, name: value('name').trim(), color: value('color') } }),
    onSuccess: (_data, element) => element.reset(),
  });

  return (
    <form class="form form-inline" onSubmit={form.onSubmit} novalidate aria-label="Add label">
      <h3>Add label</h3>
      <FormError message={form.formError()} />
      <div class="form-row form-row-even">
        <TextField
          label="Label name"
          name="name"
          required
          maxLength={40}
          autocomplete="off"
          error={form.fieldError('name')}
        />
        <TextField
          label="Label colour"
          name="color"
          type="color"
          value={nextLabelColor(props.count)}
          error={form.fieldError('color')}
        />
      </div>
      <SubmitButton busy={form.busy()} busyLabel="Adding…">
        Add label
      </SubmitButton>
    </form>
  );
}

export function LabelsSection(props: LabelsSectionProps): JSX.Element {
  return (
    <section class="card" aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels</h2>
      <Show
        when={props.canWrite}
        fallback={
          <>
            <p class="card-lead">Members who write tasks can change these.</p>
            <div class="label-list">
              <For each={props.labels} fallback={<span class="muted">No labels yet.</span>}>
                {(label) => <LabelChip name={label.name} color={label.color} />}
              </For>
            </div>
          </>
        }
      >
        <p class="card-lead">Labels are shared by every project in the workspace.</p>
        <Show when={props.labels.length > 0} fallback={<p class="muted">No labels yet.</p>}>
          <ul class="rows">
            <For each={props.labels}>{(label) => <LabelRow label={label} />}</For>
          </ul>
        </Show>
        <AddLabelForm workspaceId={props.workspaceId} count={props.labels.length} />
      </Show>
    </section>
  );
}
