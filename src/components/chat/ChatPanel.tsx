"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MessageCircle, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button, inputClass } from "@/components/ui/button";
import { useTRPC } from "@/lib/client/trpc";
import { useNow } from "@/lib/client/use-now";
import { useUser } from "@/lib/client/user";
import { ConversationList } from "./ConversationList";
import { MessageList, type MessageItem } from "./MessageList";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { LAUNCHER_CLASS } from "./launcher";
import { chatStreamClient } from "./stream-client";

const ACTIVE_KEY = "cadence.chat.conversation";

/**
 * The assistant: a drawer on desktop, full screen on phones. Conversations are stored on the server,
 * so they survive reloads; the open conversation is remembered in localStorage.
 */
export function ChatPanel({ onOpenTask, onEditTask }: { onOpenTask?: (id: string) => void; onEditTask?: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const user = useUser();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [sending, setSending] = useState<string | null>(null);
  // The answer as it streams in; replaced by the stored message when the turn ends.
  const [draft, setDraft] = useState<string | null>(null);
  const [completed, setCompleted] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => setActiveId(window.localStorage.getItem(ACTIVE_KEY)), []);
  const choose = (id: string | null) => {
    setActiveId(id);
    if (id) window.localStorage.setItem(ACTIVE_KEY, id);
    else window.localStorage.removeItem(ACTIVE_KEY);
  };

  const conversations = useQuery(trpc.chat.conversations.queryOptions(undefined, { enabled: open }));
  const known = conversations.data?.some((c) => c.id === activeId) ?? false;
  const currentId = known ? activeId : (conversations.data?.[0]?.id ?? null);
  const messages = useQuery(trpc.chat.messages.queryOptions({ conversationId: currentId ?? "" }, { enabled: open && currentId !== null }));

  // Cancel-then-invalidate: a conversation's first messages fetch may still be in flight from before the
  // answer was stored, and a plain invalidate would join it and keep its older result.
  const refreshChat = () => refetchAfterChange(queryClient, [trpc.chat.pathFilter()]);
  const create = useMutation(trpc.chat.create.mutationOptions({ onSuccess: (c) => (choose(c.id), void refreshChat()) }));
  const remove = useMutation(trpc.chat.delete.mutationOptions({ onSuccess: () => (choose(null), void refreshChat()) }));
  const send = useMutation({
    mutationFn: async (input: { conversationId: string; text: string }) => {
      const events = await chatStreamClient().chat.sendStream.mutate(input);
      for await (const event of events) {
        if (event.type === "token") setDraft((prev) => (prev ?? "") + event.text);
        else {
          setDraft(event.message.content);
          return event.message;
        }
      }
      throw new Error("the answer ended early");
    },
    onSettled: async () => {
      // The assistant may have changed tasks, categories or tags.
      void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.category.pathFilter(), trpc.tag.pathFilter()]);
      // Keep the pending bubbles until the stored messages are in, so nothing blinks away.
      await refreshChat();
      setSending(null);
      setDraft(null);
    },
    onError: (error) => toast.error(`The assistant could not answer: ${error.message}`),
  });
  const complete = useMutation(
    trpc.task.complete.mutationOptions({
      onSuccess: (_data, input) => setCompleted((prev) => new Set(prev).add(input.id)),
      onSettled: () => void refetchAfterChange(queryClient, [trpc.task.pathFilter()]),
      onError: (error) => toast.error(`Could not complete: ${error.message}`),
    }),
  );

  async function submit(message: string) {
    const trimmed = message.trim();
    if (!trimmed || send.isPending) return;
    const conversationId = currentId ?? (await create.mutateAsync()).id;
    setText("");
    setSending(trimmed);
    send.mutate({ conversationId, text: trimmed });
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(text);
  };

  const shown: MessageItem[] = [...(messages.data ?? [])];
  if (sending) {
    shown.push({ id: "sending", role: "user", content: sending, cards: [], suggestions: [] });
    shown.push({ id: "answering", role: "assistant", content: draft ?? "…", cards: [], suggestions: [] });
  }
  const openTask = onOpenTask ?? ((id: string) => router.push(`/?task=${id}`));
  const editTask = onEditTask ?? ((id: string) => router.push(`/?task=${id}&edit=1`));

  if (!open) {
    return (
      <button type="button" className={LAUNCHER_CLASS} onClick={() => setOpen(true)} aria-label="Open assistant" title="Assistant">
        <MessageCircle aria-hidden className="size-5" />
        <span className="hidden sm:inline">Assistant</span>
      </button>
    );
  }
  return (
    <section
      role="dialog"
      aria-label="Assistant"
      className="fixed inset-0 z-50 flex flex-col bg-white shadow-xl md:inset-y-0 md:right-0 md:left-auto md:w-[26rem] md:border-l md:border-zinc-200 dark:bg-zinc-950 md:dark:border-zinc-800"
    >
      <header className="flex items-center justify-between gap-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <h2 className="truncate text-sm font-semibold">{conversations.data?.find((c) => c.id === currentId)?.title ?? "Assistant"}</h2>
        <div className="flex gap-1">
          <Button size="sm" variant="ghost" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory}>
            History
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen(false)} aria-label="Close assistant">
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      </header>
      {showHistory && (
        <div className="max-h-64 overflow-y-auto border-b border-zinc-200 p-3 dark:border-zinc-800">
          <ConversationList
            items={conversations.data ?? []}
            activeId={currentId}
            onSelect={(id) => (choose(id), setShowHistory(false))}
            onNew={() => (create.mutate(), setShowHistory(false))}
            onDelete={(id) => remove.mutate({ conversationId: id })}
          />
        </div>
      )}
      {!showHistory && (
        <div className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <Button size="sm" onClick={() => create.mutate()}>
            New conversation
          </Button>
        </div>
      )}
      <MessageList
        messages={shown}
        now={now}
        timeZone={user.timeZone}
        completed={completed}
        busy={sending !== null}
        onSuggestion={(s) => void submit(s)}
        actions={{ onComplete: (id) => complete.mutate({ id }), onEdit: editTask, onOpen: openTask }}
      />
      <form onSubmit={onSubmit} className="flex gap-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
        <label htmlFor="chat-message" className="sr-only">
          Message
        </label>
        <input
          id="chat-message"
          className={inputClass}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Ask or tell me something…"
          autoComplete="off"
          maxLength={2000}
        />
        <Button type="submit" variant="primary" disabled={!text.trim() || send.isPending}>
          Send
        </Button>
      </form>
    </section>
  );
}
