#!/usr/bin/env python3
"""A deliberately slow apt repository for AptReady's VM tests.

Serves DIR on 127.0.0.1 (the VM reaches it as 10.0.2.2 through qemu's user network). The first
--hold-count responses whose path matches --hold-pattern (default: the Release file, not InRelease) are trickled
out over --hold seconds: headers at once, then the body a little at a time, one write per second,
so apt never times out but its `apt-get update` keeps /var/lib/apt/lists/lock for that long. Later
requests are served at once, so the test's own updates are fast. With --release-file, a hold also ends
as soon as that file exists (looked for once a second): a test keeps the lock held exactly until it has
seen what it needs, however slowly a loaded machine got there.

Prints PORT=N once it listens, then one line per request:
    REQUEST <unix time> <method> <path> <status> held=<seconds>
Stops on SIGTERM or SIGINT.

    slow-repo.py DIR [--port 0] [--hold 30] [--hold-pattern '(^|/)Release$'] [--hold-count 1]
                     [--release-file PATH]
"""
import argparse
import functools
import http.server
import os
import re
import signal
import sys
import threading
import time


class SlowRepoHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hold_seconds = 0.0
    hold_pattern = re.compile(r"(^|/)Release$")
    holds_left = 1
    release_file = None
    lock = threading.Lock()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def _take_hold(self):
        path = self.path.split("?", 1)[0]
        if self.hold_seconds <= 0 or not self.hold_pattern.search(path):
            return 0.0
        with SlowRepoHandler.lock:
            if SlowRepoHandler.holds_left <= 0:
                return 0.0
            SlowRepoHandler.holds_left -= 1
        return self.hold_seconds

    def _report(self, status, held):
        print(f"REQUEST {time.time():.3f} {self.command} {self.path} {status} held={held:.1f}", flush=True)

    def do_HEAD(self):
        super().do_HEAD()
        self._report("HEAD", 0.0)

    def do_GET(self):
        hold = self._take_hold()
        path = self.translate_path(self.path)
        if hold <= 0 or not os.path.isfile(path):
            if hold > 0:
                time.sleep(hold)
            f = self.send_head()
            status = "200" if f else "404"
            if f:
                try:
                    self.copyfile(f, self.wfile)
                finally:
                    f.close()
            self._report(status, hold)
            return

        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        self.wfile.flush()
        # One write per second, the last byte at the end of the hold: the connection never goes quiet
        # long enough for apt's timeout, and apt has the file only when the hold is over.
        steps = max(1, int(hold))
        head, last = body[:-1], body[-1:]
        piece = -(-len(head) // steps) if head else 0
        started = time.monotonic()
        for i in range(steps):
            if self.release_file and os.path.exists(self.release_file):
                self.wfile.write(head[i * piece:])
                break
            chunk = head[i * piece:(i + 1) * piece]
            if chunk:
                self.wfile.write(chunk)
                self.wfile.flush()
            time.sleep(max(0.0, started + (i + 1) * hold / steps - time.monotonic()))
        self.wfile.write(last)
        self.wfile.flush()
        self._report("200", time.monotonic() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--hold", type=float, default=30.0)
    parser.add_argument("--hold-pattern", default=r"(^|/)Release$")
    parser.add_argument("--hold-count", type=int, default=1)
    parser.add_argument("--release-file")
    args = parser.parse_args()
    if not os.path.isdir(args.dir):
        parser.error(f"'{args.dir}' is not a folder")

    SlowRepoHandler.hold_seconds = args.hold
    SlowRepoHandler.hold_pattern = re.compile(args.hold_pattern)
    SlowRepoHandler.holds_left = args.hold_count
    SlowRepoHandler.release_file = args.release_file
    handler = functools.partial(SlowRepoHandler, directory=os.path.abspath(args.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.daemon_threads = True

    def stop(_signum, _frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"PORT={server.server_address[1]}", flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
