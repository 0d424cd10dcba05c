"use client";
import { useMemo, useSyncExternalStore } from "react";

/**
 * One shared clock for every countdown on the page: a single interval, started only while someone
 * listens, so "in 2 h 15 m" keeps ticking without a reload and without one timer per row.
 */
const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Minute precision: stable between ticks, and the same on the server and in hydration. */
const currentMinute = () => Math.floor(Date.now() / 60_000) * 60_000;

export function useNow(): Date {
  const value = useSyncExternalStore(subscribe, currentMinute, currentMinute);
  return useMemo(() => new Date(value), [value]);
}
