"""Turn the SEARCH_URL environment variable into a HAYSTACK_CONNECTIONS entry.

Kept apart from settings.py so the parsing can be unit-tested. Forms (README "Scaling out"):

    (unset)                          Whoosh in $NEWSARCHIVE_DATA_DIR/whoosh_index
    whoosh:///srv/newsarchive/index  Whoosh at an absolute path
    elasticsearch7://[USER:PASSWORD@]HOST[:PORT][,HOST[:PORT]...][/PREFIX]/INDEX[?OPTIONS]
    solr://[USER:PASSWORD@]HOST[:PORT]/PATH/TO/CORE[?OPTIONS]

`+https` after the scheme (`elasticsearch7+https://`, `solr+https://`) talks TLS. OPTIONS:
`timeout=SECONDS` (default 10), `batch_size=N` (documents per bulk update, default 1000),
`verify_certs=0|1` and `ca_certs=/path/ca.pem` (TLS only). User names and passwords are
percent-decoded. Anything else is refused with a message naming SEARCH_URL, so a typo stops the
app at startup instead of at the first search.
"""

import importlib.util
import math
import re
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

WHOOSH_ENGINE = "articles.search.backends.whoosh.engine.ArchiveWhooshEngine"
ELASTICSEARCH7_ENGINE = "articles.search.backends.elasticsearch7.ArchiveElasticsearch7Engine"
SOLR_ENGINE = "articles.search.backends.solr.ArchiveSolrEngine"

SCHEMES = {
    "elasticsearch7": ("elasticsearch7", "http"),
    "elasticsearch7+https": ("elasticsearch7", "https"),
    "solr": ("solr", "http"),
    "solr+https": ("solr", "https"),
}
# The Python client each engine needs (pinned in requirements.txt).
CLIENTS = {"elasticsearch7": "elasticsearch", "solr": "pysolr"}
OPTIONS = {"timeout", "batch_size", "verify_certs", "ca_certs"}
# Elasticsearch index names: lowercase, none of \ / * ? " < > | space , # :, not starting
# with - _ +.
ES_INDEX_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
EXAMPLES = (
    "e.g. elasticsearch7://localhost:9200/newsarchive or solr://localhost:8983/solr/newsarchive"
)


class SearchURLError(ImproperlyConfigured, ValueError):
    """A SEARCH_URL the app cannot use: raised while settings load, so the app does not start."""


def whoosh_connection(path):
    return {"ENGINE": WHOOSH_ENGINE, "PATH": str(path), "SILENTLY_FAIL": False}


def haystack_connection(search_url, data_dir):
    """Return the haystack connection dict for SEARCH_URL (or Whoosh in data_dir)."""
    if not search_url or not search_url.strip():
        return whoosh_connection(data_dir / "whoosh_index")
    search_url = search_url.strip()
    parts = urlsplit(search_url)
    scheme = parts.scheme.lower()
    shown = _redacted(search_url)
    if scheme == "whoosh":
        if parts.netloc:
            raise SearchURLError(
                f"SEARCH_URL {shown!r}: a Whoosh path must be absolute, e.g. whoosh:///srv/newsarchive/index"
            )
        return whoosh_connection(parts.path or data_dir / "whoosh_index")
    if scheme not in SCHEMES:
        raise SearchURLError(
            f"SEARCH_URL scheme {parts.scheme!r} is not supported; use whoosh:///PATH, "
            "elasticsearch7[+https]://HOST:PORT/INDEX or solr[+https]://HOST:PORT/solr/CORE"
        )
    engine, http = SCHEMES[scheme]
    hosts = _hosts(parts.netloc, shown)
    path = parts.path.rstrip("/")
    name = path.rsplit("/", 1)[-1]
    if not name:
        raise SearchURLError(
            f"SEARCH_URL {shown!r} needs an index or core name after the host, {EXAMPLES}"
        )
    options = _options(parts.query, shown, https=http == "https")
    user, password = _credentials(parts, shown)
    connection = {"SILENTLY_FAIL": False, "TIMEOUT": options.get("timeout", 10)}
    if "batch_size" in options:
        connection["BATCH_SIZE"] = options["batch_size"]
    kwargs = {}
    if engine == "elasticsearch7":
        if not ES_INDEX_NAME.fullmatch(name) or len(name.encode()) > 255:
            raise SearchURLError(
                f"SEARCH_URL {shown!r}: {name!r} is not a valid Elasticsearch index name "
                "(lowercase letters, digits, '.', '_' and '-'; not starting with '-', '_' or '.')"
            )
        prefix = path[: -len(name)]  # a proxy path in front of the cluster, usually "/"
        urls = [urlunsplit((http, host, prefix or "/", "", "")) for host in hosts]
        connection.update(
            ENGINE=ELASTICSEARCH7_ENGINE, URL=urls if len(urls) > 1 else urls[0], INDEX_NAME=name
        )
        if user is not None:
            kwargs["http_auth"] = (user, password)
        if "verify_certs" in options:
            kwargs["verify_certs"] = options["verify_certs"]
        if "ca_certs" in options:
            kwargs["ca_certs"] = options["ca_certs"]
    else:
        if len(hosts) > 1:
            raise SearchURLError(
                f"SEARCH_URL {shown!r}: Solr takes one address (put a load balancer in front of "
                "the SolrCloud nodes)"
            )
        connection.update(ENGINE=SOLR_ENGINE, URL=urlunsplit((http, hosts[0], path, "", "")))
        if user is not None:
            kwargs["auth"] = (user, password)
        if "ca_certs" in options:
            kwargs["verify"] = options["ca_certs"]
        elif "verify_certs" in options:
            kwargs["verify"] = options["verify_certs"]
    if kwargs:
        connection["KWARGS"] = kwargs
    if importlib.util.find_spec(CLIENTS[engine]) is None:
        raise SearchURLError(
            f"SEARCH_URL {shown!r} needs the {CLIENTS[engine]!r} package: "
            "pip install -r requirements.txt"
        )
    return connection


