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
    setSelected((prev) => {
      const next = new Set(prev);
      const list = tasksRef.current;
      const from = anchor.current ? list.findIndex((t) => t.id === anchor.current) : -1;
      const to = list.findIndex((t) => t.id === task.id);
      if (event.shiftKey && from >= 0 && to >= 0) {
        const [a, b] = from < to ? [from, to] : [to, from];
        for (const t of list.slice(a, b + 1)) next.add(t.id);
      } else if (next.has(task.id)) next.delete(task.id);
      else next.add(task.id);
      return next;
    });
    anchor.current = task.id;
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
