"use client";
import { ChevronDown, ChevronLeft, ChevronRight, Ellipsis, Flag, FolderInput, Tag } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { PRIORITIES } from "@/lib/ui/constants";
import type { BulkUpdateInput } from "@/server/domain/tasks/schemas";
import type { Label } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";

export type BulkAction = BulkUpdateInput["action"];
export type RunBulk = (action: BulkAction, verb: string) => void;

// Menu rows grow to a thumb's 44 px on touch screens.
const itemClass =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 pointer-coarse:min-h-11 text-sm outline-none data-highlighted:bg-zinc-100 data-disabled:opacity-40 dark:data-highlighted:bg-zinc-800";
const contentClass =
  "z-50 max-h-80 min-w-44 overflow-y-auto rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700";
/** Bar buttons: labelled on wider screens, a 44 px icon square on phones (the label stays for screen readers). */
export const barButton =
  "inline-flex h-8 pointer-coarse:h-11 items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-zinc-200 disabled:opacity-40 max-sm:size-11 max-sm:justify-center max-sm:px-0 dark:hover:bg-zinc-700";
const separatorClass = "my-1 h-px bg-zinc-200 dark:bg-zinc-700";
const headingClass = "px-2 py-1 text-xs text-zinc-500 dark:text-zinc-400";

export function PriorityItems({ run }: { run: RunBulk }) {
  return [...PRIORITIES].reverse().map((p) => (
    <DropdownMenu.Item key={p} className={itemClass} onSelect={() => run({ type: "setPriority", priority: p }, `Set ${PRIORITY_STYLE[p].label} on`)}>
      <span aria-hidden className={`size-2 rounded-full ${PRIORITY_STYLE[p].dot}`} /> {PRIORITY_STYLE[p].label}
    </DropdownMenu.Item>
  ));
}

export function TagItems({ tags, run }: { tags: Label[]; run: RunBulk }) {
  return (
    <>
      <DropdownMenu.Label className={headingClass}>Add tag</DropdownMenu.Label>
      {tags.map((t) => (
        <DropdownMenu.Item key={`add-${t.id}`} className={itemClass} onSelect={() => run({ type: "addTag", tagId: t.id }, `Tagged #${t.name} on`)}>
          Add #{t.name}
        </DropdownMenu.Item>
      ))}
      <DropdownMenu.Separator className={separatorClass} />
      <DropdownMenu.Label className={headingClass}>Remove tag</DropdownMenu.Label>
      {tags.map((t) => (
        <DropdownMenu.Item key={`rm-${t.id}`} className={itemClass} onSelect={() => run({ type: "removeTag", tagId: t.id }, `Removed #${t.name} from`)}>
          Remove #{t.name}
        </DropdownMenu.Item>
      ))}
    </>
  );
}

export function CategoryItems({ categories, run }: { categories: Label[]; run: RunBulk }) {
  return (
    <>
      <DropdownMenu.Item className={itemClass} onSelect={() => run({ type: "setCategory", categoryId: null }, "Cleared the category of")}>
        No category
      </DropdownMenu.Item>
      {categories.map((c) => (
        <DropdownMenu.Item key={c.id} className={itemClass} onSelect={() => run({ type: "setCategory", categoryId: c.id }, `Moved to ${c.name}:`)}>
          <span aria-hidden className="size-2 rounded-sm" style={{ backgroundColor: c.color ?? undefined }} /> {c.name}
        </DropdownMenu.Item>
      ))}
    </>
  );
}

/** A labelled dropdown for wider screens (hidden on phones, where `MoreMenu` holds the same items). */
export function Menu({ label, children, disabled }: { label: string; children: ReactNode; disabled: boolean }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={`${barButton} max-sm:hidden`} disabled={disabled}>
        {label} <ChevronDown className="size-3.5" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content sideOffset={4} collisionPadding={8} className={contentClass}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

type Panel = "root" | "priority" | "tags" | "category";

/** A menu row that swaps the menu's contents for another panel, keeping the menu open. */
function PanelItem({ label, icon, disabled, onOpen, forward = true }: { label: string; icon: ReactNode; disabled?: boolean; onOpen: () => void; forward?: boolean }) {
  return (
    <DropdownMenu.Item
      className={itemClass}
      disabled={disabled}
      onSelect={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      {icon} {label} {forward && <ChevronRight className="ml-auto size-3.5" aria-hidden />}
    </DropdownMenu.Item>
  );
}

/**
 * Phones only: Priority, Tags and Move to folded into one overflow menu so the bar stays on one line.
 * Each opens in place (with Back) rather than as a side submenu, which has no room beside it at 360 px.
 */
export function MoreMenu({ disabled, tags, categories, run }: { disabled: boolean; tags: Label[]; categories: Label[]; run: RunBulk }) {
  const [panel, setPanel] = useState<Panel>("root");
  const contentRef = useRef<HTMLDivElement>(null);
  // The chosen row unmounts with its panel: keep focus in the menu so arrow keys still work.
  useEffect(() => {
    contentRef.current?.focus();
  }, [panel]);
  return (
    <DropdownMenu.Root onOpenChange={(open) => !open && setPanel("root")}>
      <DropdownMenu.Trigger className={`${barButton} sm:hidden`} disabled={disabled} aria-label="More actions" title="More actions">
        <Ellipsis className="size-5" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content ref={contentRef} align="end" sideOffset={4} collisionPadding={8} className={contentClass}>
          {panel === "root" ? (
            <>
              <PanelItem label="Priority" icon={<Flag className="size-4" aria-hidden />} onOpen={() => setPanel("priority")} />
              <PanelItem label="Tags" icon={<Tag className="size-4" aria-hidden />} disabled={tags.length === 0} onOpen={() => setPanel("tags")} />
              <PanelItem label="Move to" icon={<FolderInput className="size-4" aria-hidden />} onOpen={() => setPanel("category")} />
            </>
          ) : (
            <>
              <PanelItem label="Back" icon={<ChevronLeft className="size-4" aria-hidden />} forward={false} onOpen={() => setPanel("root")} />
              <DropdownMenu.Separator className={separatorClass} />
              {panel === "priority" && <DropdownMenu.Label className={headingClass}>Set priority</DropdownMenu.Label>}
              {panel === "priority" && <PriorityItems run={run} />}
              {panel === "category" && <DropdownMenu.Label className={headingClass}>Move to</DropdownMenu.Label>}
              {panel === "tags" && <TagItems tags={tags} run={run} />}
              {panel === "category" && <CategoryItems categories={categories} run={run} />}
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
