// A webhook receiver for the tests: verifies every delivery with the npm "standardwebhooks" package (an
// implementation independent of ours) and records what it saw. Run as: node receiver.js, with
// WEBHOOK_SECRET (whsec_...) set and NODE_PATH naming the node_modules that hold the package.
// It prints "listening <port>" once it listens on 127.0.0.1.
//
// POST /control {"mode": "ok" | "hold" | "status", "status": 429, "retry_after": "2", "times": 1}
//   sets how the next deliveries are answered: "hold" never answers (until the sender goes away),
//   "status" answers with that status (and Retry-After) "times" times, then answers 200 again.
// GET /received lists every delivery: id, type, verified, answer (the status answered, null for a held
//   one), held, at (ms), closed_at (ms, when the sender of a held one went away), attempt_timestamp, payload.
// Any other POST is a delivery.
"use strict";
const http = require("http");
const { Webhook } = require("standardwebhooks");

const wh = new Webhook(process.env.WEBHOOK_SECRET);
const received = [];
let plan = { mode: "ok" };

function record(req, body, verified, answer) {
  let payload = null;
  try { payload = JSON.parse(body); } catch (e) { /* recorded as null */ }
  const entry = {
    id: req.headers["webhook-id"] || null,
    type: payload && payload.type,
    verified,
    answer,
    at: Date.now(),
    attempt_timestamp: req.headers["webhook-timestamp"] || null,
    payload,
    held: false,
  };
  received.push(entry);
  return entry;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.method === "GET" && req.url === "/received") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(received));
      return;
    }
    if (req.method === "POST" && req.url === "/control") {
      plan = JSON.parse(body);
      res.writeHead(204);
      res.end();
      return;
    }
    let verified = false;
    try {
      wh.verify(body, {
        "webhook-id": req.headers["webhook-id"],
        "webhook-timestamp": req.headers["webhook-timestamp"],
        "webhook-signature": req.headers["webhook-signature"],
      });
      verified = true;
    } catch (e) {
      verified = false;
    }
    if (!verified) {
      record(req, body, false, 400);
      res.writeHead(400);
      res.end("signature does not verify");
      return;
    }
    if (plan.mode === "hold") {
      // Never answers: recorded as held at once, and ended by the sender's connection closing.
      const entry = record(req, body, true, null);
      entry.held = true;
      entry.closed_at = null;
      res.on("close", () => { entry.closed_at = Date.now(); });
      return;
    }
    if (plan.mode === "status" && (plan.times === undefined || plan.times > 0)) {
      if (plan.times !== undefined) plan.times -= 1;
      const headers = plan.retry_after ? { "retry-after": String(plan.retry_after) } : {};
      record(req, body, true, plan.status);
      res.writeHead(plan.status, headers);
      res.end("planned answer");
      return;
    }
    record(req, body, true, 200);
    res.writeHead(200);
    res.end("ok");
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write("listening " + server.address().port + "\n");
});
