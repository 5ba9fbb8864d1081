"""The SMTP transaction in a process of its own: the one piece that must outlive a crash.

The server keeps a refusal the moment it answers 250 to DATA; nejtak knows it only once that
answer is written down. In the daemon's own process the answer may wait for the interpreter
(another thread holds the GIL) and a kill -9 in that wait sends the refusal twice after the
restart. This process does nothing else: it writes the server's answer to the acceptance
journal as it arrives, and when the daemon is killed mid-send it finishes the transaction it
began, journals it and exits. It holds the journal's send lock for each transaction, and a
restarting daemon waits for that lock before it reads the journal (OutboxWorker.recover).

It ignores SIGTERM, SIGINT and SIGHUP (systemd sends them to the whole unit): it stops when
the daemon closes the pipe, after the transaction in hand."""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import pickle
import signal
from multiprocessing.connection import Connection
from pathlib import Path

log = logging.getLogger("nejtak.smtp")
_CONTEXT = multiprocessing.get_context("spawn")  # never fork a threaded daemon


class SenderGone(Exception):
    """The sending process died before it answered."""


def _portable(e: BaseException) -> BaseException:
    """The exception as it can cross to the daemon (an unpicklable one as an OSError: retried)."""
    try:
        pickle.loads(pickle.dumps(e))
        return e
    except Exception:
        return OSError(f"{type(e).__name__}: {e}")


def _serve(conn: Connection, journal_path: str) -> None:
    """The child: one request at a time until the daemon closes the pipe (or is gone)."""
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    from nejtak.bot.acceptance import AcceptanceJournal  # noqa: PLC0415 (the child's own imports)
    from nejtak.bot.connectors.smtp_out import SmtpSender  # noqa: PLC0415

    journal = AcceptanceJournal(Path(journal_path))
    while True:
        try:
            cfg, message, envelope_from, to, password, outbox_id = conn.recv()
        except (EOFError, OSError):
            return
        replies: list[str] = []

        def accepted(reply: str) -> None:
            if outbox_id is not None:
                journal.record(outbox_id, reply)
            replies.append(reply)
            try:  # the daemon records it in the store now, before QUIT
                conn.send(("accepted", reply, None))
            except (BrokenPipeError, OSError):
                pass  # the daemon is gone: the journal has it

        with journal.sending():
            try:
                SmtpSender(cfg)._send_sync(message, envelope_from, to, password, accepted)
                result = ("done", replies[0] if replies else "", None)
            except BaseException as e:  # noqa: BLE001 (carried to the daemon, which translates it)
                result = ("done", replies[0] if replies else "", _portable(e))
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return  # the daemon is gone: the transaction is journalled, nothing else to do


class SendProcess:
    """The daemon's side: starts the child on the first send (again if it died), one send at a time."""

    def __init__(self, journal_path: Path) -> None:
        self.journal_path = journal_path
        self._proc = None
        self._conn: Connection | None = None
        self._busy = asyncio.Lock()

    def _start(self) -> None:
        if self._conn is not None:  # a child that died between sends: its pipe goes with it
            self._conn.close()
        parent, child = _CONTEXT.Pipe()
        proc = _CONTEXT.Process(target=_serve, args=(child, str(self.journal_path)),
                                name="nejtak-send", daemon=False)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        log.info("sending process %s started", proc.pid)

    async def send(self, cfg, message, envelope_from: str, to: str, password: str,
                   outbox_id: int | None, on_accepted) -> tuple[str, BaseException | None]:
        """The server's answer to DATA ("" if it never accepted) and what the transaction
        raised, if anything; SenderGone when the child died before it answered.
        on_accepted(reply) runs (in a worker thread) the moment the child reports the 250."""
        async with self._busy:
            if self._proc is None or not self._proc.is_alive():
                await asyncio.to_thread(self._start)
            conn = self._conn
            recording: BaseException | None = None
            try:
                await asyncio.to_thread(conn.send, (cfg, message, envelope_from, to, password, outbox_id))
                status, reply, error = await asyncio.to_thread(conn.recv)
                if status == "accepted":
                    try:
                        if on_accepted is not None:
                            await asyncio.to_thread(on_accepted, reply)
                    except Exception as e:  # noqa: BLE001 (the store away: raised after "done")
                        recording = e
                    status, reply, error = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError) as e:
                self._abandon()
                raise SenderGone(f"the sending process died mid-send: {e}") from e
            except BaseException:
                self._abandon()  # cancelled mid-send: its answers would confuse the next send
                raise
        if recording is not None:
            raise recording
        return reply, error

    def _abandon(self) -> None:
        """Stop talking to this child: it finishes the transaction in hand (journalled) and
        exits when it finds the pipe closed; the next send starts a new one."""
        if self._conn is not None:
            self._conn.close()
        self._conn, self._proc = None, None

    def close(self, timeout: float = 60.0) -> None:
        """Let the child finish the transaction in hand and exit."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout)
            if self._proc.is_alive():
                log.warning("sending process %s still busy after %.0f s; left to finish", self._proc.pid, timeout)
            self._proc = None
