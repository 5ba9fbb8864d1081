"""nejtak's own small error tree: connectors translate foreign errors into these at the boundary."""


class NejtakError(Exception):
    """Base of every error nejtak raises on purpose."""


class TransientError(NejtakError):
    """Worth retrying later: a network cut, a 4xx SMTP answer, a server restarting."""


class PermanentError(NejtakError):
    """Retrying will not help: a 5xx SMTP answer, bad credentials, a missing folder."""
