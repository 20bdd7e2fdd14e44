"""diprefs: a reference manager for scholars who hand in GOST and APA lists."""

__version__ = "0.1.0"
