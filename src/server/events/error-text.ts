/** A one-line description of a thrown value, including fetch's nested cause (e.g. ECONNREFUSED). */
export function errorText(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
