"""The states of a message that failed, by name: read by the pipeline and the daemon, which need
the names without the database layer behind them."""

FAILED = "failed"  # stored, but deciding failed: decided again after a good reload or restart
PUT_ASIDE = "put_aside"  # could not even be stored as itself: its raw bytes only
