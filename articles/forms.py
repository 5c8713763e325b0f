from django import forms

from .search import SearchParams


class SearchForm(forms.Form):
    """The search parameters of /search/ and /api/search/; every field optional."""

    q = forms.CharField(required=False, label="Search", max_length=5000, strip=True)
    person = forms.SlugField(required=False)
    country = forms.SlugField(required=False)
    topic = forms.SlugField(required=False)
    date_from = forms.DateField(required=False, label="From", input_formats=["%Y-%m-%d", "%Y-%m", "%Y"])
    date_to = forms.DateField(required=False, label="To", input_formats=["%Y-%m-%d", "%Y-%m", "%Y"])
    sort = forms.ChoiceField(
        required=False, choices=[("relevance", "Relevance"), ("date", "Newest first")], initial="relevance"
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
