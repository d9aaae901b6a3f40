#!/usr/bin/env python3
"""A minimal Lodestone webhook receiver: verifies the signature, ignores repeats, prints each alert.

    LODESTONE_WEBHOOK_SECRET=... /usr/bin/python3 alerts/examples/webhook_receiver.py --port 8099

Every delivery is a POST of the alert as JSON with these headers:
  X-Lodestone-Signature: sha256=<hex HMAC-SHA256 of the raw body under the subscription's secret>
  Idempotency-Key:       the alert id (the same on every retry and redelivery)
Answer 2xx once the alert is safely handled; 5xx, 408, 429 or a timeout make Lodestone retry, other
4xx make it give up (the alert goes to the dead-letter topic).
"""
import argparse
import hashlib
import hmac
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def signature_is_valid(secret: bytes, body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return header is not None and hmac.compare_digest(expected, header)


class Receiver(BaseHTTPRequestHandler):
    secret = b""
    seen = set()  # a real receiver keeps the ids it handled in its database

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not signature_is_valid(self.secret, body, self.headers.get("X-Lodestone-Signature")):
            self.send_response(401)
            self.end_headers()
            return
        alert_id = self.headers.get("Idempotency-Key")
        if alert_id not in self.seen:
            alert = json.loads(body)
            print(f"{alert['severity']} {alert['kind']} {alert['rule']}: {alert['summary']} [{alert_id}]", flush=True)
            self.seen.add(alert_id)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description="Receive Lodestone alerts by webhook.")
    parser.add_argument("--port", type=int, default=8099, help="port on 127.0.0.1 (0: any free one)")
    args = parser.parse_args()
    Receiver.secret = os.environ["LODESTONE_WEBHOOK_SECRET"].encode()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Receiver)
    print(f"listening on http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
