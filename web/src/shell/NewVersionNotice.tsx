// The offer to reload when the server runs a new build of Yello (WEB-4.2): a notice over the corner of the page that
// blocks nothing, and what a page shows in its place when its code went with the old build. Nothing reloads until
// the user chooses to, so what they are typing stays.
import { type JSX, Show } from 'solid-js';
import { useDeployment } from '../lib/deployment.ts';

export const newVersionMessage = 'A new version of Yello is available.';

const reloadPage = (): void => location.reload();

interface ReloadProps {
  /** What Reload does; reloading the page unless told otherwise (tests). */
  readonly onReload?: () => void;
}

/** A live region that is always there, so that the notice is announced when it appears. */
export function NewVersionNotice(props: ReloadProps): JSX.Element {
  const deployment = useDeployment();
  return (
    <div class="version-notice-region" role="status">
      <Show when={deployment?.newVersion()}>
        <div class="version-notice">
          <span>{newVersionMessage}</span>
          <button
            type="button"
            class="button button-small button-primary"
            onClick={() => (props.onReload ?? reloadPage)()}
          >
            Reload
          </button>
        </div>
      </Show>
    </div>
  );
}

/** In a page's place when its code is gone with the old build (the notice, a live region, announces the news). */
export function NewVersionOffer(props: ReloadProps): JSX.Element {
  return (
    <div class="banner page-notice">
      <span>{newVersionMessage} Reload to open this page.</span>
      <button type="button" class="button button-small" onClick={() => (props.onReload ?? reloadPage)()}>
        Reload
      </button>
    </div>
  );
}
