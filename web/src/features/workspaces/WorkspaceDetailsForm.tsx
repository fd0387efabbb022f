// Rename the workspace or change its URL; after a new URL the page moves there.
import { useNavigate, useParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { WorkspaceFields } from './WorkspaceFields.tsx';

const UpdateWorkspaceMutation = graphql(`
  mutation UpdateWorkspace($input: UpdateWorkspaceInput!) {
    updateWorkspace(input: $input) {
      id
      name
      slug
    }
  }
`);

interface WorkspaceDetailsFormProps {
  readonly workspace: { readonly id: string; readonly name: string; readonly slug: string };
}

export function WorkspaceDetailsForm(props: WorkspaceDetailsFormProps): JSX.Element {
  const navigate = useNavigate();
  // The slug in the page's address: `props.workspace` may already carry the new one when the answer arrives (the
  // cache updates the workspace first), so that is no guide to whether the page must move.
  const params = useParams<{ slug: string }>();
  const [, updateWorkspace] = createMutation(UpdateWorkspaceMutation);
  const form = createFormSubmission({
    fields: ['name', 'slug'],
    send: (value) => updateWorkspace({ input: { id: props.workspace.id, name: value('name'), slug: value('slug') } }),
    onSuccess: ({ updateWorkspace: { slug } }) => {
      if (slug !== params.slug) navigate(`/${slug}/settings`, { replace: true });
    },
    successNotice: 'Saved.',
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <WorkspaceFields saved={props.workspace} errors={form.fieldError} />
      <div class="form-actions">
        <SubmitButton busy={form.busy()} busyLabel="Saving…">
          Save changes
        </SubmitButton>
        <FormNotice message={form.notice()} />
      </div>
    </form>
  );
}
