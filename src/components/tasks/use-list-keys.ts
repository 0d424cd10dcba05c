"use client";
import { useEffect, useRef } from "react";

export interface ListKeyHandlers {
  next: () => void;
  previous: () => void;
  complete: () => void;
  edit: () => void;
  remove: () => void;
  help: () => void;
}

/** j/k move, x complete, e or Enter edit, Delete remove, ? help — ignored while typing or in a dialog. */
export function useListKeys(handlers: ListKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=dialog], [role=alertdialog], [role=menu]")) return;
      const h = ref.current;
      const map: Record<string, (() => void) | undefined> = {
        j: h.next,
        ArrowDown: undefined,
        k: h.previous,
        x: h.complete,
        e: h.edit,
        Delete: h.remove,
        "?": h.help,
      };
      const action = map[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
