"""`nejtak run`: one asyncio process that wires connectors, the pipeline and the outbox together."""
from __future__ import annotations

import asyncio
import logging
import signal
from datetime import datetime, timedelta, timezone

from sqlalchemy.exc import SQLAlchemyError

from nejtak.bot import config as config_mod
from nejtak.bot import digest as digest_mod
from nejtak.bot import email_delivery, readiness
from nejtak.bot.email_delivery import draft_of  # noqa: F401  (where the tests and tools look for it)
from nejtak.bot import unsubscribe as unsubscribe_mod
from nejtak.bot.acceptance import AcceptanceJournal
from nejtak.bot.config import Config, ConfigError
from nejtak.bot.errors import NotDecided, NotStored, PermanentError, TransientError
from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import read_message
from nejtak.bot.outbox import OutboxWorker
from nejtak.bot import one_daemon
from nejtak.bot.learning import OwnerLearning
from nejtak.bot import owner_replies
from nejtak.bot.owner_replies import Learned, OwnerSent
from nejtak.bot.pipeline import Outcome, Pipeline
from nejtak.bot.redecide import inbound_of
from nejtak.bot.store.states import FAILED, PUT_ASIDE
from nejtak.responders.email_reply import own_refusal

log = logging.getLogger("nejtak.daemon")
TRY_OUT_ADDRESS = "me@localhost"  # the owner's address when none is configured


def with_owner_address(config: Config) -> Config:
    """Without owner.addresses nothing could be answered: the try-out address stands in."""
    if config.owner.addresses:
        return config
    log.warning("no owner.addresses configured: accepting mail for %s only, to try nejtak out",
                TRY_OUT_ADDRESS)
    return config.model_copy(update={"owner": config.owner.model_copy(update={"addresses": [TRY_OUT_ADDRESS]})})


