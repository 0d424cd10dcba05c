"use client";
import { clsx } from "clsx";
import { Popover } from "radix-ui";
import type { ReactNode } from "react";
import type { Priority } from "@/server/domain/tasks/schemas";
import { PRIORITIES } from "@/lib/ui/constants";
import type { Label } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";
import type { DueFilter, ViewState } from "@/lib/ui/view-state";
import { activeFilterCount, FilterButtonFace, filterButtonClass } from "./filter-panel";

const selectClass =
  "h-9 pointer-coarse:h-11 w-full rounded-md border-0 bg-white px-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-accent-500 dark:bg-zinc-900 dark:ring-zinc-700";

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check({ label, checked, onChange, swatch }: { label: string; checked: boolean; onChange: (v: boolean) => void; swatch?: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-accent-600" />
      {swatch && <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: swatch }} />}
      {label}
    </label>
  );
}

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
const triState = (value: boolean | undefined) => (value === undefined ? "" : value ? "1" : "0");
const fromTriState = (value: string) => (value === "" ? undefined : value === "1");


/** The filter controls; loaded on the Filters button's first click. */
export function FilterPopover({
  state,
  update,
  categories,
  tags,
  defaultOpen,
}: {
  defaultOpen?: boolean;
  state: ViewState;
  update: (patch: Partial<ViewState>) => void;
  categories: Label[];
  tags: Label[];
}) {
  const count = activeFilterCount(state);
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger className={filterButtonClass(count)}>
        <FilterButtonFace count={count} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="Filters"
          className="z-50 max-h-[min(80vh,40rem)] w-[min(92vw,22rem)] space-y-4 overflow-y-auto rounded-lg bg-white p-4 shadow-xl ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          <Group legend="Status">
            <label className="sr-only" htmlFor="filter-status">
              Status
            </label>
            <select
              id="filter-status"
              className={selectClass}
              value={state.status ?? ""}
              onChange={(e) => update({ status: (e.target.value || undefined) as ViewState["status"] })}
            >
              <option value="">View default</option>
              <option value="open">Open</option>
              <option value="done">Completed</option>
              <option value="all">All</option>
            </select>
          </Group>
          <Group legend="Priority">
            <div className="grid grid-cols-2 gap-1.5">
              {[...PRIORITIES].reverse().map((p: Priority) => (
                <Check
                  key={p}
                  label={PRIORITY_STYLE[p].label}
                  checked={state.priorities.includes(p)}
                  onChange={(on) => update({ priorities: toggle(state.priorities, p, on) })}
                />
              ))}
            </div>
          </Group>
          {categories.length > 0 && (
            <Group legend="Categories">
              {categories.map((c) => (
                <Check
                  key={c.id}
                  label={c.name}
                  swatch={c.color ?? undefined}
                  checked={state.categoryIds.includes(c.id)}
                  onChange={(on) => update({ categoryIds: toggle(state.categoryIds, c.id, on) })}
                />
              ))}
            </Group>
          )}
          {tags.length > 0 && (
            <Group legend="Tags">
              {tags.map((t) => (
                <Check
                  key={t.id}
                  label={`#${t.name}`}
                  swatch={t.color ?? undefined}
                  checked={state.tagIds.includes(t.id)}
                  onChange={(on) => update({ tagIds: toggle(state.tagIds, t.id, on) })}
                />
              ))}
              <div className="flex items-center gap-3 pt-1 text-sm" role="radiogroup" aria-label="Tag match">
                {(["any", "all"] as const).map((mode) => (
                  <label key={mode} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name="tag-mode"
                      checked={state.tagMode === mode}
                      onChange={() => update({ tagMode: mode })}
                      className="accent-accent-600"
                    />
                    {mode === "any" ? "Any of these tags" : "All of these tags"}
                  </label>
                ))}
              </div>
            </Group>
          )}
          <Group legend="Due">
            <label className="sr-only" htmlFor="filter-due">
              Due
            </label>
            <select
              id="filter-due"
              className={selectClass}
              value={state.due ?? ""}
              onChange={(e) => update({ due: (e.target.value || undefined) as DueFilter | undefined })}
            >
              <option value="">Any time</option>
              <option value="overdue">Overdue</option>
              <option value="today">Today</option>
              <option value="next7">Next 7 days</option>
              <option value="none">No due date</option>
              <option value="range">Custom range…</option>
            </select>
            {state.due === "range" && (
              <div className="grid grid-cols-2 gap-2">
                <label className="text-xs">
                  From
                  <input type="date" className={selectClass} value={state.from ?? ""} onChange={(e) => update({ from: e.target.value || undefined })} />
                </label>
                <label className="text-xs">
                  To
                  <input type="date" className={selectClass} value={state.to ?? ""} onChange={(e) => update({ to: e.target.value || undefined })} />
                </label>
              </div>
            )}
          </Group>
          <div className="grid grid-cols-2 gap-3">
            <label className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              Reminder
              <select className={clsx(selectClass, "mt-1 font-normal tracking-normal text-zinc-900 normal-case dark:text-zinc-100")} value={triState(state.hasReminder)} onChange={(e) => update({ hasReminder: fromTriState(e.target.value) })}>
                <option value="">Any</option>
                <option value="1">Has reminder</option>
                <option value="0">No reminder</option>
              </select>
            </label>
            <label className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              Repeat
              <select className={clsx(selectClass, "mt-1 font-normal tracking-normal text-zinc-900 normal-case dark:text-zinc-100")} value={triState(state.recurring)} onChange={(e) => update({ recurring: fromTriState(e.target.value) })}>
                <option value="">Any</option>
                <option value="1">Recurring</option>
                <option value="0">One-off</option>
              </select>
            </label>
          </div>
          {count > 0 && (
            <button
              type="button"
              className="text-sm text-accent-700 underline-offset-2 hover:underline dark:text-accent-100"
              onClick={() =>
                update({ status: undefined, priorities: [], categoryIds: [], tagIds: [], tagMode: "any", due: undefined, from: undefined, to: undefined, hasReminder: undefined, recurring: undefined })
              }
            >
              Clear all filters
            </button>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
