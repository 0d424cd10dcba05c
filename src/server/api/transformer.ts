import superjson from "superjson";

type SuperJsonResult = ReturnType<typeof superjson.serialize>;
type Annotation = ["Date"] | ["undefined"];

/** Thrown inside the walk when a value needs superjson's full machinery. */
const NEEDS_SUPERJSON = Symbol("needs superjson");

/** superjson's path escaping (pathstringifier.ts), so the client resolves the same paths. */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

/**
 * Serializes an API answer in superjson's wire format, for the answers the API actually gives: plain objects,
 * arrays, strings, finite numbers, booleans, null, undefined and Dates. superjson's own walker (type registry
 * lookups and identity tracking for every node) was a fifth of the CPU of a 50-task list call. Anything else
 * (Map, Set, BigInt, NaN, class instances...) goes to superjson itself, so the client's `superjson.deserialize`
 * reads every answer the same. Repeated references are sent as copies, without superjson's identity note.
 */
export function serializeAnswer(value: unknown): SuperJsonResult {
  if (value === undefined) return superjson.serialize(value);
  const annotations: [path: string, annotation: Annotation][] = [];
  const path: string[] = [];
  const at = () => path.map(escapeKey).join(".");

  const walk = (node: unknown): unknown => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return node;
    if (typeof node === "number") {
      if (!Number.isFinite(node) || Object.is(node, -0)) throw NEEDS_SUPERJSON;
      return node;
    }
    if (node === undefined) {
      annotations.push([at(), ["undefined"]]);
      return null;
    }
    if (node instanceof Date) {
      const time = node.getTime();
      if (Number.isNaN(time)) throw NEEDS_SUPERJSON;
      annotations.push([at(), ["Date"]]);
      return node.toISOString();
    }
    if (Array.isArray(node)) {
      const out = new Array<unknown>(node.length);
      for (let i = 0; i < node.length; i += 1) {
        path.push(String(i));
        out[i] = walk(node[i]);
        path.pop();
      }
      return out;
    }
    if (typeof node === "object") {
      const proto = Object.getPrototypeOf(node) as unknown;
      if (proto !== Object.prototype && proto !== null) throw NEEDS_SUPERJSON;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        path.push(key);
        out[key] = walk((node as Record<string, unknown>)[key]);
        path.pop();
      }
      return out;
    }
    throw NEEDS_SUPERJSON; // bigint, symbol, function
  };

  let json: unknown;
  try {
    json = walk(value);
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw error;
  }
  if (annotations.length === 0) return { json } as SuperJsonResult;
  // A Date at the root is annotated without a path, as superjson does.
  const values = annotations.length === 1 && annotations[0]![0] === "" ? annotations[0]![1] : Object.fromEntries(annotations);
  return { json, meta: { values, v: 1 } } as SuperJsonResult;
}

/** tRPC's transformer: superjson both ways, with the fast serializer for what the server sends. */
export const apiTransformer = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (data: SuperJsonResult) => superjson.deserialize(data) },
};
