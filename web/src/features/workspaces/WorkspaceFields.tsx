// The name and URL fields of a workspace, shared by the create and settings forms. The URL follows the name
// (as a suggestion) until the user types one; its hint shows the address it gives.
import { createSignal, type JSX } from 'solid-js';
import { TextField } from '../../components/TextField.tsx';
import { suggestSlug } from './slug.ts';

interface WorkspaceFieldsProps {
  /** The saved values; without them (a new workspace) the fields start empty. */
  readonly saved?: { readonly name: string; readonly slug: string };
  readonly errors: (field: 'name' | 'slug') => string | undefined;
}

export function WorkspaceFields(props: WorkspaceFieldsProps): JSX.Element {
  const [name, setName] = createSignal(props.saved?.name ?? '');
  // Clearing the URL field hands it back to the suggestion.
  const [chosenSlug, setChosenSlug] = createSignal(props.saved?.slug);
  const slug = (): string => chosenSlug() ?? suggestSlug(name());

  return (
    <>
      <TextField
        label="Workspace name"
        name="name"
        autocomplete="organization"
        required
        maxLength={80}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={props.errors('name')}
      />
      <TextField
        label="URL"
        name="slug"
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        required
        maxLength={40}
        value={slug()}
        onInput={(event) => setChosenSlug(event.currentTarget.value || undefined)}
        hint={`${location.host}/${slug() || '…'} · 3 to 40 lower-case letters, digits and hyphens, starting with a letter.`}
        error={props.errors('slug')}
      />
    </>
  );
}
