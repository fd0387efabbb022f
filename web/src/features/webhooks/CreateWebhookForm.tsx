// Create a webhook: its URL, event types, projects and description. Its signing secret is shown once, right after,
// with a Copy button, for the receiver's Standard Webhooks library.
import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type JSX, Show } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { parseEventTypes } from './event-types.ts';
import { WebhookFormFields, webhookFields } from './WebhookFormFields.tsx';
import { WebhookFields, webhookPath } from './webhook-fields.ts';

const CreateWebhookMutation = graphql(
  `
    mutation CreateWebhook($input: CreateWebhookInput!) {
      createWebhook(input: $input) {
        secret
        webhook {
          id
          url
          ...WebhookFields
        }
      }
    }
  `,
  [WebhookFields],
);

interface CreateWebhookFormProps {
  readonly workspaceId: string;
  readonly slug: string;
  readonly projects: readonly { readonly id: string; readonly key: string; readonly name: string }[];
}

export function CreateWebhookForm(props: CreateWebhookFormProps): JSX.Element {
  const [, createWebhook] = createMutation(CreateWebhookMutation);
  // The secret exists only in this response: the server cannot show it again.
  const [created, setCreated] = createSignal<{ readonly id: string; readonly url: string; readonly secret: string }>();
  const form = createFormSubmission({
    fields: webhookFields,
    send: (value, values) =>
      createWebhook({
        input: {
          workspaceId: props.workspaceId,
          url: value('url').trim(),
          eventTypes: parseEventTypes(values('eventTypes')),
          projectIds: values('projectIds'),
          description: value('description'),
        },
      }),
    onSuccess: ({ createWebhook: { secret, webhook } }, element) => {
      setCreated({ id: webhook.id, url: webhook.url, secret });
      for (const name of ['url', 'description']) {
        const field = element.elements.namedItem(name);
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = '';
      }
    },
    successNotice: 'Webhook created. Copy its secret below.',
  });

  return (
    <>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <WebhookFormFields projects={props.projects} errors={form.fieldError} />
        <div class="form-actions">
          <SubmitButton busy={form.busy()} busyLabel="Creating…">
            Create webhook
          </SubmitButton>
          <FormNotice message={form.notice()} />
        </div>
      </form>
      <Show when={created()}>
        {(webhook) => (
          <OneTimeSecret
            label="Signing secret"
            secret={webhook().secret}
            onDone={() => setCreated(undefined)}
            actions={<A href={webhookPath(props.slug, webhook().id)}>See its deliveries</A>}
          >
            <p>
              <strong>Copy the signing secret of {webhook().url} now: it will not be shown again.</strong> Give it to
              your receiver’s Standard Webhooks library to check that each delivery comes from Yello. If you lose it,
              rotate the secret.
            </p>
          </OneTimeSecret>
        )}
      </Show>
    </>
  );
}
