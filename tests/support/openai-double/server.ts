// A local OpenAI-compatible server for tests: POST /v1/chat/completions answers from a script of
// replies (text, tool calls, or an HTTP error), as JSON or as a streamed SSE response.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  /**
   * Text, streamed a word per chunk. `tokenDelayMs` spaces the chunks out (to watch a reply grow);
   * `dropAfterWords` cuts the connection after that many words (a service failing midway).
   */
  | { content: string; tokenDelayMs?: number; dropAfterWords?: number }
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { status: number };

export interface OpenAiDouble {
  baseURL: string;
  /** Request bodies received, in order. */
  requests: { messages: { role: string; content?: string | null; tool_call_id?: string }[]; tools?: { function: { name: string } }[]; stream?: boolean }[];
  script(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readJson(req: IncomingMessage): Promise<OpenAiDouble["requests"][number]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function chunksFor(reply: Exclude<ScriptedReply, { status: number }>, id: string) {
  const base = { id, object: "chat.completion.chunk", created: 0, model: "double" };
  if ("content" in reply) {
    const words = reply.content.split(/(?<= )/);
    return [
      ...words.map((w, i) => ({ ...base, choices: [{ index: 0, delta: i === 0 ? { role: "assistant", content: w } : { content: w }, finish_reason: null }] })),
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    ];
  }
  return [
    ...reply.toolCalls.flatMap((call, index) => {
      const args = JSON.stringify(call.arguments);
      const half = Math.floor(args.length / 2);
      // Arguments arrive in pieces, as real streams send them.
      return [
        { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, id: `call_${id}_${index}`, type: "function", function: { name: call.name, arguments: args.slice(0, half) } }] }, finish_reason: null }] },
        { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: args.slice(half) } }] }, finish_reason: null }] },
      ];
    }),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] },
  ];
}

function completionFor(reply: Exclude<ScriptedReply, { status: number }>, id: string) {
  const message =
    "content" in reply
      ? { role: "assistant", content: reply.content }
      : {
          role: "assistant",
          content: null,
          tool_calls: reply.toolCalls.map((c, i) => ({ id: `call_${id}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
        };
  return { id, object: "chat.completion", created: 0, model: "double", choices: [{ index: 0, message, finish_reason: "content" in reply ? "stop" : "tool_calls" }] };
}

export async function startOpenAiDouble(): Promise<OpenAiDouble> {
  const queue: ScriptedReply[] = [];
  const requests: OpenAiDouble["requests"] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    const body = await readJson(req);
    requests.push(body);
    const reply = queue.shift() ?? { status: 500 };
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "scripted failure", type: "server_error" } }));
      return;
    }
    const id = `cmpl_${(counter += 1)}`;
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completionFor(reply, id)));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const delay = "tokenDelayMs" in reply ? (reply.tokenDelayMs ?? 0) : 0;
    const dropAfter = "dropAfterWords" in reply ? reply.dropAfterWords : undefined;
    let sent = 0;
    for (const chunk of chunksFor(reply, id)) {
      if (dropAfter !== undefined && sent >= dropAfter) {
        // Closed without the chunked body's end: the words written so far still reach the client.
        res.socket?.end();
        return;
      }
      if (delay > 0 && sent > 0) await sleep(delay);
      await new Promise<void>((resolve) => res.write(`data: ${JSON.stringify(chunk)}\n\n`, () => resolve()));
      sent += 1;
    }
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
