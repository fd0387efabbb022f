// A failure said in a banner, with the one thing to do about it (try again, dismiss).
import type { JSX } from 'solid-js';

interface ErrorBannerProps {
  readonly message: string;
  readonly actionLabel: string;
  readonly onAction: () => void;
}

export function ErrorBanner(props: ErrorBannerProps): JSX.Element {
  return (
    <div class="banner banner-error query-error" role="alert">
      <span>{props.message}</span>
      <button type="button" class="button button-small" onClick={() => props.onAction()}>
        {props.actionLabel}
      </button>
    </div>
  );
}
