"""Reference styles: GOST R 7.0.100-2018, GOST R 7.0.5-2008 and APA 7 as data.

Pure: templates (``template``), styled text (``text``), words by language (``terms``), renderers
(``render``, ``word``), one module per style (``gost``, ``gost2008``, ``apa``), citations and the
required-elements table of ``check``. Nothing here reads the library or prints.
"""
