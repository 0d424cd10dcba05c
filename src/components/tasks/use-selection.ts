"use client";
import { useCallback, useRef, useState, type MouseEvent } from "react";
import type { TaskItem } from "@/lib/client/types";

/** Bulk selection: click toggles one, shift-click selects the range from the last click. */
export function useSelection(tasks: TaskItem[]) {
  const [selectMode, setSelectMode] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const tasksRef = useRef(tasks);
  tasksRef.current = tasks;

  const onSelect = useCallback((task: TaskItem, event: MouseEvent) => {
    // Read the anchor and the list now: the updater below may run later, after the anchor moved on.
    const list = tasksRef.current;
    const from = anchor.current ? list.findIndex((t) => t.id === anchor.current) : -1;
    const to = list.findIndex((t) => t.id === task.id);
    const range = event.shiftKey && from >= 0 && to >= 0 ? list.slice(Math.min(from, to), Math.max(from, to) + 1) : null;
    anchor.current = task.id;
    setSelected((prev) => {
      const next = new Set(prev);
      if (range) for (const t of range) next.add(t.id);
      else if (next.has(task.id)) next.delete(task.id);
      else next.add(task.id);
      return next;
    });
  }, []);

  const selectAll = (on: boolean) => setSelected(on ? new Set(tasks.map((t) => t.id)) : new Set());
  const exit = () => {
    setSelectMode(false);
    setSelected(new Set());
    anchor.current = null;
  };
  // Only ids still on screen count (a refetch may have removed some).
  const visibleSelected = tasks.filter((t) => selected.has(t.id)).map((t) => t.id);
  return { selectMode, setSelectMode, selected, onSelect, selectAll, exit, visibleSelected };
}
