// What an admin does to a webhook as a whole, with why Yello disabled it if it did: pause or resume it (resuming clears
// the failure state Yello disabled it for), give it a new secret (shown once; the old one still signs for 24 hours), or delete it with its log.
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, type JSX, Show } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { formatDateTime } from '../workspaces/format.ts';
import { UpdateWebhookMutation } from './EditWebhookForm.tsx';

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook {
        id
        previousSecretExpiresAt
      }
    }
  }
`);

const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

interface WebhookActionsProps {
  readonly slug: string;
  readonly webhook: {
    readonly id: string;
    readonly url: string;
    readonly enabled: boolean;
    readonly disabledReason: string | null;
    readonly previousSecretExpiresAt: string | null;
  };
  /** Names the webhook for the buttons, e.g. its heading's id. */
  readonly describedBy: string;
}

export function WebhookActions(props: WebhookActionsProps): JSX.Element {
  const navigate = useNavigate();
  const [, updateWebhook] = createMutation(UpdateWebhookMutation);
  const [, rotateWebhookSecret] = createMutation(RotateWebhookSecretMutation);
  const [, deleteWebhook] = createMutation(DeleteWebhookMutation);
  // The new secret exists only in this response: the server cannot show it again.
  const [secret, setSecret] = createSignal<string>();
  const [toggled, setToggled] = createSignal<string>();
  const toggle = createFormSubmission({
    fields: [],
    send: () => updateWebhook({ input: { id: props.webhook.id, enabled: !props.webhook.enabled } }),
    onSuccess: ({ updateWebhook: { enabled } }) => setToggled(enabled ? 'Enabled: deliveries resume.' : 'Disabled.'),
  });

  const rotate = async () => {
    const result = await rotateWebhookSecret({ id: props.webhook.id });
    if (result.data) setSecret(result.data.rotateWebhookSecret.secret);
    return result;
  };
  const remove = async () => {
    const result = await deleteWebhook({ id: props.webhook.id });
    if (!result.error) navigate(`/${props.slug}/settings/webhooks`, { replace: true });
    return result;
  };

  return (
    <>
      <form class="form webhook-toggle" onSubmit={toggle.onSubmit} novalidate>
        <FormError message={toggle.formError()} />
        <Show when={props.webhook.disabledReason}>
          {(reason) => <p class="webhook-disabled-reason">Yello disabled it: {reason()}</p>}
        </Show>
        <p class="card-lead">
          {props.webhook.enabled
            ? 'Disabling it pauses deliveries; events are kept for it, and sent in order once it is enabled again.'
            : 'Deliveries are paused. Enabling it sends the events kept since, in order, and clears its failures.'}
        </p>
        <div class="form-actions">
          <SubmitButton secondary busy={toggle.busy()} busyLabel={props.webhook.enabled ? 'Disabling…' : 'Enabling…'}>
            {props.webhook.enabled ? 'Disable' : 'Enable'}
          </SubmitButton>
          <FormNotice message={toggled()} />
        </div>
      </form>
      <div class="form-actions">
        <ConfirmButton
          label="Rotate secret"
          describedBy={props.describedBy}
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          busyLabel="Rotating…"
          onConfirm={rotate}
        >
          <p>
            Yello makes a new secret and shows it once. For the next 24 hours each delivery is signed with both the new
            and the old secret, so you can move your receiver to the new one; then the old one stops working.
          </p>
        </ConfirmButton>
        <ConfirmButton
          label="Delete"
          describedBy={props.describedBy}
          title="Delete this webhook?"
          confirmLabel="Delete webhook"
          busyLabel="Deleting…"
          onConfirm={remove}
        >
          <p>Nothing more is sent to {props.webhook.url}, and its delivery log is deleted. This cannot be undone.</p>
        </ConfirmButton>
      </div>
      <Show when={secret()}>
        {(value) => (
          <OneTimeSecret label="New signing secret" secret={value()} onDone={() => setSecret(undefined)}>
            <p>
              <strong>Copy the new signing secret now: it will not be shown again.</strong>
              <Show when={props.webhook.previousSecretExpiresAt}>
                {(until) => <> The old secret signs deliveries too until {formatDateTime(until())}.</>}
              </Show>
            </p>
          </OneTimeSecret>
        )}
      </Show>
    </>
  );
}
