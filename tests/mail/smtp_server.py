#!/usr/bin/python3
"""Small SMTP test server for integration tests (Debian 12: python3-aiosmtpd).

Usage:
  /usr/bin/python3 smtp_server.py --port PORT --dir DIR
      [--auth USER:PASSWORD] [--require-auth]
      [--starttls-cert CERT --starttls-key KEY] [--require-starttls] [--implicit-tls]
      [--reject ADDR=CODE ...] [--data-reply CODE] [--pidfile FILE] [--verbose]

Behaviour:
  * Listens on 127.0.0.1:PORT only (PORT 0 = pick a free port).  When
    listening it prints "ready PORT" (the real port) to stdout and flushes;
    the pidfile, if any, is written before that line.
  * --auth USER:PASSWORD enables AUTH PLAIN and LOGIN for that one user, also
    on plain (non-TLS) connections.  Without --auth no AUTH is advertised.
    --require-auth: MAIL/RCPT/DATA before a successful AUTH get 530.
  * --starttls-cert/--starttls-key: STARTTLS is offered.  --require-starttls:
    every command except EHLO/NOOP/STARTTLS/QUIT before STARTTLS gets 530.
    --implicit-tls: the same certificate serves TLS from the first byte instead
    (SMTPS, as on port 465); STARTTLS is then not offered.
  * --reject ADDR=CODE (repeatable, ADDR compared case-insensitively): RCPT
    TO:<ADDR> is answered with CODE, e.g. 550 -> "550 5.1.1 mailbox
    unavailable", 450 -> "450 4.2.1 mailbox busy, try later".  "ADDR=CODE
    TEXT" sets the reply text.  A 421 reply also closes the connection.
  * --data-reply CODE[ TEXT]: every DATA is answered with CODE (4xx/5xx)
    and nothing is stored.
  * Every accepted message is stored as DIR/NNNN.json
    {"mail_from", "rcpt_tos", "auth_user", "tls", "peer_port"} and then DIR/NNNN.eml (the
    DATA bytes after dot-unstuffing, without the terminating ".", envelope
    not included).  Both files are written to a .tmp name and renamed, JSON
    first, so a reader that sees NNNN.eml also sees a complete NNNN.json.
    Numbering starts at 0001 (or after the highest number already in DIR).
  * Every SMTP command answered with a code >= 400 appends one line to
    DIR/rejections.log (created empty at start-up), written before the reply
    is sent: "RCPT b@y 550", "MAIL a@x 530", "DATA 451", "AUTH PLAIN 535",
    otherwise "<COMMAND> <code>".
  * SIGTERM / SIGINT: stops the server, removes the pidfile, exits 0.
"""

import argparse
import json
import logging
import os
import re
import signal
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOST = "127.0.0.1"

DEFAULT_TEXTS = {
    421: "4.3.2 service not available, closing channel",
    450: "4.2.1 mailbox busy, try later",
    451: "4.3.0 local error in processing",
    452: "4.2.2 insufficient system storage",
    550: "5.1.1 mailbox unavailable",
    551: "5.1.6 user not local",
    552: "5.2.2 mailbox full",
    553: "5.1.3 mailbox name not allowed",
    554: "5.0.0 transaction failed",
}


def reply_line(spec):
    """'550' -> '550 5.1.1 mailbox unavailable'; '550 custom' -> '550 custom'."""
    m = re.fullmatch(r"\s*(\d{3})(?:\s+(.*?))?\s*", spec)
    if not m:
        raise argparse.ArgumentTypeError(f"bad reply code {spec!r}")
    code = int(m.group(1))
    if not 400 <= code <= 599:
        raise argparse.ArgumentTypeError(f"reply code must be 400..599: {spec!r}")
    text = m.group(2) or DEFAULT_TEXTS.get(code, f"{code // 100}.0.0 rejected by test server")
    return f"{code} {text}"


def reject_spec(value):
    m = re.fullmatch(r"(.+)=(\d{3}(?:\s+.*)?)", value, re.S)
    if not m:
        raise argparse.ArgumentTypeError(f"expected ADDR=CODE, got {value!r}")
    addr = m.group(1).strip().strip("<>")
    return addr.lower(), reply_line(m.group(2))


def auth_spec(value):
    user, sep, password = value.partition(":")
    if not sep or not user:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return user, password


