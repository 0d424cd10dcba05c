"use client";
import { useEffect } from "react";
import { useUndo } from "@/lib/client/undo";

/** Ctrl/⌘+Z anywhere outside a text field takes back this tab's last change (text fields keep their own undo). */
export function UndoShortcut() {
  const { undoLast } = useUndo();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      void undoLast();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoLast]);
  return null;
}
