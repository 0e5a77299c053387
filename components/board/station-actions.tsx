"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useOperatorOnly } from "@/components/auth/use-session";
import type { RegionControl } from "./api";
import styles from "./controls.module.css";
import { REGION_CONTROL_COPY } from "./region-controls";

interface StationActionsProps {
  regionId: string;
  name: string;
  /** null while the station has no data yet: nothing to act on. */
  controls: readonly RegionControl[] | null;
  onSelect: (control: RegionControl) => void;
}

function focusItem(menu: HTMLElement | null, pick: (items: HTMLElement[], current: number) => number): void {
  if (!menu) return;
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const current = items.findIndex((item) => item === document.activeElement);
  items[pick(items, current)]?.focus();
}

/** A station's menu button (WAI-ARIA menu button pattern): the routing and breaker controls that apply now. */
export function StationActions({ regionId, name, controls, onSelect }: StationActionsProps) {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const operatorOnly = useOperatorOnly();

  useEffect(() => {
    if (!open) return;
    focusItem(menuRef.current, () => 0);
    const closeOnOutsidePointer = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (menuRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => document.removeEventListener("pointerdown", closeOnOutsidePointer);
  }, [open]);

  function closeMenu(): void {
    setOpen(false);
    triggerRef.current?.focus();
  }

  function handleTriggerKey(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
    }
  }

  function handleMenuKey(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, (items: HTMLElement[], current: number) => number> = {
      ArrowDown: (items, current) => (current + 1) % items.length,
      ArrowUp: (items, current) => (current - 1 + items.length) % items.length,
      Home: () => 0,
      End: (items) => items.length - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusItem(menuRef.current, move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeMenu();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  function selectControl(control: RegionControl): void {
    // Focus goes back to the trigger first, so the dialog returns it there when it closes.
    closeMenu();
    onSelect(control);
  }

  return (
    <div className={styles.actions}>
      <button
        ref={triggerRef}
        type="button"
        className={styles.trigger}
        data-testid={`station-${regionId}-actions`}
        aria-label={`Actions for ${name}`}
        title={operatorOnly ?? undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={controls === null || operatorOnly !== null}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={handleTriggerKey}
      >
        <span className={styles.triggerLabel}>Actions</span>
      </button>
      {open && controls ? (
        <div ref={menuRef} id={menuId} role="menu" aria-label={`${name} actions`} className={styles.menu} onKeyDown={handleMenuKey}>
          {controls.map((control) => (
            <button
              key={control}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={styles.menuItem}
              data-tone={REGION_CONTROL_COPY[control].tone}
              data-testid={`action-${control}`}
              onClick={() => selectControl(control)}
            >
              {REGION_CONTROL_COPY[control].label}…
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