def status_code(status):
    if isinstance(status, bytes):
        status = status.decode("ascii", "replace")
    head = str(status)[:3]
    return int(head) if head.isdigit() else None


def atomic_write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Store:
    """Message files and the rejection log; used from the server's loop thread."""

    def __init__(self, directory):
        self.dir = directory
        os.makedirs(directory, exist_ok=True)
        self.lock = threading.Lock()
        highest = 0
        for name in os.listdir(directory):
            m = re.fullmatch(r"(\d+)\.(eml|json)", name)
            if m:
                highest = max(highest, int(m.group(1)))
        self.counter = highest
        self.log_path = os.path.join(directory, "rejections.log")
        open(self.log_path, "a").close()

    def save(self, meta, content):
        with self.lock:
            self.counter += 1
            name = f"{self.counter:04d}"
            base = os.path.join(self.dir, name)
            atomic_write(base + ".json", (json.dumps(meta) + "\n").encode("ascii"))
            atomic_write(base + ".eml", content)
        return name

    def log_rejection(self, line):
        with self.lock:
            with open(self.log_path, "a", encoding="utf-8", errors="replace") as f:
                f.write(line + "\n")


class Handler:
    # Note: aiosmtpd treats every handler attribute named auth_* as an AUTH
    # mechanism, so no attribute here may start with "auth_".

    def __init__(self, store, rejects, data_reply, offer_auth):
        self.store = store
        self.rejects = rejects
        self.data_reply = data_reply
        self.offer_auth = offer_auth

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # Required by aiosmtpd when this hook exists.
        session.host_name = hostname
        if not self.offer_auth:
            responses = [r for r in responses if not r[4:].upper().startswith("AUTH")]
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.rejects.get(address.lower())
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_reply is not None:
            return self.data_reply
        auth_user = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            auth_user = session.auth_data.login.decode("utf-8", "replace")
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_user": auth_user,
            # session.ssl is set by STARTTLS only; SMTPS shows in the transport.
            "tls": session.ssl is not None
                   or server.transport.get_extra_info("ssl_object") is not None,
            "peer_port": session.peer[1] if session.peer else None,
        }
        name = self.store.save(meta, envelope.original_content or b"")
        return f"250 2.0.0 OK queued as {name}"


class LoggingSMTP(SMTP):
    """SMTP that logs every >= 400 reply together with the command it answers."""

    _cur_line = None
    _cur_logged = False

    def _client_connected_cb(self, reader, writer):
        super()._client_connected_cb(reader, writer)
        orig = reader.readuntil

        # The command loop calls readuntil() without arguments; DATA lines
        # and AUTH challenge responses are read with an explicit separator
        # and must not replace the current command.
        async def readuntil(*args, **kwargs):
            if args or kwargs:
                return await orig(*args, **kwargs)
            self._cur_line = None
            self._cur_logged = False
            line = await orig()
            self._cur_line = line
            return line

        reader.readuntil = readuntil

    def _describe_command(self):
        raw = (self._cur_line or b"").rstrip(b"\r\n")
        cmd_b, _, arg_b = raw.partition(b" ")
        cmd = cmd_b.decode("ascii", "replace").upper() or "?"
        arg = arg_b.decode("utf-8", "replace").strip()
        words = [cmd]
        if cmd in ("MAIL", "RCPT"):
            m = re.search(r"<([^>]*)>", arg)
            if m:
                addr = m.group(1)
            else:
                addr = arg.partition(":")[2].strip().split(" ")[0]
            if addr:
                words.append(addr)
        elif cmd == "AUTH" and arg:
            words.append(arg.split()[0].upper())  # mechanism only, never credentials
        return words

    async def push(self, status):
        code = status_code(status)
        if code is not None and code >= 400 and not self._cur_logged:
            self._cur_logged = True
            try:
                self.event_handler.store.log_rejection(
                    " ".join(self._describe_command() + [str(code)]))
            except Exception:
                logging.getLogger("smtp_server").exception("cannot write rejections.log")
        await super().push(status)
        if code == 421 and self.transport is not None:
            self.transport.close()


