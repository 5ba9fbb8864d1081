"""The owner's /pause and /mode outlive a restart; editing the config file's mode wins over /mode."""
from __future__ import annotations

from nejtak.bot.config import parse
from nejtak.bot.daemon import Daemon
from nejtak.bot.store import Store


def config(mode: str):
    return parse(f'mode = "{mode}"\n[owner]\naddresses = ["me@owner.example"]\n[intake]\nenabled = false\n')


async def run_once(url: str, mode: str, act=None) -> tuple[str, bool]:
    daemon = Daemon(config(mode), store=Store(url))
    await daemon.start()
    try:
        if act:
            act(daemon)
        return daemon.config.mode, daemon.outbox.paused
    finally:
        await daemon.stop()


def pause_and_observe(daemon: Daemon) -> None:
    """What the Telegram /pause and /mode observe commands do."""
    daemon.set_paused(True)
    daemon.store.audit("owner", "outbox.paused", "telegram")
    daemon.set_mode("observe")
    daemon.store.audit("owner", "mode", "telegram", {"mode": "observe", "config_mode": daemon.file_mode})


async def test_pause_and_mode_survive_a_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    assert await run_once(url, "auto", pause_and_observe) == ("observe", True)
    assert await run_once(url, "auto") == ("observe", True)  # restarted: still paused, still observe


async def test_a_new_mode_in_the_config_file_wins_over_an_old_command(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    await run_once(url, "auto", pause_and_observe)
    mode, paused = await run_once(url, "approve")  # the owner edited the file since
    assert mode == "approve" and paused


async def test_a_reload_swaps_in_the_owners_mode_at_once(tmp_path):
    """SIGHUP builds the new config in the owner's /mode before it is used: no message in between
    is decided in the file's mode (auto, where the owner had chosen observe)."""
    path = tmp_path / "n.toml"
    path.write_text('mode = "auto"\n[owner]\naddresses = ["me@owner.example"]\n[intake]\nenabled = false\n')
    daemon = Daemon(config("auto"), str(path), store=Store(f"sqlite:///{tmp_path / 'n.db'}"))
    await daemon.start()
    try:
        pause_and_observe(daemon)
        seen = []
        original = daemon.pipeline
        await daemon._reload()
        seen.append((daemon.pipeline is not original, daemon.config.mode, daemon.pipeline.config.mode))
        assert seen == [(True, "observe", "observe")]
    finally:
        await daemon.stop()
