"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseViewState, serializeViewState, type ViewState } from "@/lib/ui/view-state";

/**
 * The view state lives in the URL. Updates go through the History API, which Next's router observes:
 * the URL is shareable, back/forward restore the view, and no server round trip happens per filter.
 */
export function useViewState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseViewState(params), [params]);
  const update = useCallback(
    (patch: Partial<ViewState>, mode: "push" | "replace" = "push") => {
      const next = serializeViewState({ ...parseViewState(new URLSearchParams(window.location.search)), ...patch });
      const url = `${pathname}${next}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return { state, update };
}
