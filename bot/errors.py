"""nejtak's own small error tree: connectors translate foreign errors into these at the boundary."""


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file, key and line."""


class NejtakError(Exception):
    """Base of every error nejtak raises on purpose."""


class TransientError(NejtakError):
    """Worth retrying later: a network cut, a 4xx SMTP answer, a server restarting."""


class UnreachableError(TransientError):
    """The server did not answer at all (refused, timed out, cut): try again soon, it may be back."""


class PermanentError(NejtakError):
    """Retrying will not help: a 5xx SMTP answer, bad credentials, a missing folder."""


class NotStored(NejtakError):
    """The store refused a message: the store is away, or the message cannot be stored as it is."""


class NotDecided(NejtakError):
    """A message was stored, but its decision could not be recorded."""

    def __init__(self, inbound_id: int, reason: str) -> None:
        super().__init__(reason)
        self.inbound_id = inbound_id
