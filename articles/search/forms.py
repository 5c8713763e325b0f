from django import forms

from articles.search.service import SearchParams


class SearchForm(forms.Form):
    """The search parameters of /search/ and /api/search/; every field optional."""

    q = forms.CharField(required=False, label="Search", max_length=5000, strip=True)
    person = forms.SlugField(required=False)
    country = forms.SlugField(required=False)
    topic = forms.SlugField(required=False)
    date_from = forms.DateField(
        required=False, label="From", input_formats=["%Y-%m-%d", "%Y-%m", "%Y"]
    )
    date_to = forms.DateField(required=False, label="To", input_formats=["%Y-%m-%d", "%Y-%m", "%Y"])
    sort = forms.ChoiceField(
        required=False,
        choices=[("relevance", "Relevance"), ("date", "Newest first")],
        initial="relevance",
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    # The URL uses from/to (DESIGN.md); Python cannot name a field "from".
    ALIASES = {"from": "date_from", "to": "date_to"}

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = {self.ALIASES.get(k, k): v for k, v in data.items()}
        super().__init__(data, **kwargs)
        self.fields["date_from"].widget = forms.DateInput(attrs={"type": "date"})
        self.fields["date_to"].widget = forms.DateInput(attrs={"type": "date"})

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("The “from” date is after the “to” date.")
        return data

    def params(self):
        """SearchParams from valid data (call is_valid() first)."""
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q") or "",
            person=data.get("person") or "",
            country=data.get("country") or "",
            topic=data.get("topic") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
        )

    def error_text(self):
        messages = []
        for name, errors in self.errors.items():
            label = "" if name == "__all__" else f"{self.fields[name].label or name}: "
            messages.extend(f"{label}{e}" for e in errors)
        return " ".join(messages)


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
