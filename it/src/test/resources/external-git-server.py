#!/usr/bin/env python3
"""A stand-in for an external git service in ExternalGitIT: git's own smart HTTP server
(git http-backend, CGI) behind Python's HTTP server, like bench/git-http-backend.py, plus

- basic authentication: every request needs USER:TOKEN (the service account, which may use every
  repository) or a user's credentials from ACCESS_FILE; anything else gets 401;
- per-user access: ACCESS_FILE (read on every request) has lines USER:TOKEN:PREFIX, and that user
  may use only repositories whose path starts with PREFIX (`*`: all); others get 403, as a
  service answers a user without access to a repository;
- push-to-create: a push to a repository that does not exist creates it, as Gitea and GitLab do.

Every authorised request is appended to ACCESS_FILE.log as "USER METHOD PATH?QUERY".

    external-git-server.py PORT ROOT USER TOKEN [ACCESS_FILE]

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

    def credentials(self):
        """USER:TOKEN:PREFIX entries: the service account first, then the access file's."""
        entries = [(USER, TOKEN, "*")]
        if ACCESS_FILE and os.path.exists(ACCESS_FILE):
            with open(ACCESS_FILE) as lines:
                for line in lines:
                    parts = line.strip().split(":", 2)
                    if len(parts) == 3:
                        entries.append(tuple(parts))
        return entries

    def refuse(self, code, reason):
        self.send_response(code, reason)
        if code == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="external git"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def run_backend(self):
        given = self.headers.get("Authorization", "")
        match = [e for e in self.credentials() if given == "Basic " + base64.b64encode((e[0] + ":" + e[1]).encode()).decode()]
        if not match:
            self.refuse(401, "Unauthorized")
            return
        user = match[0][0]
        url = urlsplit(self.path)
        # An account may have several grants (lines); any one that covers the path lets it through.
        if not any(prefix == "*" or url.path[1:].startswith(prefix) for _, _, prefix in match):
            self.refuse(403, "Forbidden")
            return
        if ACCESS_FILE:
            with open(ACCESS_FILE + ".log", "a") as log:
                log.write(user + " " + self.command + " " + url.path + "?" + url.query + "\n")
        if "service=git-receive-pack" in url.query and url.path.endswith("/info/refs"):
            repository = os.path.normpath(os.path.join(ROOT, url.path[1:-len("/info/refs")]))
            if repository.startswith(ROOT + os.sep) and repository.endswith(".git") and not os.path.isdir(repository):
                subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", repository], check=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": ROOT,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_USER": user,
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
    ACCESS_FILE = os.path.abspath(sys.argv[5]) if len(sys.argv) > 5 else None
    ThreadingHTTPServer(("127.0.0.1", PORT), GitHandler).serve_forever()
