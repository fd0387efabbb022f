// Yello's mark and name, linking home. The mark is drawn in the page (and written into index.html as the page's
// icon): no request of its own on the way to the first paint.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

export function Brand(): JSX.Element {
  return (
    <A href="/" class="brand">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#f5c518" />
        <path
          d="M9 9l7 8.5L23 9M16 17.5V24"
          fill="none"
          stroke="#1f1d1a"
          stroke-width="3.2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <span>Yello</span>
    </A>
  );
}
