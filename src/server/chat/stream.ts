// A chat turn as a stream of events, for tRPC's streamed procedure results (httpBatchStreamLink):
// the LLM engine's text as it arrives, then the stored assistant message. The interpreter engine
// produces no tokens, so its answer arrives as the one final message event.
import type { DomainContext } from "@/server/domain/context";
import { handleChatTurn, type ChatTurnOptions } from "./engine";
import type { ChatMessageView } from "./store";

export type ChatStreamEvent =
  /** Reply text so far; the final message replaces it (it may differ if the LLM failed midway). */
  | { type: "token"; text: string }
  | { type: "message"; message: ChatMessageView };

export async function* streamChatTurn(
  ctx: DomainContext,
  conversationId: string,
  text: string,
  options: Omit<ChatTurnOptions, "onToken"> = {},
): AsyncGenerator<ChatStreamEvent, void, void> {
  const tokens: string[] = [];
  let settled = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  // The turn runs to its end even if the reader goes away, so the exchange is always stored.
  const turn = handleChatTurn(ctx, conversationId, text, {
    ...options,
    onToken: (token) => {
      tokens.push(token);
      notify();
    },
  });
  void turn.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    settled = true;
    notify();
  });

  for (;;) {
    // Tokens that piled up while the reader was busy go out as one event.
    if (tokens.length > 0) yield { type: "token", text: tokens.splice(0).join("") };
    else if (settled) break;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
  yield { type: "message", message: await turn };
}
