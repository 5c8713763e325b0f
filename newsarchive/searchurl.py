"""Turn the SEARCH_URL environment variable into a HAYSTACK_CONNECTIONS entry.

Kept apart from settings.py so the parsing can be unit-tested.
"""
from urllib.parse import urlsplit, urlunsplit

WHOOSH_ENGINE = "articles.search_backend.ArchiveWhooshEngine"


class SearchURLError(ValueError):
    pass


def haystack_connection(search_url, data_dir):
    """Return the haystack connection dict for SEARCH_URL (or Whoosh in data_dir)."""
    if not search_url:
        return {"ENGINE": WHOOSH_ENGINE, "PATH": str(data_dir / "whoosh_index"), "SILENTLY_FAIL": False}
    parts = urlsplit(search_url)
    scheme = parts.scheme.lower()
    if scheme == "whoosh":
        return {"ENGINE": WHOOSH_ENGINE, "PATH": parts.path or str(data_dir / "whoosh_index"), "SILENTLY_FAIL": False}
    name = parts.path.strip("/")
    if not parts.netloc or not name:
        raise SearchURLError(
            f"SEARCH_URL {search_url!r} needs a host and an index/core name, "
            "e.g. elasticsearch7://localhost:9200/newsarchive"
        )
    if scheme in ("elasticsearch7", "elasticsearch7+https"):
        http = "https" if scheme.endswith("+https") else "http"
        return {
            "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
            "URL": urlunsplit((http, parts.netloc, "/", "", "")),
            "INDEX_NAME": name,
        }
    if scheme in ("solr", "solr+https"):
        http = "https" if scheme.endswith("+https") else "http"
        return {
            "ENGINE": "haystack.backends.solr_backend.SolrEngine",
            "URL": urlunsplit((http, parts.netloc, "/" + name, "", "")),
        }
    raise SearchURLError(
        f"SEARCH_URL scheme {parts.scheme!r} is not supported; "
        "use whoosh://, elasticsearch7:// or solr://"
    )
