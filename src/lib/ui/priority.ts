import type { Priority } from "@/server/domain/tasks/schemas";

export const PRIORITY_ORDER: readonly Priority[] = ["urgent", "high", "medium", "low"];

/** The one place that says how a priority looks: colour for the eye, a text label for everyone. */
export const PRIORITY_STYLE: Record<Priority, { label: string; dot: string; text: string; badge: string }> = {
  urgent: {
    label: "Urgent",
    dot: "bg-red-600",
    text: "text-red-700 dark:text-red-400",
    badge: "bg-red-50 text-red-700 ring-red-600/30 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/40",
  },
  high: {
    label: "High",
    dot: "bg-orange-500",
    text: "text-orange-700 dark:text-orange-400",
    badge: "bg-orange-50 text-orange-800 ring-orange-600/30 dark:bg-orange-950 dark:text-orange-300 dark:ring-orange-400/40",
  },
  medium: {
    label: "Medium",
    dot: "bg-amber-400",
    text: "text-amber-800 dark:text-amber-300",
    badge: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40",
  },
  low: {
    label: "Low",
    dot: "bg-zinc-400",
    text: "text-zinc-600 dark:text-zinc-400",
    badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30",
  },
};

/** Fallback for labels without a colour, and the palette offered when creating one. */
export const LABEL_COLORS = ["#EF4444", "#F97316", "#EAB308", "#22C55E", "#14B8A6", "#3B82F6", "#8B5CF6", "#EC4899", "#64748B"];
export const DEFAULT_LABEL_COLOR = "#64748B";
