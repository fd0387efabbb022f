// Code the board's first paint does not need (WEB-9.4): its drag and drop (board-dnd.tsx) is imported when the
// pointer first comes over the board (a press may follow), or at once when a card is pressed before then. A card can
// only be dragged once pressed, so a cold load of the board neither waits for it nor transfers it; and a press that
// came before it is handed to it once it has arrived, so that the card still lifts.
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { retryingLoad } from '../../shell/lazy-page.tsx';

export interface DeferredCode<Module> {
  /** The module, once loaded. */
  readonly module: Accessor<Module | undefined>;
  /** The pointer came over what the module will handle: imports it (unless it is loaded or on its way). */
  readonly prepare: () => void;
  /**
   * A press on what the module will handle (a card), before it is loaded: imports it at once and, if the pointer is
   * still down once it is in use, dispatches the press again on its target, as if the module had been listening.
   */
  readonly press: (event: PointerEvent) => void;
}

/**
 * The same press, dispatched anew: a pointer event of the same pointer, type, button and place. Its target is where
 * the original was, so that listeners on the way (a card's link) see it as they would have seen the original.
 */
export function pressAgain(event: PointerEvent): PointerEvent {
  return new PointerEvent(event.type, {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: event.view,
    pointerId: event.pointerId,
    pointerType: event.pointerType,
    isPrimary: event.isPrimary,
    width: event.width,
    height: event.height,
    pressure: event.pressure,
    tiltX: event.tiltX,
    tiltY: event.tiltY,
    button: event.button,
    buttons: event.buttons,
    clientX: event.clientX,
    clientY: event.clientY,
    screenX: event.screenX,
    screenY: event.screenY,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
  });
}

/**
 * Imports `load` when first asked (see `DeferredCode`), once; a failure is forgotten, so that the next press tries
 * again. Setting the module runs what depends on it at once (Solid runs the effects of a signal set outside a batch
 * before the setter returns): a press kept meanwhile is dispatched again after that.
 */
export function createDeferredCode<Module>(load: () => Promise<Module>): DeferredCode<Module> {
  const [module, setModule] = createSignal<Module>();
  const loadOnce = retryingLoad(load);
  let disposed = false;
  let kept: PointerEvent | undefined;
  let loading = false;

  /** While a press is kept, the browser's own drag of a link is prevented, as dnd-kit's sensor does once pressed. */
  const preventNativeDrag = (event: DragEvent): void => event.preventDefault();
  const forgetPress = (): void => {
    kept = undefined;
    document.removeEventListener('pointerup', forgetPress, true);
    document.removeEventListener('pointercancel', forgetPress, true);
    document.removeEventListener('dragstart', preventNativeDrag, true);
  };
  const loadNow = (): void => {
    if (loading) return;
    loading = true;
    loadOnce().then(
      (loaded) => {
        loading = false;
        if (disposed || module() !== undefined) return;
        setModule(() => loaded);
        const press = kept;
        forgetPress();
        if (press && press.target instanceof Node && press.target.isConnected) {
          press.target.dispatchEvent(pressAgain(press));
        }
      },
      // Dragging waits for the next press, which tries again; nothing else on the board needs it.
      () => {
        loading = false;
      },
    );
  };
  onCleanup(() => {
    disposed = true;
    forgetPress();
  });

  return {
    module,
    prepare() {
      if (module() === undefined) loadNow();
    },
    press(event) {
      if (module() !== undefined || !event.isPrimary || event.button !== 0) return;
      if (kept === undefined) {
        document.addEventListener('pointerup', forgetPress, true);
        document.addEventListener('pointercancel', forgetPress, true);
        document.addEventListener('dragstart', preventNativeDrag, true);
      }
      kept = event;
      loadNow();
    },
  };
}
