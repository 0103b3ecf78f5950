"""factcheck: a cross-source fact-consistency checker for news.

The pipeline, one module per stage: load → rules → normalize → extract →
compare → report. Importing the package imports nothing heavy.
"""

__version__ = "0.2.0"
