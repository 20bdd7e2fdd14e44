"""Allow ``python -m diprefs``."""

from diprefs.cli import main

main()
