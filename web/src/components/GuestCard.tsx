// The centred card that frames pages outside the app: sign-in, invitations, not found.
import type { JSX } from 'solid-js';
import { Brand } from './Brand.tsx';

export function GuestCard(props: { readonly children: JSX.Element }): JSX.Element {
  return (
    <main class="guest">
      <div class="guest-card">
        <Brand />
        {props.children}
      </div>
    </main>
  );
}
