"use client";

import { useEffect, useRef, type ComponentProps, type RefObject } from "react";

interface ModalDialogProps extends Omit<ComponentProps<"dialog">, "ref" | "open" | "onClose" | "onCancel"> {
  /** The dialog element, for the caller's own close buttons: `ref.current?.close()`. */
  ref: RefObject<HTMLDialogElement | null>;
  /** Called once the dialog has closed (a button, Escape, the backdrop), after focus went back. */
  onClose: () => void;
  /** false while closing would hide the answer to a request on its way: Escape then waits for it. */
  dismissible?: boolean;
  /** A click on the backdrop closes it too (side panels). */
  closeOnBackdrop?: boolean;
  /** The id of where focus goes when the opener has left the page, before its nearest ancestor is tried. */
  fallbackFocusId?: string;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function canFocus(element: HTMLElement): boolean {
  return element.isConnected && !element.matches(":disabled") && element.checkVisibility();
}

/**
 * Where focus goes back to: the element that had it when the dialog opened, or, when that is gone,
 * disabled or hidden now (a deleted row's button), the fallback the caller named, else the first
 * focusable element of its nearest ancestor still on the page, so the keyboard continues from about the same place.
 */
function findReturnTarget(
  opener: HTMLElement | null,
  ancestors: readonly HTMLElement[],
  fallbackId: string | undefined,
): HTMLElement | null {
  if (opener && canFocus(opener)) return opener;
  const fallback = fallbackId === undefined ? null : document.getElementById(fallbackId);
  if (fallback && canFocus(fallback)) return fallback;
  for (const ancestor of ancestors) {
    if (!ancestor.isConnected) continue;
    const candidate = [...ancestor.querySelectorAll<HTMLElement>(FOCUSABLE)].find(canFocus);
    if (candidate) return candidate;
  }
  return null;
}

/**
 * Every dialog of the app: modal from its first render, Escape closes it at once (unless a request
 * it waits for is on its way), and focus returns to where it was when it closed.
 */
export function ModalDialog({
  ref,
  onClose,
  dismissible = true,
  closeOnBackdrop = false,
  fallbackFocusId,
  children,
  ...props
}: ModalDialogProps) {
  const opener = useRef<{ element: HTMLElement | null; ancestors: HTMLElement[] } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const element =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const ancestors: HTMLElement[] = [];
    for (let node = element?.parentElement ?? null; node && node !== document.body; node = node.parentElement) ancestors.push(node);
    opener.current = { element, ancestors };
    dialog.showModal();
  }, [ref]);

  function returnFocus(): void {
    const target = opener.current ? findReturnTarget(opener.current.element, opener.current.ancestors, fallbackFocusId) : null;
    target?.focus();
  }

  return (
    <dialog
      ref={ref}
      {...props}
      onCancel={(event) => {
        if (!dismissible) event.preventDefault();
      }}
      onClose={() => {
        returnFocus();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (closeOnBackdrop && event.target === event.currentTarget) event.currentTarget.close();
        props.onClick?.(event);
      }}
    >
      {children}
    </dialog>
  );
}
