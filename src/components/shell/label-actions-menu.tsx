"use client";
import { clsx } from "clsx";
import { Check, MoreHorizontal } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { LABEL_COLORS } from "@/lib/ui/priority";
import { ACTIONS_CLASS, actionsLabel, type LabelActionsProps } from "./label-actions";

const menuItem =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

/** Rename, recolour and delete a category or tag (Radix menu), loaded on the "…" button's first click. */
export function LabelActionsMenu({ noun, item, onRename, onRecolour, onDelete, defaultOpen }: LabelActionsProps & { defaultOpen?: boolean }) {
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger aria-label={actionsLabel(noun, item.name)} className={ACTIONS_CLASS}>
        <MoreHorizontal className="size-4" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          <DropdownMenu.Item className={menuItem} onSelect={onRename}>
            Rename
          </DropdownMenu.Item>
          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className={menuItem}>Colour</DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent className="z-50 grid grid-cols-3 gap-1 rounded-md bg-white p-2 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700">
                {LABEL_COLORS.map((color) => (
                  <DropdownMenu.Item
                    key={color}
                    aria-label={`Colour ${color}`}
                    onSelect={() => onRecolour(color)}
                    className="grid size-7 place-items-center rounded-full outline-none data-highlighted:ring-2 data-highlighted:ring-zinc-400"
                    style={{ backgroundColor: color }}
                  >
                    {item.color === color && <Check className="size-4 text-white" aria-hidden />}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />
          <DropdownMenu.Item
            className={clsx(menuItem, "text-red-700 dark:text-red-400")}
            onSelect={onDelete}
          >
            Delete…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
