import type { ReactNode } from "react";

/**
 * A table cell for tables that stack into cards below `sm` (the header row is hidden there): it names itself
 * on a phone and is a plain cell from `sm` up.
 */
export function LabelledCell({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <td className={`col-start-1 sm:whitespace-nowrap ${className}`}>
      <span className="text-xs text-zinc-500 sm:hidden dark:text-zinc-400">{label} </span>
      {children}
    </td>
  );
}
