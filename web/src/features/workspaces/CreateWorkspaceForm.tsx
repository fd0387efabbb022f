// Creates a workspace (the user becomes its owner) and opens it.
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { WorkspaceFields } from './WorkspaceFields.tsx';

const CreateWorkspaceMutation = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      id
      slug
    }
  }
`);

export function CreateWorkspaceForm(): JSX.Element {
  const navigate = useNavigate();
  const [, createWorkspace] = createMutation(CreateWorkspaceMutation);
  const form = createFormSubmission({
    fields: ['name', 'slug'],
    send: (value) => createWorkspace({ input: { name: value('name'), slug: value('slug') } }),
    onSuccess: (data) => navigate(`/${data.createWorkspace.slug}`),
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <WorkspaceFields errors={form.fieldError} />
      <SubmitButton busy={form.busy()} busyLabel="Creating workspace…">
        Create workspace
      </SubmitButton>
    </form>
  );
}
