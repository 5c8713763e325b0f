"""The archive's Whoosh engine; see backend.py for how the modules here share the work."""

from articles.search.backends.whoosh.engine import ArchiveWhooshEngine

__all__ = ["ArchiveWhooshEngine"]
