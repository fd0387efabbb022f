// A menu button (WAI-ARIA pattern): the button opens a list of items; arrow keys, Home and End move
// between them, Escape closes and returns to the button, leaving the menu closes it.
import { A } from '@solidjs/router';
import { createSignal, createUniqueId, type JSX } from 'solid-js';

interface MenuProps {
  /** The button's content; it should name what the menu is about, e.g. the current workspace. */
  readonly label: JSX.Element;
  readonly buttonClass?: string;
  readonly children: JSX.Element;
}

export function Menu(props: MenuProps): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const menuId = createUniqueId();
  let button: HTMLButtonElement | undefined;
  let menu: HTMLDivElement | undefined;

  const items = (): HTMLElement[] => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number): void => {
    const all = items();
    all.at(index % all.length)?.focus();
  };
  const openAt = (index: number): void => {
    setOpen(true);
    focusItem(index);
  };
  const close = (): void => {
    setOpen(false);
  };

  const onButtonKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openAt(event.key === 'ArrowDown' ? 0 : -1);
  };

  const onMenuKeyDown = (event: KeyboardEvent): void => {
    const active = document.activeElement;
    const current = active instanceof HTMLElement ? items().indexOf(active) : -1;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: -1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
      button?.focus();
    } else if (event.key === 'Tab') {
      close();
    }
  };

  const onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && event.currentTarget instanceof Node && event.currentTarget.contains(next))) close();
  };

  return (
    <div class="menu" onFocusOut={onFocusOut}>
      <button
        ref={button}
        type="button"
        class={props.buttonClass}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={menuId}
        onClick={() => (open() ? close() : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {props.label}
      </button>
      <div
        ref={menu}
        id={menuId}
        class="menu-list"
        role="menu"
        hidden={!open()}
        onKeyDown={onMenuKeyDown}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest('[role="menuitem"]')) close();
        }}
      >
        {props.children}
      </div>
    </div>
  );
}

/** A menu item that navigates; `current` marks the page the user is on. */
export function MenuLink(props: {
  readonly href: string;
  readonly current?: boolean;
  readonly children: JSX.Element;
}): JSX.Element {
  return (
    <A
      href={props.href}
      role="menuitem"
      tabindex="-1"
      class="menu-item"
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </A>
  );
}

/** A line between groups of items. */
export function MenuSeparator(): JSX.Element {
  return <hr class="menu-separator" />;
}
