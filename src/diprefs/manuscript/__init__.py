"""Reading a manuscript: its text, its printed reference list, its in-text references (pure)."""
