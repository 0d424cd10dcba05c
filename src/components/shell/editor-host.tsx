"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { EditorContext } from "@/lib/client/editor-context";
import { useUser } from "@/lib/client/user";

// The editor (Radix Dialog + form) and the assistant are not needed for the first paint: both load later.
const TaskEditor = dynamic(() => import("@/components/tasks/task-editor").then((m) => m.TaskEditor), { ssr: false });
const ChatPanel = dynamic(() => import("@/components/chat/ChatPanel").then((m) => m.ChatPanel), { ssr: false });

/** Warms the editor chunks once the list is idle, so the first open does not wait on the network. */
export const preloadEditor = () => void Promise.all([import("@/components/tasks/task-editor"), import("@/components/editor/editor-form")]);

/** Hosts the single task editor and the assistant for every page of the signed-in app. */
export function EditorHost({ children }: { children: ReactNode }) {
  const { timeZone } = useUser();
  const [taskId, setTaskId] = useState<string | null>(null);
  // Mount the editor only once it was first asked for, so its chunk stays off the first load.
  const [used, setUsed] = useState(false);
  const openEditor = useCallback((id: string) => {
    setUsed(true);
    setTaskId(id);
  }, []);
  const controls = useMemo(() => ({ openEditor }), [openEditor]);
  const close = useCallback(() => setTaskId(null), []);
  // The assistant's launcher is not first-paint UI: mount it once the page has settled.
  const [chatReady, setChatReady] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setChatReady(true), 1500);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <EditorContext.Provider value={controls}>
      {children}
      {used && <TaskEditor taskId={taskId} onClose={close} timeZone={timeZone} />}
      {chatReady && <ChatPanel onOpenTask={openEditor} onEditTask={openEditor} />}
    </EditorContext.Provider>
  );
}
