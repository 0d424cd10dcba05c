import type { ReactNode } from "react";

export const fieldClass =
  "mt-1 block h-9 pointer-coarse:h-11 w-full rounded-md border-0 bg-white px-2.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none dark:bg-zinc-950 dark:ring-zinc-700";

export function FieldLabel({ children }: { children: ReactNode }) {
  return <span className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">{children}</span>;
}
