// Creates a project (admins and owners) with the default states, and opens its board.
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { ProjectFields } from './ProjectFields.tsx';

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      key
    }
  }
`);

export function CreateProjectForm(props: { readonly workspaceId: string; readonly slug: string }): JSX.Element {
  const navigate = useNavigate();
  const [, createProject] = createMutation(CreateProjectMutation);
  const form = createFormSubmission({
    fields: ['name', 'key', 'description'],
    send: (value) =>
      createProject({
        input: {
          workspaceId: props.workspaceId,
          name: value('name'),
          key: value('key'),
          ...(value('description') ? { description: value('description') } : {}),
        },
      }),
    onSuccess: (data) => navigate(`/${props.slug}/projects/${data.createProject.key}`),
  });

  return (
    <form class="form form-inline" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <ProjectFields errors={form.fieldError} />
      <TextField
        label="Description"
        name="description"
        autocomplete="off"
        hint="Optional."
        error={form.fieldError('description')}
      />
      <SubmitButton busy={form.busy()} busyLabel="Creating project…">
        Create project
      </SubmitButton>
    </form>
  );
}
