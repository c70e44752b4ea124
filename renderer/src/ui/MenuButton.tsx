import { useEffect, useRef, useState } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  hidden?: boolean;
}

/**
 * A button that opens a short menu ("Xuất…" → Word, Excel, CSV): arrow keys move, Enter chooses, Escape
 * or a click elsewhere closes it. The menu's items are buttons, so they read as one to a screen reader.
 */
export function MenuButton({
  label,
  items,
  onChoose,
  disabled = false,
}: {
  label: string;
  items: MenuItem[];
  onChoose: (key: string) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const shown = items.filter((i) => !i.hidden);
  return (
    <span className="menu-button" ref={box}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {label} ▾
      </button>
      {open && (
        <span
          className="menu"
          role="menu"
          aria-label={label}
          onKeyDown={(e) => {
            const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'Escape') {
              setOpen(false);
              box.current?.querySelector<HTMLButtonElement>('[aria-haspopup]')?.focus();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const next = (at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length;
              buttons[next]?.focus();
            }
          }}
        >
          {shown.map((i) => (
            <button
              key={i.key}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onChoose(i.key);
              }}
            >
              {i.label}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
