"""The "Ingest files" page of the article admin: upload texts, see what happened to each file.

One upload takes at most settings.DATA_UPLOAD_MAX_NUMBER_FILES files (1,000 here). Django refuses
a larger request while parsing it, inside the CSRF middleware, with a bare "Bad Request (400)";
`UploadLimitMiddleware` reads the upload page's POST first and sends the editor back to the page,
which says what the limit is.
"""

import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, TooManyFilesSent
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.diskfull import DiskFull
from articles.ingest.pipeline import ingest_paths
from articles.text import printable


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.text,.html,.htm,.jsonl"})
        )
        kwargs.setdefault("allow_empty_file", True)  # ingest names an empty file with its reason
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [
            super(MultipleFileField, self).clean(f, initial) for f in files if f
        ] or super().clean(None, initial)


class UploadForm(forms.Form):
    """Files to ingest from the admin: the same formats as `manage.py ingest`."""

    files = MultipleFileField(help_text="One or more .txt (seed format), .html or .jsonl files.")
    date = forms.DateField(
        required=False, help_text="Publication date for texts that give none (YYYY-MM-DD)."
    )
    source = forms.CharField(
        required=False, max_length=200, help_text="Source name for texts that give none."
    )


def _ingest_uploads(form):
    """Ingest the form's files; return [(file name, created, updated, unchanged, failure)].

    The uploads are written to a temporary folder under numbered names (two uploads may share a
    name), and the numbers are taken off again for the report.
    """
    with tempfile.TemporaryDirectory(prefix="newsarchive-upload-") as folder:
        paths = []
        for index, upload in enumerate(form.cleaned_data["files"]):
            target = Path(folder, f"{index:03d}-{Path(upload.name).name}")
            with target.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.append(target)
        report = ingest_paths(
            paths, published=form.cleaned_data["date"], source=form.cleaned_data["source"]
        )
    # Names and reasons escaped as `manage.py ingest` prints them: one line each, whatever the name.
    results = [
        (printable(Path(p).name.split("-", 1)[1]), *rest[:-1], printable(rest[-1]))
        for p, *rest in report.per_file
    ]
    results += [
        (printable(Path(p).name.split("-", 1)[-1]), 0, 0, 0, printable(reason))
        for p, reason in report.failed
        if all(Path(p).name != Path(r[0]).name for r in report.per_file)
    ]
    return report, results


TOO_MANY = "too-many-files"


def max_files():
    return settings.DATA_UPLOAD_MAX_NUMBER_FILES


class UploadLimitMiddleware:
    """Turns an upload of too many files into a redirect to the upload page with its reason.

    It must come before CsrfViewMiddleware, the first to read the POST. Other paths are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = None

    def __call__(self, request):
        if request.method == "POST":
            if self.path is None:
                self.path = reverse("admin:articles_article_upload")
            if request.path == self.path:
                try:
                    request.FILES  # noqa: B018 - parses the body, counting its files
                except TooManyFilesSent:
                    return HttpResponseRedirect(f"{self.path}?error={TOO_MANY}")
        return self.get_response(request)


def upload_view(model_admin, request):
    """The upload page of `model_admin` (the article admin); editors who may change articles."""
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    report = results = None
    if request.method == "POST" and form.is_valid():
        try:
            report, results = _ingest_uploads(form)
        except DiskFull as exc:  # what was committed stays; the editor uploads the rest later
            model_admin.message_user(request, printable(exc), messages.ERROR)
    if report is not None:
        model_admin.message_user(
            request,
            f"{report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {len(report.failed)} failed.",
            messages.WARNING if report.failed else messages.SUCCESS,
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "too_many": request.method == "GET" and request.GET.get("error") == TOO_MANY,
        "max_files": max_files(),
        "title": "Ingest files",
        "form": form,
        "results": results,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "admin/articles/article/upload.html", context)
