import { Bot } from "lucide-react";

/** "by Claude Desktop": the API token a change came through (changes made in the app carry none). */
export function ActorBadge({ name }: { name: string }) {
  return (
    <span className="ml-2 inline-flex items-center gap-1 rounded bg-violet-50 px-1.5 py-0.5 align-middle text-xs text-violet-800 dark:bg-violet-950/50 dark:text-violet-200">
      <Bot className="size-3" aria-hidden />
      by {name}
    </span>
  );
}
