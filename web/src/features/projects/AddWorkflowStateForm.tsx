// Adds a state as the board's last column.
import { createMutation } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { categoryLabels, stateCategories } from '../tasks/list-params.ts';
import { parseCategory } from './project-settings.ts';

const CreateWorkflowStateMutation = graphql(`
  mutation CreateWorkflowState($input: CreateWorkflowStateInput!) {
    createWorkflowState(input: $input) {
      id
      name
      color
      category
      taskCount
    }
  }
`);

const defaultCategory = 'STARTED';

export function AddWorkflowStateForm(props: { readonly projectId: string }): JSX.Element {
  const [, createState] = createMutation(CreateWorkflowStateMutation);
  const form = createFormSubmission({
    fields: ['name', 'category', 'color'],
    send: (value) =>
      createState({
        input: {
          projectId: props.projectId,
          name: value('name'),
          category: parseCategory(value('category')) ?? defaultCategory,
          color: value('color'),
        },
      }),
    onSuccess: (_data, element) => element.reset(),
  });

  return (
    <form class="form form-inline" onSubmit={form.onSubmit} novalidate aria-label="Add state">
      <h3>Add state</h3>
      <FormError message={form.formError()} />
      <div class="form-row form-row-even">
        <TextField
          label="State name"
          name="name"
          required
          maxLength={40}
          autocomplete="off"
          error={form.fieldError('name')}
        />
        <SelectField label="Category" name="category" error={form.fieldError('category')}>
          <For each={stateCategories}>
            {(category) => (
              <option value={category} selected={category === defaultCategory}>
                {categoryLabels[category]}
              </option>
            )}
          </For>
        </SelectField>
      </div>
      <TextField label="Colour" name="color" type="color" value="#6b7280" error={form.fieldError('color')} />
      <SubmitButton busy={form.busy()} busyLabel="Adding…">
        Add state
      </SubmitButton>
    </form>
  );
}
