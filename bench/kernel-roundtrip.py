#!/usr/bin/python3
"""One kernel round trip against a Jupyter Notebook server, for bench/session-start.sh.

    kernel-roundtrip.py BASE_URL AUTH_HEADER [CODE]

BASE_URL is the notebook's base URL (http://127.0.0.1:18080/s/ID/ through Tessera's proxy,
http://127.0.0.1:PORT/x/ directly), AUTH_HEADER a whole header value ("Bearer <access token>",
"token <notebook token>"). Creates a kernel (POST api/kernels {"name": "python3"}), opens its
websocket (api/kernels/ID/channels), sends an execute_request of CODE (default 1+1) on channel
shell (Jupyter messaging protocol v5) and waits for the execute_reply whose parent_header.msg_id
is the request's; it must say status ok, and an execute_result or stream seen for the request is
checked too (1+1 must give 2). Then deletes the kernel (not timed).

Prints one line: the elapsed seconds from the kernel request to the reply, then the parts, and
the wall-clock time of the reply (seconds since the epoch, so that a caller can time up to the
reply, leaving out this interpreter's exit and the kernel's deletion):
"TOTAL create=S connect=S execute=S end=EPOCH". Exits 1 with a message on stderr on any failure (HTTP error,
websocket refused, error reply, TIMEOUT seconds, default 120, from the environment).

Needs Debian's python3-websocket (websocket-client); call it with /usr/bin/python3.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

import websocket


def fail(message):
    print(f"kernel-roundtrip: {message}", file=sys.stderr)
    sys.exit(1)


def request(method, url, auth, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": auth, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            text = response.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        fail(f"{method} {url} answered {e.code}: {e.read()[:300]!r}")
    except (urllib.error.URLError, OSError) as e:
        fail(f"{method} {url} failed: {e}")


def message(session, code):
    msg_id = uuid.uuid4().hex
    return msg_id, {
        "header": {"msg_id": msg_id, "username": "bench", "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        "parent_header": {},
        "metadata": {},
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
        "channel": "shell",
        "buffers": [],
    }


def main():
    if len(sys.argv) not in (3, 4):
        fail("usage: kernel-roundtrip.py BASE_URL AUTH_HEADER [CODE]")
    base, auth = sys.argv[1].rstrip("/") + "/", sys.argv[2]
    code = sys.argv[3] if len(sys.argv) == 4 else "1+1"
    t0 = time.monotonic()
    kernel = request("POST", base + "api/kernels", auth, {"name": "python3"})
    kernel_id = kernel.get("id") if isinstance(kernel, dict) else None
    if not kernel_id:
        fail(f"POST {base}api/kernels returned no kernel id: {kernel!r}")
    t1 = time.monotonic()
    session = uuid.uuid4().hex
    ws_url = "ws" + base[len("http"):] + f"api/kernels/{kernel_id}/channels?session_id={session}"
    try:
        try:
            ws = websocket.create_connection(ws_url, header=[f"Authorization: {auth}"], timeout=TIMEOUT)
        except (websocket.WebSocketException, OSError) as e:
            fail(f"websocket {ws_url.split('?')[0]} failed: {e}")
        t2 = time.monotonic()
        msg_id, execute = message(session, code)
        ws.send(json.dumps(execute))
        reply = result = None
        deadline = t2 + TIMEOUT
        while reply is None:
            if time.monotonic() > deadline:
                fail(f"no execute_reply within {TIMEOUT} s")
            try:
                raw = ws.recv()
            except (websocket.WebSocketException, OSError) as e:
                fail(f"websocket receive failed: {e}")
            if not isinstance(raw, str):
                continue  # binary frames carry buffers; an execute of CODE has none
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg.get("msg_type") or msg.get("header", {}).get("msg_type")
            if kind == "execute_reply":
                reply = msg["content"]
            elif kind == "execute_result":
                result = msg["content"].get("data", {}).get("text/plain")
            elif kind == "stream":
                result = msg["content"].get("text", "").strip()
            elif kind == "error":
                fail(f"the kernel raised {msg['content'].get('ename')}: {msg['content'].get('evalue')}")
        t3 = time.monotonic()
        end = time.time()
        ws.close()
    finally:
        request("DELETE", base + f"api/kernels/{kernel_id}", auth)
    if reply.get("status") != "ok":
        fail(f"execute_reply status {reply.get('status')}: {reply}")
    if code == "1+1" and result not in (None, "2"):
        fail(f"1+1 gave {result!r}")
    print(f"{t3 - t0:.3f} create={t1 - t0:.3f} connect={t2 - t1:.3f} execute={t3 - t2:.3f} end={end:.3f}")


TIMEOUT = float(os.environ.get("TIMEOUT", "120"))

if __name__ == "__main__":
    main()
