import http from "node:http";
import { runHttpLoad } from "../lib/http-load";
let seen = new Set<string>();
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    seen.add(`${req.method} ${req.url} ${req.headers.cookie} ${body.length}`);
    setTimeout(() => { res.writeHead(req.url?.includes("bad") ? 500 : 200, { "content-type": "application/json" }); res.end(JSON.stringify({ result: { data: { json: { n: 1 } } } })); }, 5);
  });
}).listen(3999);
let i = 0; let bodies = 0;
const r = await runHttpLoad({ baseUrl: "http://localhost:3999", connections: 8, durationSeconds: 2, warmupSeconds: 1, headers: () => ({ cookie: "a=b" }),
  next: () => (i++ % 10 === 0 ? { method: "GET", path: "/bad" } : { method: "POST", path: `/p${i % 3}`, body: JSON.stringify({ json: { i } }) }),
  onResponse: (s, b) => { if (b.includes("json")) bodies++; } });
console.log(r, bodies, [...seen].slice(0, 4), seen.size);
server.close();
