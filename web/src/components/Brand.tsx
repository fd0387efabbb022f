// Yello's mark and name, linking home.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import mark from '../assets/mark.svg';

export function Brand(): JSX.Element {
  return (
    <A href="/" class="brand">
      <img src={mark} alt="" width="28" height="28" />
      <span>Yello</span>
    </A>
  );
}
