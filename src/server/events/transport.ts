import type { CloudEvent } from "./catalog";

/** One event of a batch; `entryId` lets a transport say which entries failed. */
export interface TransportEntry {
  entryId: string;
  event: CloudEvent;
  partitionKey: string;
}

export interface BatchResult {
  /** Entries that were NOT published; every other entry of the batch was. */
  failed: { entryId: string; error: string }[];
}

/** Where the outbox relay hands events to: in-process delivery or the Dapr sidecar. */
export interface EventTransport {
  readonly kind: "embedded" | "dapr";
  /** Resolves once the event is accepted by the transport; throws when it was not. */
  publish(topic: string, event: CloudEvent, partitionKey: string): Promise<void>;
  /** Optional bulk path (all entries on one topic); throws only when nothing at all was published. */
  publishBatch?(topic: string, entries: TransportEntry[]): Promise<BatchResult>;
  /** Resolves when the transport can accept events (e.g. the sidecar's outbound side is up). */
  ready?(signal?: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "TransportError";
  }
}
