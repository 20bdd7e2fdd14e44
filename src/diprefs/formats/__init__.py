"""Pure readers and writers of bibliographic file formats (no storage, no Click)."""
