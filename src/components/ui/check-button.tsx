import type { ButtonHTMLAttributes, ReactNode } from "react";

/**
 * A button that is a checkbox to assistive tech (role + aria-checked), like Radix Checkbox but without
 * its runtime: task rows are on the first paint, so they stay light. Space toggles; Enter does not.
 */
export function CheckButton({
  checked,
  indicator,
  onKeyDown,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "role" | "aria-checked"> & { checked: boolean; indicator: ReactNode }) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked}
      data-state={checked ? "checked" : "unchecked"}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.preventDefault();
        onKeyDown?.(event);
      }}
      {...props}
    >
      {checked ? indicator : null}
    </button>
  );
}
