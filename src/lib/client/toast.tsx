"use client";
import { useEffect, useState, type ComponentProps, type ComponentType } from "react";

/**
 * sonner, loaded on demand: toasts only ever follow an action, so the library stays out of the
 * first-load bundle. `toast` keeps sonner's call shapes; calls made before it loaded are shown once it has.
 */
type Sonner = typeof import("sonner");
type ToastFn = Sonner["toast"];
type Options = Parameters<ToastFn>[1];
type Message = Parameters<ToastFn>[0];

let sonner: Promise<Sonner> | undefined;
const loadSonner = () => (sonner ??= import("sonner"));

// Resolved when the Toaster is mounted and subscribed: sonner drops toasts nobody listens to yet.
let markReady: () => void = () => {};
const toasterReady = new Promise<void>((resolve) => (markReady = resolve));
const wanted = new Set<() => void>();

function show(call: (toast: ToastFn) => unknown): void {
  for (const mount of wanted) mount();
  void toasterReady.then(loadSonner).then((m) => call(m.toast));
}

export const toast = Object.assign((message: Message, options?: Options) => show((t) => t(message, options)), {
  success: (message: Message, options?: Options) => show((t) => t.success(message, options)),
  error: (message: Message, options?: Options) => show((t) => t.error(message, options)),
});

function Mounted({ Toaster, props }: { Toaster: ComponentType<ComponentProps<Sonner["Toaster"]>>; props: ComponentProps<Sonner["Toaster"]> }) {
  // Runs after the Toaster's own effects, i.e. once it is subscribed.
  useEffect(() => markReady(), []);
  return <Toaster {...props} />;
}

/** Mounts sonner's Toaster when the first toast is asked for, or once the page is idle. */
export function LazyToaster(props: ComponentProps<Sonner["Toaster"]>) {
  const [Toaster, setToaster] = useState<Sonner["Toaster"] | null>(null);
  useEffect(() => {
    let done = false;
    const mount = () => {
      if (done) return;
      done = true;
      void loadSonner().then((m) => setToaster(() => m.Toaster));
    };
    wanted.add(mount);
    const idle = window.setTimeout(mount, 3000);
    return () => {
      wanted.delete(mount);
      window.clearTimeout(idle);
    };
  }, []);
  // On phones toasts float above the bottom sheet's Save/Cancel bar and the chat button, never over them.
  return Toaster ? <Mounted Toaster={Toaster} props={{ mobileOffset: { bottom: 84 }, ...props }} /> : null;
}
