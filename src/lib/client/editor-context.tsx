"use client";
import { createContext, useContext } from "react";

/** Opens the one task editor the app shell hosts, from the list, the keyboard or the assistant. */
export interface EditorControls {
  openEditor: (taskId: string) => void;
}

export const EditorContext = createContext<EditorControls | null>(null);

export function useEditor(): EditorControls {
  const controls = useContext(EditorContext);
  if (!controls) throw new Error("useEditor must be used inside the app shell");
  return controls;
}
