// Opens an invitation from its pasted link (or bare token).
import { useNavigate } from '@solidjs/router';
import { createSignal, type JSX } from 'solid-js';
import { TextField } from '../../components/TextField.tsx';
import { invitationToken } from './invitation-link.ts';

export function JoinByLinkForm(): JSX.Element {
  const navigate = useNavigate();
  const [error, setError] = createSignal<string>();

  const onSubmit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    const pasted = new FormData(event.currentTarget).get('link');
    const token = typeof pasted === 'string' ? invitationToken(pasted) : undefined;
    if (token) navigate(`/invite/${token}`);
    else {
      setError('Paste the whole link from your invitation; it contains /invite/.');
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  };

  return (
    <form class="form" onSubmit={onSubmit} novalidate>
      <TextField
        label="Invitation link"
        name="link"
        type="url"
        inputMode="url"
        autocomplete="off"
        placeholder={`${location.origin}/invite/…`}
        required
        error={error()}
      />
      <button type="submit" class="button button-secondary">
        Open invitation
      </button>
    </form>
  );
}
