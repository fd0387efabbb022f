// Change a webhook's URL, event types, projects or description.
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { parseEventTypes, type WebhookEventType } from './event-types.ts';
import { WebhookFormFields, webhookFields } from './WebhookFormFields.tsx';
import { WebhookFields } from './webhook-fields.ts';

export const UpdateWebhookMutation = graphql(
  `
    mutation UpdateWebhook($input: UpdateWebhookInput!) {
      updateWebhook(input: $input) {
        id
        enabled
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);

interface Project {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

interface EditWebhookFormProps {
  readonly webhook: {
    readonly id: string;
    readonly url: string;
    readonly description: string;
    readonly eventTypes: readonly WebhookEventType[];
    readonly projects: readonly Project[];
  };
  readonly projects: readonly Project[];
}

export function EditWebhookForm(props: EditWebhookFormProps): JSX.Element {
  const [, updateWebhook] = createMutation(UpdateWebhookMutation);
  const form = createFormSubmission({
    fields: webhookFields,
    send: (value, values) =>
      updateWebhook({
        input: {
          id: props.webhook.id,
          url: value('url').trim(),
          eventTypes: parseEventTypes(values('eventTypes')),
          projectIds: values('projectIds'),
          description: value('description'),
        },
      }),
    successNotice: 'Saved.',
  });

  return (
    <form class="form" onSubmit={form.onSubmit} novalidate>
      <FormError message={form.formError()} />
      <WebhookFormFields saved={props.webhook} projects={props.projects} errors={form.fieldError} />
      <div class="form-actions">
        <SubmitButton busy={form.busy()} busyLabel="Saving…">
          Save changes
        </SubmitButton>
        <FormNotice message={form.notice()} />
      </div>
    </form>
  );
}
