// The initial of a person or a workspace, as a round (person) or square (workspace) mark; decorative.
import type { JSX } from 'solid-js';

interface AvatarProps {
  readonly name: string;
  readonly kind?: 'person' | 'workspace';
  readonly size?: 'small' | 'medium' | 'large';
}

export function Avatar(props: AvatarProps): JSX.Element {
  return (
    <span class={`avatar avatar-${props.kind ?? 'person'} avatar-${props.size ?? 'large'}`} aria-hidden="true">
      {props.name.trim().charAt(0).toUpperCase()}
    </span>
  );
}