class Daemon:
    """Owns the store, the pipeline, the outbox worker and every connector; stops them cleanly."""

    def __init__(self, config: Config, config_path: str | None = None, store=None) -> None:
        # the try-out address stands in only without a config file: a file must name the owner
        self.config = config if config_path else with_owner_address(config)
        self.file_mode = self.config.mode  # the mode the config file says, before any /mode
        self.config_path = config_path
        self.store = store
        self.pipeline: Pipeline | None = None
        self.learning: OwnerLearning | None = None  # what the owner taught; bot/learning.py
        self.outbox: OutboxWorker | None = None
        self.stop_event = asyncio.Event()
        self.imap: list = []
        self.intake = None
        self.smtp = None
        self.journal: AcceptanceJournal | None = None
        self._running_lock: int | None = None  # bot/one_daemon.py: one daemon per store
        self.telegram = None
        self.tasks: list[asyncio.Task] = []
        self.outbox_task: asyncio.Task | None = None
        self._unsubscribing: set[int] = set()  # inbound ids with a one-click request under way
        self.ready = asyncio.Event()
        self.last_digest = datetime.now(timezone.utc) - timedelta(days=1)

    # -- the path of a message --------------------------------------------------------------

    async def handle(self, msg: Inbound, raw: bytes | None = None,
                     inbound_id: int | None = None) -> Outcome | None:
        """Run one message through the pipeline in a thread. The store away: TransientError (the
        connector keeps the message and tries again). This one message the trouble, the store
        well: it is put aside (kept raw, shown as failed) and the daemon moves on."""
        try:
            outcome = await asyncio.to_thread(self.pipeline.process, msg,
                                              self.config.store.retention_days > 0, inbound_id)
        except (NotStored, NotDecided) as e:
            outcome = await self._set_aside(msg, raw, e)
        except Exception:
            log.exception("could not decide on %s from %s; it is stored, nothing was sent",
                          msg.message_id or msg.source, msg.sender)
            return None
        d = outcome.decision
        if d and d.action == "reply" and self.outbox:
            self.outbox.wake.set()
        if d and d.action in ("draft", "suggest_block"):
            log.info("waiting for the owner: %s from %s (%s)", d.action, msg.sender, msg.subject[:80])
        return outcome

    async def _set_aside(self, msg: Inbound, raw: bytes | None, e: NotStored | NotDecided) -> Outcome:
        """After the store refused a message: retry later if the store is away, else keep it
        aside (raw) or mark it failed, so that it never holds up the messages behind it."""
        if not await asyncio.to_thread(self.store.healthy):
            raise TransientError(f"store unavailable: {e}") from e
        what = msg.message_id or msg.source
        try:
            if isinstance(e, NotDecided):
                await asyncio.to_thread(self.store.mark_failed, e.inbound_id, f"could not record the decision: {e}")
                log.error("%s from %s: stored, but the decision could not be recorded (%s); shown as failed",
                          what, msg.sender, e)
                return Outcome(e.inbound_id, None, action=FAILED, failed=str(e))
            kept = raw if raw is not None else msg.text.encode("utf-8", "replace")
            inbound_id = await asyncio.to_thread(self.store.put_aside, msg, kept, f"could not be stored: {e}")
        except Exception as again:  # noqa: BLE001  the store took nothing: the sender keeps it
            raise TransientError(f"store refused the message and its raw copy: {again}") from again
        log.error("%s from %s could not be stored (%s); kept raw as inbound %d, shown as failed",
                  what, msg.sender, e, inbound_id)
        return Outcome(inbound_id, None, action=PUT_ASIDE, failed=str(e))

    async def handle_email(self, raw: bytes, source: str, size: int | None = None) -> Outcome | None:
        # a large mail takes a while to parse: not on the event loop
        msg = await asyncio.to_thread(read_message, raw, source, keep_raw=self.config.store.retention_days > 0,
                                      size=size)
        if msg.error:
            log.warning("message %s read with a problem: %s", source, msg.error)
        outcome = await self.handle(msg, raw)
        if outcome and outcome.decision and outcome.decision.action == "unsubscribe":
            # DNS and an HTTPS request take seconds: the intake's 250 and the IMAP flag do not wait
            task = asyncio.create_task(self.unsubscribe(msg, raw, outcome.inbound_id))
            self.tasks.append(task)
            task.add_done_callback(lambda t: t in self.tasks and self.tasks.remove(t))
        return outcome

    async def unsubscribe(self, msg: Inbound, raw: bytes, inbound_id: int,
                          consent: bool | None = None) -> tuple[str | None, bool, str] | None:
        """Bulk marketing: RFC 8058 one-click with the owner's consent (the setting, or `consent`:
        a tap in the digest), recorded in the audit log; (url, ok, reason), None when not tried."""
        if not (self.config.unsubscribe.consent if consent is None else consent):
            log.info("waiting for the owner: unsubscribe from %s (%s)", msg.sender, msg.subject[:80])
            return None
        if inbound_id in self._unsubscribing:  # the automatic one and a digest tap at once: one POST
            return None
        self._unsubscribing.add(inbound_id)
        try:
            url, ok, reason = await unsubscribe_mod.one_click(msg, raw)
            await asyncio.to_thread(self.store.audit, "nejtak", "unsubscribe", f"inbound:{inbound_id}",
                                    {"url": url, "ok": ok, "reason": reason})
        except Exception:  # the message is stored and decided; an unsubscribe problem must not undo that
            log.exception("unsubscribe from %s failed", msg.sender)
            return None
        finally:
            self._unsubscribing.discard(inbound_id)
        log.info("unsubscribe from %s: %s %s (%s)", msg.sender, "done" if ok else "not done", url or "", reason)
        return url, ok, reason

    # -- connectors -------------------------------------------------------------------------

    async def _start_intake(self) -> None:
        from nejtak.bot.connectors.intake import SmtpIntake

        async def on_message(raw: bytes, mail_from: str, rcpts: list[str]) -> None:
            await self.handle_email(raw, f"smtp:{mail_from}")

        self.intake = SmtpIntake(self.config.intake, self.config.owner.addresses, on_message)
        await self.intake.start()
        log.info("SMTP intake listening on %s:%s", self.config.intake.host, self.intake.port)

    async def _start_imap(self, cfg) -> None:
        from nejtak.bot.connectors.imap import ImapConnector

        conn = ImapConnector(cfg, self.store)
        self.imap.append(conn)
        conn.running = asyncio.create_task(self._guard(self._imap_account(conn, cfg),
                                                       f"imap {cfg.username}@{cfg.host}"))
        self.tasks.append(conn.running)
        from nejtak.bot.connectors.imap_training import TrainingFolder

        for label, folder in (("pitch", cfg.pitch_folder), ("wanted", cfg.wanted_folder)):
            if folder:  # each on a connection of its own; a folder that cannot be made stops alone
                watch = TrainingFolder(cfg, label, folder, self.store, self.learning, conn.account)
                self.tasks.append(asyncio.create_task(self._guard(
                    watch.follow(self.stop_event), f"training folder {folder} of {cfg.username}@{cfg.host}")))

    async def _imap_account(self, conn, cfg) -> None:
        """Sender history first (the Sent folder, and the inbox mail the owner answered; retried
        while the server is away), then the watch of the inbox, and of Sent for what the owner
        writes from now on."""
        from nejtak.bot.connectors.imap_sent import SentWatch

        sent = SentWatch(conn)
        delay = 5.0
        while True:
            try:
                await sent.resume()  # before the history: what comes after it is the owner writing now
                history = await conn.read_history() + await conn.read_answered()
                break
            except TransientError as e:
                log.warning("%s@%s: cannot read the Sent folder yet (%s); again in %.0f s",
                            cfg.username, cfg.host, e, delay)
                if await self._sleep(delay):
                    return
                delay = min(delay * 2, 12.0)  # caught up soon after the server is back
        items = [("email", rcpts, mid, at) for rcpts, mid, at in history if not own_refusal(mid)]
        n = await asyncio.to_thread(self.store.record_owner_sent_many, items)
        log.info("read %d sent or answered messages of %s as sender history", n, cfg.username)
        if self.imap and conn is self.imap[0]:  # the account replies are filed in
            await email_delivery.file_unfiled(self)

        async def on_message(uid: int, raw: bytes, size: int | None = None) -> None:
            outcome = await self.handle_email(raw, f"imap:{cfg.username}@{cfg.host}/{cfg.inbox}/{uid}", size)
            action = outcome.action if outcome else None
            # answered, drafted or marked for a block, now or before a crash cut the flagging short
            if action not in (None, "none", FAILED, PUT_ASIDE):
                try:
                    await conn.mark_handled(uid)
                except (TransientError, PermanentError) as e:
                    log.warning("could not mark message %s as handled: %s", uid, e)

        following = asyncio.create_task(self._guard(sent.run(self.owner_sent, self.stop_event),
                                                     f"sent {cfg.username}@{cfg.host}"))
        try:
            await conn.watch(on_message, self.stop_event)
        finally:
            following.cancel()
            await asyncio.gather(following, return_exceptions=True)

    async def owner_sent(self, sent: OwnerSent, teach: bool = True) -> Learned:
        """The owner wrote to someone (Sent, read while running): a known correspondent from now
        on; with `teach`, their pitch labels are taken back and what was answered is wanted.
        The store away: TransientError (the Sent watch tries again); any other trouble with one
        message is logged and the watch moves on."""
        try:
            return await asyncio.to_thread(owner_replies.learn_from_sent, self.store, self.learning, sent,
                                           self.config.owner.addresses, teach)
        except Exception as e:
            if not await asyncio.to_thread(self.store.healthy):
                raise TransientError(f"store unavailable: {e}") from e
            log.exception("could not learn from the owner's message %s to %s",
                          sent.message_id or "(no Message-ID)", ", ".join(sent.recipients))
            return Learned()

    async def _guard(self, coro, name: str) -> None:
        """A connector that fails for good is reported; the rest of the daemon keeps running."""
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except Exception as e:
            log.error("%s stopped: %s", name, e)

    async def deliver_email(self, row: dict) -> None:
        await email_delivery.deliver(self, row)

    async def verify_email(self, row: dict) -> bool | None:
        return await email_delivery.verify(self, row)

    # -- digest, retention, reload ----------------------------------------------------------

    async def digest_text(self) -> str:
        d = await asyncio.to_thread(digest_mod.build, self.store, self.last_digest)
        return digest_mod.render_text(d)

    async def _console_digest(self) -> None:
        times = ["09:00", "18:00"]
        while not self.stop_event.is_set():
            now = datetime.now().astimezone()
            wait = (digest_mod.next_time(now, times) - now).total_seconds()
            if await self._sleep(wait):
                return
            log.info("%s", await self.digest_text())
            self.last_digest = datetime.now(timezone.utc)

    async def _retention(self) -> None:
        while not self.stop_event.is_set():
            cutoff = datetime.now(timezone.utc) - timedelta(days=self.config.store.retention_days)
            try:
                n = await asyncio.to_thread(self.store.purge_bodies, cutoff)
                if n:
                    log.info("retention: dropped the bodies of %d messages older than %s (senders asked "
                             "to stop keep theirs until `nejtak forget`)", n, cutoff.date())
            except SQLAlchemyError as e:
                log.warning("retention purge failed: %s", e)
            if await self._sleep(6 * 3600):
                return

    async def _sleep(self, seconds: float) -> bool:
        """Sleep, or return True at once when the daemon stops."""
        try:
            await asyncio.wait_for(self.stop_event.wait(), timeout=max(seconds, 0))
            return True
        except asyncio.TimeoutError:
            return False

    def reload(self) -> None:
        """SIGHUP: config, templates and phrase lists anew; connectors keep their settings."""
        task = asyncio.get_running_loop().create_task(self._guard(self._reload(), "reload"))
        self.tasks.append(task)

    async def _reload(self) -> None:
        if not self.config_path:
            log.info("SIGHUP: no config file to reload; templates and phrases read anew")
        try:
            config = await asyncio.to_thread(config_mod.load, self.config_path)
            if not self.config_path:
                config = with_owner_address(config)
            # everything a start checks, every template rendered: a bad file is never swapped in
            await asyncio.to_thread(readiness.check, config, self.config_path)
            pipeline = await asyncio.to_thread(Pipeline, config, self.store, learning=self.learning)
        except ConfigError as e:
            log.error("SIGHUP: config not reloaded, keeping the running one: %s", e)
            return
        file_mode = config.mode
        owner_mode = await self._owner_mode(file_mode)
        if owner_mode != file_mode:  # swapped in already in the owner's mode: no message sees the file's
            config = config.model_copy(update={"mode": owner_mode})
            pipeline.config = config
        self.config, self.pipeline, self.file_mode = config, pipeline, file_mode
        log.info("SIGHUP: reloaded config, templates and phrase lists (mode %s)", config.mode)
        await self._redecide()

    async def _redecide(self) -> None:
        """Stored messages without a decision (a crash, a failed decision): decided now."""
        rows = await asyncio.to_thread(self.store.to_redecide)
        if rows:
            log.info("deciding %d stored message(s) left without a decision", len(rows))
        for row in rows:
            msg = await asyncio.to_thread(inbound_of, row)
            try:
                await self.handle(msg, inbound_id=row["id"])
            except TransientError as e:  # the store away: the next start or reload tries again
                log.warning("could not decide stored message %s now: %s", row["id"], e)
                return

    def set_mode(self, mode: str) -> None:
        self.config = self.config.model_copy(update={"mode": mode})
        self.pipeline.config = self.config
        log.info("mode is now %s", mode)

    def set_paused(self, paused: bool) -> None:
        self.outbox.paused = paused
        if not paused:
            self.outbox.wake.set()
        log.info("sending is %s", "paused" if paused else "on")

    async def _restore_owner_settings(self) -> None:
        """/pause and /mode outlive a restart or reload. A /mode lasts while the config file
        still says what it said when the owner sent it: editing the file's mode wins."""
        paused = await asyncio.to_thread(self.store.last_audit, ["outbox.paused", "outbox.resumed"])
        if paused and paused["event"] == "outbox.paused":
            self.set_paused(True)
        mode = await self._owner_mode(self.file_mode)
        if mode != self.config.mode:
            self.set_mode(mode)

    async def _owner_mode(self, file_mode: str) -> str:
        """The owner's last /mode while the file still says what it said then, else the file's."""
        chosen = await asyncio.to_thread(self.store.last_audit, ["mode"])
        detail = (chosen or {}).get("detail") or {}
        if detail.get("mode") and detail.get("config_mode") == file_mode != detail["mode"]:
            log.info("mode %s as the owner set it (the config file says %s)", detail["mode"], file_mode)
            return detail["mode"]
        return file_mode

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        from nejtak.bot.store import Store

        cfg = self.config
        await asyncio.to_thread(readiness.check, cfg, self.config_path)
        if self.store is None:
            self.store = await asyncio.to_thread(Store, cfg.store.resolved_url(), cfg.classifier.freemail_domains)
        self.learning = await asyncio.to_thread(OwnerLearning, self.store, cfg.owner.addresses)
        self.pipeline = Pipeline(cfg, self.store, learning=self.learning)
        self.journal = AcceptanceJournal(cfg.store.acceptance_journal())
        self._running_lock = one_daemon.hold(self.journal.path.with_name(self.journal.path.name + ".daemon"))
        self.outbox = OutboxWorker(self.store, journal=self.journal)
        await self._restore_owner_settings()
        if cfg.smtp is not None:
            from nejtak.bot.connectors.send_process import SendProcess
            from nejtak.bot.connectors.smtp_out import SmtpSender

            # transactions in a process of their own: a kill -9 of the daemon never doubles one
            self.smtp = SmtpSender(cfg.smtp, SendProcess(self.journal.path), self.journal)
        else:
            log.warning("no [smtp] server: e-mail replies wait in the outbox until one is configured")
        self.outbox.register("email", self.deliver_email, self.verify_email)
        for imap_cfg in cfg.imap:
            await self._start_imap(imap_cfg)
        if cfg.intake.enabled:
            await self._start_intake()
        if cfg.telegram is not None:
            from nejtak.bot.connectors.telegram import TelegramConnector

            self.telegram = TelegramConnector(cfg.telegram, self)
            await self.telegram.start()
        else:
            self.tasks.append(asyncio.create_task(self._guard(self._console_digest(), "console digest")))
        self.outbox_task = asyncio.create_task(self._guard(self.outbox.run(self.stop_event), "outbox"))
        self.tasks.append(asyncio.create_task(self._guard(self._retention(), "retention")))
        self.tasks.append(asyncio.create_task(self._guard(self._redecide(), "deciding stored messages")))
        await self._imap_watching()
        log.info("nejtak running: mode %s, store %s, %d IMAP account(s), intake %s, telegram %s",
                 cfg.mode, _safe_url(cfg.store.resolved_url()), len(cfg.imap),
                 "on" if cfg.intake.enabled else "off", "on" if cfg.telegram else "off (digest in the log)")
        self.ready.set()

    async def _imap_watching(self, timeout: float = 30.0) -> None:
        """Wait (bounded) until every IMAP account knows its inbox position, so that `ready`
        means: mail that arrives from now on will be handled."""
        async def watching_or_stopped(c) -> None:  # an account that stopped with an error: not awaited
            watching = asyncio.ensure_future(c.watching.wait())
            try:
                await asyncio.wait({watching, c.running}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                watching.cancel()

        waits = [asyncio.ensure_future(watching_or_stopped(c)) for c in self.imap]
        if not waits:
            return
        done, pending = await asyncio.wait(waits, timeout=timeout)
        for w in pending:
            w.cancel()
        if pending:
            log.warning("%d IMAP account(s) not watching yet; they catch up when they connect", len(pending))

    async def stop(self) -> None:
        self.stop_event.set()
        if self.intake is not None:
            await self.intake.stop()
        if self.outbox_task is not None:
            # Let a reply being sent finish and be marked: cancelling it mid-send would leave a
            # sent reply in `sending`, to be sent again after the restart.
            done, _ = await asyncio.wait({self.outbox_task}, timeout=60)
            if not done:
                log.warning("outbox still sending after 60 s; stopping it")
                self.outbox_task.cancel()
            self.tasks.append(self.outbox_task)
        if self.telegram is not None:
            await self.telegram.stop()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        for conn in self.imap:
            await conn.close()
        if self.smtp is not None and self.smtp.process is not None:
            await asyncio.to_thread(self.smtp.process.close)
        if self.journal is not None:
            self.journal.close()
        one_daemon.release(self._running_lock)
        self._running_lock = None
        if self.store is not None:
            await asyncio.to_thread(self.store.close)
        log.info("nejtak stopped")

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop_event.set)
        loop.add_signal_handler(signal.SIGHUP, self.reload)
        try:
            await self.start()
            await self.stop_event.wait()
        finally:
            await self.stop()


def _safe_url(url: str) -> str:
    """A store URL for the log, without a password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  a URL we cannot parse is not worth failing the log line
        return url.split("@")[-1]
