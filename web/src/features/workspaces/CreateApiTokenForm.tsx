// Create an API token: a name, its scopes and when it expires. Its secret is shown once, right after, with a Copy
// button and a request to try it with; the server keeps only a hash of it.
import { createMutation } from '@urql/solid';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { FormNotice } from '../../components/FormNotice.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import {
  curlExample,
  defaultExpiry,
  expiryChoices,
  expiryOf,
  expiryOnDate,
  parseScopes,
  scopeDescriptions,
  scopeLabels,
  tokenScopes,
} from './api-tokens.ts';
import { roleLabels, type WorkspaceRole } from './roles.ts';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
      }
    }
  }
`);

interface CreateApiTokenFormProps {
  readonly workspaceId: string;
  readonly slug: string;
  /** The viewer's role: no token of theirs does more. */
  readonly role: WorkspaceRole;
}

const scopeOptions = tokenScopes.map((scope) => ({
  value: scope,
  label: scopeLabels[scope],
  description: scopeDescriptions[scope],
}));

export function CreateApiTokenForm(props: CreateApiTokenFormProps): JSX.Element {
  const [, createApiToken] = createMutation(CreateApiTokenMutation);
  const [expiry, setExpiry] = createSignal<string>(defaultExpiry);
  const [expiryDate, setExpiryDate] = createSignal('');
  const expiresAt = () => expiryOf(expiry(), expiryDate(), new Date());
  // The secret exists only in this response: the server cannot show it again.
  const [created, setCreated] = createSignal<{ readonly name: string; readonly secret: string }>();
  const form = createFormSubmission({
    fields: ['name', 'scopes', 'expiresAt'],
    check: () => (expiresAt() ? {} : { expiresAt: 'Choose the day it expires.' }),
    send: (value, values) =>
      createApiToken({
        input: {
          workspaceId: props.workspaceId,
          name: value('name'),
          scopes: parseScopes(values('scopes')),
          expiresAt: expiresAt()?.toISOString() ?? '',
        },
      }),
    onSuccess: ({ createApiToken: { secret, token } }, element) => {
      setCreated({ name: token.name, secret });
      const name = element.elements.namedItem('name');
      if (name instanceof HTMLInputElement) name.value = '';
    },
    successNotice: 'Token created. Copy its secret below.',
  });

  return (
    <>
      <form class="form" onSubmit={form.onSubmit} novalidate>
        <FormError message={form.formError()} />
        <TextField
          label="Token name"
          name="name"
          required
          maxLength={80}
          autocomplete="off"
          hint="What it is for, e.g. “Deploy bot”."
          error={form.fieldError('name')}
        />
        <CheckboxGroupField
          label="Scopes"
          name="scopes"
          options={scopeOptions}
          checked={['READ']}
          hint={`Your role here is ${roleLabels[props.role]}: a token never does more than your role allows, whatever its scopes.`}
          error={form.fieldError('scopes')}
        />
        <div class="form-row form-row-even">
          <SelectField
            label="Expires"
            name="expiry"
            onChange={(event) => setExpiry(event.currentTarget.value)}
            error={expiry() === expiryOnDate ? undefined : form.fieldError('expiresAt')}
          >
            <For each={expiryChoices}>
              {(choice) => (
                <option value={choice.value} selected={choice.value === defaultExpiry}>
                  {choice.label}
                </option>
              )}
            </For>
            <option value={expiryOnDate}>On a date…</option>
          </SelectField>
          <Show when={expiry() === expiryOnDate}>
            <TextField
              label="Expiry date"
              name="expiresOn"
              type="date"
              required
              hint="It stops working at the end of that day, at most a year from now."
              value={expiryDate()}
              onInput={(event) => setExpiryDate(event.currentTarget.value)}
              error={form.fieldError('expiresAt')}
            />
          </Show>
        </div>
        <div class="form-actions">
          <SubmitButton busy={form.busy()} busyLabel="Creating…">
            Create token
          </SubmitButton>
          <FormNotice message={form.notice()} />
        </div>
      </form>
      <Show when={created()}>
        {(token) => (
          <OneTimeSecret
            label="Secret"
            secret={token().secret}
            onDone={() => setCreated(undefined)}
            usage={
              <>
                <p>Try it from a terminal:</p>
                <pre class="code-block">
                  <code>{curlExample(location.origin, token().secret, props.slug)}</code>
                </pre>
              </>
            }
          >
            <p>
              <strong>Copy the secret of “{token().name}” now: it will not be shown again.</strong> Yello keeps only a
              fingerprint of it. If you lose it, revoke the token and create another.
            </p>
          </OneTimeSecret>
        )}
      </Show>
    </>
  );
}
