#!/usr/bin/env python3
"""A stand-in for an external git service in ExternalGitIT: git's own smart HTTP server
(git http-backend, CGI) behind Python's HTTP server, like bench/git-http-backend.py, plus

- basic authentication: every request needs USER:TOKEN, anything else gets 401;
- push-to-create: a push to a repository that does not exist creates it, as Gitea and GitLab do.

    external-git-server.py PORT ROOT USER TOKEN

serves ROOT/PATH.git at http://127.0.0.1:PORT/PATH.git.
"""
import base64
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

    def authorized(self):
        expected = "Basic " + base64.b64encode((USER + ":" + TOKEN).encode()).decode()
        return self.headers.get("Authorization", "") == expected

    def run_backend(self):
        if not self.authorized():
            self.send_response(401, "Unauthorized")
            self.send_header("WWW-Authenticate", 'Basic realm="external git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        url = urlsplit(self.path)
        if "service=git-receive-pack" in url.query and url.path.endswith("/info/refs"):
            repository = os.path.normpath(os.path.join(ROOT, url.path[1:-len("/info/refs")]))
            if repository.startswith(ROOT + os.sep) and repository.endswith(".git") and not os.path.isdir(repository):
                subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", repository], check=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": ROOT,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_USER": USER,
            "REQUEST_METHOD": self.command,
            "PATH_INFO": url.path,
            "QUERY_STRING": url.query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PROTOCOL": "HTTP/1.0",
            "REMOTE_ADDR": self.client_address[0],
            "HOME": ROOT,
        }
        length = self.headers.get("Content-Length")
        if length:
            env["CONTENT_LENGTH"] = length
        if self.headers.get("Content-Encoding"):
            env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
        if self.headers.get("Git-Protocol"):
            env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
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
    PORT, ROOT, USER, TOKEN = int(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4]
    ThreadingHTTPServer(("127.0.0.1", PORT), GitHandler).serve_forever()
