import type { ReactNode } from "react";

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-zinc-50 px-4 py-10 dark:bg-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-accent-600 text-lg font-bold text-white">
            C
          </span>
          <span className="text-xl font-semibold tracking-tight">Cadence</span>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <h1 className="text-lg font-semibold">{title}</h1>
          <p className="mb-5 text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>
          {children}
        </div>
      </div>
    </main>
  );
}
