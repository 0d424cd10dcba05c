import { toListInput, type ListQuery, type ViewState } from "./view-state";

/** The list input for a view state, without the cursor (the infinite query adds it page by page). */
export function listQueryOptionsInput(state: ViewState): ListQuery {
  return toListInput(state);
}
