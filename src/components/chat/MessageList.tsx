"use client";
import { clsx } from "clsx";
import { useEffect, useRef } from "react";
import type { TaskCard } from "@/server/chat/cards";
import { TaskCardView } from "./TaskCardView";

export interface MessageItem {
  id: string;
  role: "user" | "assistant";
  content: string;
  cards: TaskCard[];
  suggestions: string[];
}

type CardActions = { onComplete: (id: string) => void; onEdit: (id: string) => void; onOpen: (id: string) => void };

/** The conversation, newest at the bottom; suggestions of the last answer become one-tap replies. */
export function MessageList({
  messages,
  now,
  timeZone,
  completed,
  busy = false,
  onSuggestion,
  actions,
}: {
  messages: MessageItem[];
  /** An answer is being written: assistive tech waits for it to finish. */
  busy?: boolean;
  now: Date;
  timeZone: string;
  completed: ReadonlySet<string>;
  onSuggestion: (text: string) => void;
  actions: CardActions;
}) {
  const end = useRef<HTMLDivElement>(null);
  const last = messages.at(-1);
  // Follow new messages and a streaming answer as it grows. A block body on purpose: Chromium's
  // scrollIntoView now returns a Promise, and React calls whatever an effect returns as its cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [messages.length, last?.content]);
  return (
    <div role="log" aria-live="polite" aria-busy={busy} aria-label="Conversation" className="flex flex-1 flex-col gap-3 overflow-y-auto p-3">
      {messages.length === 0 && (
        <p className="text-sm text-zinc-500">Ask me to add, find, move or complete tasks, e.g. “add buy milk tomorrow 5pm”.</p>
      )}
      {messages.map((m) => (
        <div key={m.id} className={clsx("flex flex-col gap-2", m.role === "user" ? "items-end" : "items-start")}>
          <p
            className={clsx(
              "max-w-[85%] whitespace-pre-line rounded-lg px-3 py-2 text-sm",
              m.role === "user" ? "bg-accent-600 text-white" : "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
            )}
          >
            <span className="sr-only">{m.role === "user" ? "You: " : "Assistant: "}</span>
            {m.content}
          </p>
          {m.cards.length > 0 && (
            <div className="flex w-full flex-col gap-2">
              {m.cards.map((card) => (
                <TaskCardView key={card.id} card={{ ...card, completed: card.completed || completed.has(card.id) }} now={now} timeZone={timeZone} {...actions} />
              ))}
            </div>
          )}
        </div>
      ))}
      {last?.role === "assistant" && last.suggestions.length > 0 && (
        <div className="flex flex-wrap gap-1.5">
          {last.suggestions.map((s) => (
            <button key={s} type="button" onClick={() => onSuggestion(s)} className="rounded-full px-3 py-1 text-xs ring-1 ring-zinc-300 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              {s}
            </button>
          ))}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
