"""A local stand-in for Telegram's Bot API, enough to connect a bot in the benchmark: getMe answers a
bot account for any token. Listens on 127.0.0.1:PORT (argv[1]) until killed."""
import http.server, json, sys

BOT = json.dumps({"ok": True, "result": {"id": 4242, "is_bot": True, "first_name": "Bench",
                                          "username": "bench_bot"}}).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self):
        body = BOT if self.path.endswith("/getMe") else b'{"ok":false,"error_code":404,"description":"Not Found"}'
        self.send_response(200 if body is BOT else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
