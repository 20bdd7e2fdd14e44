"""Use cases: what a command does, without Click and without printing."""
