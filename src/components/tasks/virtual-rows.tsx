"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, type ReactNode, type RefObject } from "react";
import type { Entry } from "./task-list";

/** Renders only the rows on screen (long lists), and asks for the next page near the end. */
export function VirtualRows({
  entries,
  scrollRef,
  render,
  more,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  entries: Entry[];
  scrollRef: RefObject<HTMLDivElement | null>;
  render: (entry: Entry) => ReactNode;
  more: ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (entries[i]?.kind === "heading" ? 36 : 64),
    overscan: 10,
    getItemKey: (i) => entries[i]?.key ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= entries.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, entries.length, onLoadMore]);

  return (
    <div role="list" aria-label="Tasks" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
      {items.map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        return (
          <div
            key={item.key}
            role={entry.kind === "task" ? "listitem" : undefined}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
          >
            {render(entry)}
          </div>
        );
      })}
      <div style={{ position: "absolute", top: virtualizer.getTotalSize(), width: "100%" }}>{more}</div>
    </div>
  );
}
