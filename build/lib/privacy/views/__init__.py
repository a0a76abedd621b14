"""Public pages of the privacy app reached from e-mails: thin, the work is in services."""
