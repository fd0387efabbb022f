// Rename the project, change its key, description or lead; only the changed fields are sent. After a new key
// the project layout puts it in the URL, as for any old key.
import { createMutation } from '@urql/solid';
import { For, type JSX } from 'solid-js';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { ProjectFields } from './ProjectFields.tsx';
import { leadIdOf, noLead, projectChanges } from './project-settings.ts';

const UpdateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      id
      name
      key
      description
      lead {
        id
        name
      }
    }
  }
`);

interface ProjectDetailsFormProps {
  readonly project: {
    readonly id: string;
    readonly name: string;
    readonly key: string;
    readonly description: string;
    readonly lead: { readonly id: string } | null;
  };
  readonly members: readonly { readonly id: string; readonly name: string }[];
}

export function ProjectDetailsForm(props: ProjectDetailsFormProps): JSX.Element {
  const [, updateProject] = createMutation(UpdateProjectMutation);
  const form = createFormSubmission({
    fields: ['name', 'key', 'description', 'leadId'],
    send: (value) => {
      const saved = { ...props.project, leadId: props.project.lead?.id ?? null };
      const next = {
        name: value('name'),
        key: value('key'),
        description: value('description'),
        leadId: leadIdOf(value('leadId')),
      };
      return updateProject({ input: { id: props.project.id, ...projectChanges(saved, next) } });
    },
    successNotice: 'Saved.',
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <ProjectFields saved={props.project} errors={form.fieldError} />
      <Field label="Description" error={form.fieldError('description')}>
        {(control) => <textarea {...control} name="description" rows={4} value={props.project.description} />}
      </Field>
      <SelectField label="Lead" name="leadId" error={form.fieldError('leadId')}>
        <option value={noLead} selected={!props.project.lead}>
          No lead
        </option>
        <For each={props.members}>
          {(member) => (
            <option value={member.id} selected={member.id === props.project.lead?.id}>
              {member.name}
            </option>
          )}
        </For>
      </SelectField>
      <div class="form-actions">
        <SubmitButton busy={form.busy()} busyLabel="Saving…">
          Save changes
        </SubmitButton>
        <FormNotice message={form.notice()} />
      </div>
    </form>
  );
}
