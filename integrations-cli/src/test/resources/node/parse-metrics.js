// Parses Prometheus text format from standard input with the npm "parse-prometheus-text-format"
// package (a port of Prometheus' own Go parser) and prints the metric families as JSON. Exits non-zero
// when the text does not parse. Run with NODE_PATH naming the node_modules that hold the package.
"use strict";
const parse = require("parse-prometheus-text-format");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(Buffer.concat(chunks).toString("utf8"))));
  } catch (e) {
    process.stderr.write("does not parse: " + e.message + "\n");
    process.exit(1);
  }
});
