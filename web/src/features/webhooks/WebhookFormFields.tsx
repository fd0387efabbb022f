// The fields of a webhook, shared by the create and edit forms: its URL, event types (in groups, each with a checkbox
// for all of it), projects (none chosen: every project) and description.
import { type JSX, Show } from 'solid-js';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { Field } from '../../components/Field.tsx';
import { TextField } from '../../components/TextField.tsx';
import { defaultEventTypes, eventTypeOptions, type WebhookEventType } from './event-types.ts';

export const webhookFields = ['url', 'eventTypes', 'projectIds', 'description'] as const;
export type WebhookField = (typeof webhookFields)[number];

interface Project {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

interface WebhookFormFieldsProps {
  /** The saved webhook; without it (a new one) the fields start empty, with every task event chosen. */
  readonly saved?: {
    readonly url: string;
    readonly description: string;
    readonly eventTypes: readonly WebhookEventType[];
    readonly projects: readonly Project[];
  };
  /** The workspace's projects to choose from. */
  readonly projects: readonly Project[];
  readonly errors: (field: WebhookField) => string | undefined;
}

export function WebhookFormFields(props: WebhookFormFieldsProps): JSX.Element {
  // The saved projects stay choosable even when the workspace's list leaves them out (archived ones).
  const projectOptions = () => {
    const saved = props.saved?.projects ?? [];
    const others = props.projects.filter((project) => !saved.some((chosen) => chosen.id === project.id));
    return [...saved, ...others].map((project) => ({ value: project.id, label: `${project.key} · ${project.name}` }));
  };

  return (
    <>
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        inputmode="url"
        autocomplete="off"
        spellcheck={false}
        required
        maxLength={2000}
        placeholder="https://example.com/yello-webhooks"
        value={props.saved?.url ?? ''}
        hint="Yello POSTs each event here, signed the Standard Webhooks way. It must be https and reachable from the internet."
        error={props.errors('url')}
      />
      <CheckboxGroupField
        label="Event types"
        name="eventTypes"
        options={eventTypeOptions}
        checked={props.saved?.eventTypes ?? defaultEventTypes}
        hint="Each delivery’s body carries the type shown beside its name."
        error={props.errors('eventTypes')}
      />
      <Show when={projectOptions().length > 0}>
        <CheckboxGroupField
          label="Limit to projects"
          name="projectIds"
          options={projectOptions()}
          checked={props.saved?.projects.map((project) => project.id) ?? []}
          hint="None chosen: every project. Events of the whole workspace (members, labels, its name) are always sent."
          error={props.errors('projectIds')}
        />
      </Show>
      <Field
        label="Description (optional)"
        hint="What it is for, at most 500 characters."
        error={props.errors('description')}
      >
        {(control) => (
          <textarea {...control} name="description" rows={2} maxLength={500} value={props.saved?.description ?? ''} />
        )}
      </Field>
    </>
  );
}