class TestController(Controller):
    def factory(self):
        return LoggingSMTP(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self):
        if self.port == 0 and self.server is not None:
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def parse_args(argv):
    p = argparse.ArgumentParser(description="SMTP test server (aiosmtpd)")
    p.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1 (0 = any free port)")
    p.add_argument("--dir", required=True, help="directory for NNNN.eml/NNNN.json and rejections.log")
    p.add_argument("--auth", type=auth_spec, metavar="USER:PASSWORD",
                   help="accept AUTH PLAIN/LOGIN for this user")
    p.add_argument("--require-auth", action="store_true", help="530 for MAIL before AUTH")
    p.add_argument("--starttls-cert", metavar="CERT", help="PEM certificate (enables STARTTLS)")
    p.add_argument("--starttls-key", metavar="KEY", help="PEM private key")
    p.add_argument("--require-starttls", action="store_true", help="530 for MAIL before STARTTLS")
    p.add_argument("--implicit-tls", action="store_true",
                   help="TLS from the first byte (SMTPS) with --starttls-cert/--starttls-key")
    p.add_argument("--reject", type=reject_spec, action="extend", nargs="+", default=[],
                   metavar="ADDR=CODE", help="answer RCPT TO:<ADDR> with CODE (repeatable)")
    p.add_argument("--data-reply", type=reply_line, metavar="CODE",
                   help="answer every DATA with CODE instead of accepting")
    p.add_argument("--pidfile", metavar="FILE", help="write own PID here")
    p.add_argument("-v", "--verbose", action="store_true", help="aiosmtpd debug log on stderr")
    args = p.parse_args(argv)
    if args.require_auth and not args.auth:
        p.error("--require-auth needs --auth")
    if bool(args.starttls_cert) != bool(args.starttls_key):
        p.error("--starttls-cert and --starttls-key go together")
    if args.require_starttls and not args.starttls_cert:
        p.error("--require-starttls needs --starttls-cert/--starttls-key")
    if args.implicit_tls and (not args.starttls_cert or args.require_starttls):
        p.error("--implicit-tls needs --starttls-cert/--starttls-key and excludes --require-starttls")
    if not 0 <= args.port <= 65535:
        p.error("bad --port")
    return args


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(stream=sys.stderr, format="smtp_server: %(name)s %(levelname)s %(message)s")
    # aiosmtpd logs a deprecation warning on every AUTH; keep stderr quiet.
    logging.getLogger("mail.log").setLevel(logging.DEBUG if args.verbose else logging.ERROR)
    warnings.simplefilter("ignore")

    store = Store(os.path.abspath(args.dir))

    tls_context = None
    if args.starttls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.check_hostname = False
        tls_context.verify_mode = ssl.CERT_NONE
        tls_context.load_cert_chain(args.starttls_cert, args.starttls_key)

    kwargs = {}
    if args.auth:
        user_b = args.auth[0].encode("utf-8")
        pass_b = args.auth[1].encode("utf-8")

        def authenticator(server, session, envelope, mechanism, auth_data):
            if (mechanism in ("PLAIN", "LOGIN") and isinstance(auth_data, LoginPassword)
                    and auth_data.login == user_b and auth_data.password == pass_b):
                return AuthResult(success=True, auth_data=auth_data)
            return AuthResult(success=False, handled=False)

        kwargs["authenticator"] = authenticator
    else:
        kwargs["auth_exclude_mechanism"] = ["PLAIN", "LOGIN"]

    handler = Handler(store, dict(args.reject), args.data_reply, bool(args.auth))
    if args.implicit_tls:
        kwargs["ssl_context"] = tls_context
        tls_context = None
    controller = TestController(
        handler,
        hostname=HOST,
        port=args.port,
        server_hostname=HOST,
        tls_context=tls_context,
        require_starttls=bool(tls_context) and args.require_starttls,
        auth_required=args.require_auth,
        auth_require_tls=False,
        enable_SMTPUTF8=True,
        **kwargs,
    )

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    try:
        controller.start()
    except Exception as e:
        print(f"smtp_server: cannot listen on {HOST}:{args.port}: {e}", file=sys.stderr)
        return 1

    pidfile = os.path.abspath(args.pidfile) if args.pidfile else None
    try:
        if pidfile:
            atomic_write(pidfile, f"{os.getpid()}\n".encode())
        print(f"ready {controller.port}", flush=True)
        while not stop.wait(1.0):
            pass
    finally:
        controller.stop(no_assert=True)
        if pidfile:
            try:
                with open(pidfile) as f:
                    if f.read().strip() == str(os.getpid()):
                        os.unlink(pidfile)
            except OSError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
