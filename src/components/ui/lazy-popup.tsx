"use client";
import { lazy, useState, type ComponentType } from "react";

/**
 * A Radix popup kept out of the first-load bundle. Until the first click a look-alike plain trigger is
 * shown; hovering or focusing it downloads the popup, and the click mounts the real component already
 * open (`defaultOpen`). The swap happens on click only, never under a pointer that is mid-press.
 */
export function lazyPopup<P extends object>(load: () => Promise<ComponentType<P>>) {
  let promise: Promise<ComponentType<P>> | undefined;
  const preload = () => (promise ??= load());
  const Component = lazy(() => preload().then((component) => ({ default: component })));
  return { Component, preload };
}

export function useLazyPopup(preload: () => Promise<unknown>) {
  const [mounted, setMounted] = useState(false);
  return {
    /** Render the real component (with `defaultOpen`) from now on. */
    mounted,
    triggerProps: {
      onPointerEnter: () => void preload(),
      onFocus: () => void preload(),
      onClick: () => setMounted(true),
    },
  };
}
