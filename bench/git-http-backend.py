#!/usr/bin/env python3
"""The reference for bench/git.sh: git's own smart HTTP server (git http-backend, CGI) behind
Python's standard HTTP server, with no authentication.

    git-http-backend.py PORT PROJECT_ROOT

serves every repository under PROJECT_ROOT at http://127.0.0.1:PORT/NAME.git (pushes allowed).
"""
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class GitHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: CGI output has no length

    def do_GET(self):
        self.run_backend()

    def do_POST(self):
        self.run_backend()

    def run_backend(self):
        url = urlsplit(self.path)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": ROOT,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_USER": "bench",  # lets receive-pack accept pushes
            "REQUEST_METHOD": self.command,
            "PATH_INFO": url.path,
            "QUERY_STRING": url.query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PROTOCOL": "HTTP/1.0",
            "REMOTE_ADDR": self.client_address[0],
        }
        length = self.headers.get("Content-Length")
        if length:
            env["CONTENT_LENGTH"] = length
        if self.headers.get("Content-Encoding"):
            env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
        process = subprocess.Popen(["git", "http-backend"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if self.command == "POST":
            if length:
                remaining = int(length)
                while remaining > 0:
                    chunk = self.rfile.read(min(65536, remaining))
                    if not chunk:
                        break
                    process.stdin.write(chunk)
                    remaining -= len(chunk)
            elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        self.rfile.readline()
                        break
                    process.stdin.write(self.rfile.read(size))
                    self.rfile.readline()
        process.stdin.close()
        status, headers = "200 OK", []
        while True:
            line = process.stdout.readline().decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = value.strip()
            else:
                headers.append((name, value.strip()))
        code, _, reason = status.partition(" ")
        self.send_response(int(code), reason)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        while True:
            chunk = process.stdout.read(65536)
            if not chunk:
                break
            self.wfile.write(chunk)
        process.wait()

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    PORT, ROOT = int(sys.argv[1]), os.path.abspath(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", PORT), GitHandler).serve_forever()
