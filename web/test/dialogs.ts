// jsdom has no modal dialogs: these stand-ins for `showModal` and `close` do what the confirmation dialogs
// (components/ConfirmButton.tsx) need of them. Call `stubModalDialogs()` at the top of a test file.
import { afterAll, beforeAll } from 'vitest';

export function stubModalDialogs(): void {
  beforeAll(() => {
    Object.assign(HTMLDialogElement.prototype, {
      showModal(this: HTMLDialogElement) {
        this.setAttribute('open', '');
      },
      close(this: HTMLDialogElement) {
        this.removeAttribute('open');
        this.dispatchEvent(new Event('close'));
      },
    });
  });

  afterAll(() => {
    Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
    Reflect.deleteProperty(HTMLDialogElement.prototype, 'close');
  });
}