def _redacted(url):
    """The URL with its password replaced, for error messages."""
    return re.sub(r"(//[^/@:]*:)[^/@]*@", r"\1***@", url)


def _hosts(netloc, shown):
    hostpart = netloc.rsplit("@", 1)[-1]
    hosts = hostpart.split(",")
    if not hostpart or not all(hosts):
        raise SearchURLError(f"SEARCH_URL {shown!r} needs a host, {EXAMPLES}")
    for host in hosts:
        name, port = (host, "") if host.endswith("]") or ":" not in host else host.rsplit(":", 1)
        if (
            ":" in host
            and not host.endswith("]")
            and not (port.isdigit() and 0 < int(port) < 65536)
        ):
            raise SearchURLError(f"SEARCH_URL {shown!r}: {port!r} is not a port number")
        if not name:
            raise SearchURLError(f"SEARCH_URL {shown!r} needs a host name before the port")
    return hosts


def _credentials(parts, shown):
    if "@" not in parts.netloc:
        return None, None
    userinfo = parts.netloc.rsplit("@", 1)[0]
    user, _, password = userinfo.partition(":")
    if not user:
        raise SearchURLError(f"SEARCH_URL {shown!r}: a user name is needed before '@'")
    return unquote(user), unquote(password)


def _options(query, shown, https):
    options = {}
    for key, value in parse_qsl(query, keep_blank_values=True, strict_parsing=False):
        if key not in OPTIONS:
            raise SearchURLError(
                f"SEARCH_URL {shown!r}: unknown option {key!r}; known: {', '.join(sorted(OPTIONS))}"
            )
        if key == "timeout":
            try:
                seconds = float(value)
            except ValueError:
                seconds = math.nan
            if not (math.isfinite(seconds) and seconds > 0):
                raise SearchURLError(
                    f"SEARCH_URL {shown!r}: timeout must be a number of seconds above 0, "
                    f"not {value!r}"
                )
            options[key] = int(seconds) if seconds.is_integer() else seconds
        elif key == "batch_size":
            if not value.isdigit() or int(value) < 1:
                raise SearchURLError(
                    f"SEARCH_URL {shown!r}: batch_size must be a whole number above 0, "
                    f"not {value!r}"
                )
            options[key] = int(value)
        elif key == "verify_certs":
            if value.lower() not in ("0", "1", "true", "false", "yes", "no"):
                raise SearchURLError(
                    f"SEARCH_URL {shown!r}: verify_certs must be 0 or 1, not {value!r}"
                )
            options[key] = value.lower() in ("1", "true", "yes")
        else:  # ca_certs
            if not value.startswith("/"):
                raise SearchURLError(
                    f"SEARCH_URL {shown!r}: ca_certs must be an absolute path, not {value!r}"
                )
            options[key] = value
        if key in ("verify_certs", "ca_certs") and not https:
            raise SearchURLError(f"SEARCH_URL {shown!r}: {key} needs TLS (use the +https scheme)")
    return options
