/**
 * The assistant's launcher floats over the bottom-right corner (48 px on phones, 40 px wider up, 16 px
 * from the edges). Scroll areas under it end with this much room, so scrolled to the end nothing is hidden.
 */
export const LAUNCHER_CLEARANCE = "pb-20";

/** A 48 px round icon on phones; a labelled pill from `sm` up. */
export const LAUNCHER_CLASS =
  "fixed right-4 bottom-4 z-40 inline-flex size-12 items-center justify-center gap-1.5 rounded-full bg-accent-600 text-sm font-medium text-white shadow-lg transition-colors hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 sm:h-10 sm:w-auto sm:px-4";
