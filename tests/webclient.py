"""A keep-alive HTTP client with cookies, and a reader of an HTML form's fields, as a browser
would submit them: shared by the load test (bench/load.py) and the scale-out tests."""

import http.client
from html.parser import HTMLParser
from urllib.parse import urlsplit


class Client:
    def __init__(self, base):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.connection = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), data


class FormFields(HTMLParser):
    """The fields of the post form with id `form_id` (the admin's change form: the page's first
    post form is the logout button), as a browser would submit them unchanged."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.fields, self.in_form, self.textarea, self.select = [], False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (
            tag == "form"
            and (a.get("method") or "").lower() == "post"
            and a.get("id") == self.form_id
        ):
            self.in_form = True
        if not self.in_form:
            return
        if (
            tag == "input"
            and a.get("name")
            and a.get("type") not in ("submit", "button", "file", "image")
        ):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append(
                [a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")]
            )
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
        elif (
            tag == "option"
            and self.select is not None
            and ("selected" in a or self.select[1] is None)
        ):
            self.select[1] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append([self.select[0], self.select[1] or ""])
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
