"""What a start and a reload check before nejtak may speak for the owner: the same checks both."""
from __future__ import annotations

from nejtak.bot.config import Config, ConfigError, login_problems


def problems(config: Config, config_path: str | None) -> list[str]:
    """Everything that would make nejtak answer wrongly or not at all; empty when ready.

    Without a config file nejtak runs on the try-out address; a file must name the owner."""
    from nejtak.bot.phrases import PhraseBook
    from nejtak.responders.templates import TemplateSet

    found = []
    if config_path and not config.owner.addresses:
        found.append(f"{config_path}: owner.addresses is empty: nejtak could not tell mail to you "
                     "from mail to others (give at least one address)")
    found += login_problems(config)
    try:
        PhraseBook(config.phrases_dir)
    except ConfigError as e:
        found.append(str(e))
    try:
        found += TemplateSet(config.templates_dir, config.owner.language).check_all()
    except ConfigError as e:
        found.append(str(e))
    return found


def check(config: Config, config_path: str | None) -> None:
    """Raise ConfigError listing every problem."""
    found = problems(config, config_path)
    if found:
        raise ConfigError("\n".join(found))
