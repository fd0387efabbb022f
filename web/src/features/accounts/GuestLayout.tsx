// Frame of the sign-in pages; a visitor who is (or becomes) signed in goes on to the page they asked for.
import { type RouteSectionProps, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, type JSX, Suspense } from 'solid-js';
import { GuestCard } from '../../components/GuestCard.tsx';
import { useAuth } from '../../lib/auth.ts';
import { pathAfterSignIn } from '../../lib/redirect.ts';

export function GuestLayout(props: RouteSectionProps): JSX.Element {
  const auth = useAuth();
  const navigate = useNavigate();
  const [search] = useSearchParams();

  createEffect(() => {
    if (auth.status() === 'signedIn') navigate(pathAfterSignIn(search.next), { replace: true });
  });

  return (
    <GuestCard>
      <Suspense>{props.children}</Suspense>
    </GuestCard>
  );
}
