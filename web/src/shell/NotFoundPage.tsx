// Any path Yello does not know.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { GuestCard } from '../components/GuestCard.tsx';
import { setPageTitle } from '../lib/page-title.ts';

export default function NotFoundPage(): JSX.Element {
  setPageTitle('Page not found');
  return (
    <GuestCard>
      <h1>Page not found</h1>
      <p class="lead">The page you asked for does not exist or has moved.</p>
      <A href="/" class="button button-primary">
        Go to Yello
      </A>
    </GuestCard>
  );
}
