// The name and key fields of a project, shared by the create and settings forms. For a new project the key
// follows the name (as a suggestion) until the user types one; it is written in capitals either way.
import { createSignal, type JSX } from 'solid-js';
import { TextField } from '../../components/TextField.tsx';
import { suggestKey } from './project-key.ts';

interface ProjectFieldsProps {
  /** The saved values; without them (a new project) the fields start empty. */
  readonly saved?: { readonly name: string; readonly key: string };
  readonly errors: (field: 'name' | 'key') => string | undefined;
}

export function ProjectFields(props: ProjectFieldsProps): JSX.Element {
  const [name, setName] = createSignal(props.saved?.name ?? '');
  // Clearing the key field hands it back to the suggestion.
  const [chosenKey, setChosenKey] = createSignal(props.saved?.key);
  const key = (): string => chosenKey() ?? suggestKey(name());

  return (
    <div class="form-row">
      <TextField
        label="Project name"
        name="name"
        required
        maxLength={80}
        autocomplete="off"
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={props.errors('name')}
      />
      <TextField
        label="Key"
        name="key"
        required
        maxLength={6}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        value={key()}
        onInput={(event) => setChosenKey(event.currentTarget.value.toUpperCase() || undefined)}
        hint={
          props.saved
            ? 'Changing it changes the task keys; links with the old key keep working.'
            : `Tasks: ${key() || 'KEY'}-1, …`
        }
        error={props.errors('key')}
      />
    </div>
  );
}
