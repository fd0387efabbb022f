// Loading the board's drag and drop when the pointer comes over the board, or at once for an early press (WEB-9.4).
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeferredCode, type DeferredCode } from './board-dnd-loader.ts';

/** What the tests load: a stand-in for board-dnd.tsx, whose contents the loader never reads. */
const code = { name: 'drag and drop' } as const;
type Code = typeof code;

/** A deferred code over `load`, in a reactive root of its own; disposed after the test. */
const disposers: (() => void)[] = [];
function deferred(load: () => Promise<Code>): DeferredCode<Code> {
  return createRoot((dispose) => {
    disposers.push(dispose);
    return createDeferredCode(load);
  });
}

/** A card's link in the document, and the pointer presses that reach it: whether the code was loaded at each. */
function cardLink(loaded: () => boolean) {
  const link = document.createElement('a');
  link.href = '/acme/LP-1';
  const title = document.createElement('span');
  link.append(title);
  document.body.append(link);
  const presses: { readonly event: PointerEvent; readonly loaded: boolean }[] = [];
  link.addEventListener('pointerdown', (event) => presses.push({ event, loaded: loaded() }));
  return { link, title, presses };
}

/** A press of the mouse's main button on a card. */
const mousePress = {
  pointerId: 7,
  pointerType: 'mouse',
  isPrimary: true,
  button: 0,
  buttons: 1,
  clientX: 120,
  clientY: 340,
} as const;

const pointerDown = (target: Element, init: PointerEventInit = {}): PointerEvent => {
  const event = new PointerEvent('pointerdown', { bubbles: true, cancelable: true, ...mousePress, ...init });
  target.dispatchEvent(event);
  return event;
};

/** Whether the browser's own drag of a link would be prevented now. */
const nativeDragPrevented = (target: Element): boolean => {
  const drag = new Event('dragstart', { bubbles: true, cancelable: true });
  target.dispatchEvent(drag);
  return drag.defaultPrevented;
};

afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the board’s drag and drop, loaded when needed', () => {
  it('WEB-9.4 is imported when the pointer first comes over the board, not before, and once', async () => {
    const load = vi.fn(() => Promise.resolve(code));
    const dragAndDrop = deferred(load);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();

    // The pointer crosses the board's elements: one import.
    dragAndDrop.prepare();
    dragAndDrop.prepare();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(dragAndDrop.module()).toBe(code));

    dragAndDrop.prepare();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('WEB-9.4 a failed import is tried again when the pointer comes over the board again', async () => {
    const load = vi.fn<() => Promise<Code>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(code);
    const dragAndDrop = deferred(load);
    dragAndDrop.prepare();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    await Promise.resolve();
    dragAndDrop.prepare();
    await vi.waitFor(() => expect(dragAndDrop.module()).toBe(code));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('WEB-9.4 a card pressed before it arrived loads it at once, and is pressed again once it is in use, as it was', async () => {
    const arrival = Promise.withResolvers<Code>();
    const load = vi.fn(() => arrival.promise);
    const dragAndDrop = deferred(load);
    const { link, title, presses } = cardLink(() => dragAndDrop.module() !== undefined);

    // Pressed on the card's title, inside its link.
    dragAndDrop.press(pointerDown(title));
    expect(load).toHaveBeenCalledTimes(1);
    expect(nativeDragPrevented(link)).toBe(true);
    arrival.resolve(code);
    await vi.waitFor(() => expect(presses).toHaveLength(2));

    const [original, again] = presses;
    if (!original || !again) throw new Error('the card was not pressed twice');
    expect(original.loaded).toBe(false);
    expect(again.loaded).toBe(true);
    expect(again.event).not.toBe(original.event);
    expect(again.event.target).toBe(title);
    const { pointerId, pointerType, isPrimary, button, buttons, clientX, clientY } = again.event;
    expect({ pointerId, pointerType, isPrimary, button, buttons, clientX, clientY }).toEqual(mousePress);
    // Once loaded, presses are the drag and drop's own: none is kept, and the browser's drag is no longer held back.
    dragAndDrop.press(pointerDown(title));
    expect(presses).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
    expect(nativeDragPrevented(link)).toBe(false);
  });

  it('WEB-9.4 a press let go before it arrived is not pressed again, a secondary button keeps nothing, and a failed import is tried again at the next press', async () => {
    const arrivals = [Promise.withResolvers<Code>(), Promise.withResolvers<Code>()];
    let attempt = 0;
    const load = vi.fn(() => {
      const arrival = arrivals[attempt++];
      if (!arrival) throw new Error('loaded too often');
      return arrival.promise;
    });
    const dragAndDrop = deferred(load);
    const { link, presses } = cardLink(() => dragAndDrop.module() !== undefined);

    // A click: pressed and let go while the code is on its way, which then fails (offline).
    dragAndDrop.press(pointerDown(link));
    document.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerId: 7 }));
    expect(nativeDragPrevented(link)).toBe(false);
    arrivals[0]?.reject(new TypeError('Failed to fetch dynamically imported module'));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(dragAndDrop.module()).toBeUndefined();

    // A right click asks for nothing.
    dragAndDrop.press(pointerDown(link, { button: 2, buttons: 2 }));
    expect(load).toHaveBeenCalledTimes(1);

    // The next press tries again; it is let go (a cancelled touch) before the code arrives.
    dragAndDrop.press(pointerDown(link, { pointerType: 'touch' }));
    expect(load).toHaveBeenCalledTimes(2);
    document.dispatchEvent(new PointerEvent('pointercancel', { bubbles: true, pointerId: 7 }));
    arrivals[1]?.resolve(code);
    await vi.waitFor(() => expect(dragAndDrop.module()).toBe(code));
    expect(presses).toHaveLength(3);
  });
});
