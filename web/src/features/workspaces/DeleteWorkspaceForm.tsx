// The owner's danger zone: deleting the workspace with everything in it, after typing its slug.
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';

const DeleteWorkspaceMutation = graphql(`
  mutation DeleteWorkspace($input: DeleteWorkspaceInput!) {
    deleteWorkspace(input: $input)
  }
`);

interface DeleteWorkspaceFormProps {
  readonly workspace: { readonly id: string; readonly name: string; readonly slug: string };
}

export function DeleteWorkspaceForm(props: DeleteWorkspaceFormProps): JSX.Element {
  const navigate = useNavigate();
  const [, deleteWorkspace] = createMutation(DeleteWorkspaceMutation);
  const form = createFormSubmission({
    fields: ['confirmSlug'],
    send: (value) => deleteWorkspace({ input: { id: props.workspace.id, confirmSlug: value('confirmSlug') } }),
    onSuccess: () => navigate('/', { replace: true }),
  });

  return (
    <section class="card card-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete workspace</h2>
      <p class="card-lead">
        Deletes {props.workspace.name} with its members, invitations, projects and tasks, for everyone. This cannot be
        undone.
      </p>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <TextField
          label={`Type ${props.workspace.slug} to confirm`}
          name="confirmSlug"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          required
          error={form.fieldError('confirmSlug')}
        />
        <SubmitButton danger busy={form.busy()} busyLabel="Deleting…">
          Delete workspace
        </SubmitButton>
      </form>
    </section>
  );
}
