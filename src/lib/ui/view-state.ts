import type { Priority } from "@/server/domain/tasks/schemas";
import { PRIORITIES, SORT_FIELDS } from "./constants";

/** Everything a task view shows, kept in the URL so it can be shared, reloaded and navigated back to. */
export const VIEWS = ["inbox", "today", "upcoming", "overdue", "completed"] as const;
export type ViewName = (typeof VIEWS)[number];
export type SortField = (typeof SORT_FIELDS)[number];
export type DueFilter = "overdue" | "today" | "next7" | "none" | "range";

export interface ViewState {
  view: ViewName;
  q: string;
  status?: "open" | "done" | "all";
  priorities: Priority[];
  categoryIds: string[];
  tagIds: string[];
  tagMode: "any" | "all";
  due?: DueFilter;
  /** yyyy-mm-dd, for the custom range. */
  from?: string;
  to?: string;
  hasReminder?: boolean;
  recurring?: boolean;
  sort?: { by: SortField; dir: "asc" | "desc" };
}

type Params = { get(name: string): string | null };

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);
const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;
const bool = (value: string | null) => (value === "1" ? true : value === "0" ? false : undefined);

export function parseViewState(params: Params): ViewState {
  const [by, dir] = (params.get("sort") ?? "").split(".");
  const sortBy = oneOf(by ?? null, SORT_FIELDS);
  return {
    view: oneOf(params.get("view"), VIEWS) ?? "inbox",
    q: params.get("q") ?? "",
    status: oneOf(params.get("status"), ["open", "done", "all"] as const),
    priorities: list(params.get("p")).filter((p): p is Priority => (PRIORITIES as readonly string[]).includes(p)),
    categoryIds: list(params.get("c")),
    tagIds: list(params.get("t")),
    tagMode: params.get("tm") === "all" ? "all" : "any",
    due: oneOf(params.get("due"), ["overdue", "today", "next7", "none", "range"] as const),
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    hasReminder: bool(params.get("rem")),
    recurring: bool(params.get("rec")),
    sort: sortBy ? { by: sortBy, dir: dir === "desc" ? "desc" : "asc" } : undefined,
  };
}

export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.view !== "inbox") p.set("view", state.view);
  if (state.q) p.set("q", state.q);
  if (state.status) p.set("status", state.status);
  if (state.priorities.length) p.set("p", state.priorities.join(","));
  if (state.categoryIds.length) p.set("c", state.categoryIds.join(","));
  if (state.tagIds.length) p.set("t", state.tagIds.join(","));
  if (state.tagMode === "all") p.set("tm", "all");
  if (state.due) p.set("due", state.due);
  if (state.due === "range" && state.from) p.set("from", state.from);
  if (state.due === "range" && state.to) p.set("to", state.to);
  if (state.hasReminder !== undefined) p.set("rem", state.hasReminder ? "1" : "0");
  if (state.recurring !== undefined) p.set("rec", state.recurring ? "1" : "0");
  if (state.sort) p.set("sort", `${state.sort.by}.${state.sort.dir}`);
  // Commas are legal in a query string; leaving them readable keeps shared links legible.
  const text = p.toString().replace(/%2C/gi, ",");
  return text ? `?${text}` : "";
}

/** What each sidebar view means before the user's own filters refine it. */
const VIEW_DEFAULTS: Record<ViewName, { status: "open" | "done"; due?: DueFilter; sort?: ViewState["sort"] }> = {
  inbox: { status: "open" },
  today: { status: "open", due: "today", sort: { by: "due", dir: "asc" } },
  upcoming: { status: "open", due: "next7", sort: { by: "due", dir: "asc" } },
  overdue: { status: "open", due: "overdue", sort: { by: "due", dir: "asc" } },
  completed: { status: "done", sort: { by: "updated", dir: "desc" } },
};

export const VIEW_TITLES: Record<ViewName, string> = {
  inbox: "Inbox",
  today: "Today",
  upcoming: "Upcoming",
  overdue: "Overdue",
  completed: "Completed",
};

/** yyyy-mm-dd (local) → Date at local midnight; `endOfDay` gives the last millisecond of that day. */
function localDate(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (endOfDay) date.setHours(23, 59, 59, 999);
  return date;
}

export type ListQuery = {
  search?: string;
  status: "open" | "done" | "all";
  priorities?: Priority[];
  categoryIds?: string[];
  tagIds?: string[];
  tagMode: "any" | "all";
  due?: "overdue" | "today" | "next7" | "none" | { type: "range"; from?: Date; to?: Date };
  hasReminder?: boolean;
  recurring?: boolean;
  sort?: { by: SortField; dir: "asc" | "desc" };
  limit: number;
};

/** The `task.list` input for a view state. */
export function toListInput(state: ViewState): ListQuery {
  const base = VIEW_DEFAULTS[state.view];
  const dueName = state.due ?? base.due;
  const due =
    dueName === "range"
      ? { type: "range" as const, from: localDate(state.from, false), to: localDate(state.to, true) }
      : dueName;
  return {
    ...(state.q.trim() ? { search: state.q.trim() } : {}),
    status: state.status ?? base.status,
    ...(state.priorities.length ? { priorities: state.priorities } : {}),
    ...(state.categoryIds.length ? { categoryIds: state.categoryIds } : {}),
    ...(state.tagIds.length ? { tagIds: state.tagIds } : {}),
    tagMode: state.tagMode,
    ...(due ? { due } : {}),
    ...(state.hasReminder !== undefined ? { hasReminder: state.hasReminder } : {}),
    ...(state.recurring !== undefined ? { recurring: state.recurring } : {}),
    ...(state.sort ? { sort: state.sort } : base.sort ? { sort: state.q.trim() ? undefined : base.sort } : {}),
    limit: 100,
  };
}

/** The base input of a sidebar view (for its count). */
export function viewCountInput(view: ViewName): ListQuery {
  return toListInput({ ...parseViewState(new URLSearchParams()), view });
}
