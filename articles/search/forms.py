"""The form that validates search parameters into `SearchParams`.

The parameters themselves (their URL names, the sorts, the date formats) are defined in
`articles.search.params`; this form only says how each is checked and what a bad one is called.
"""

from django import forms

from articles.search import params as names
from articles.search.params import SearchParams


class SearchForm(forms.Form):
    """The search parameters of /search/, /api/search/ and /feeds/search/; every one optional."""

    q = forms.CharField(required=False, label="Search", max_length=5000, strip=True)
    # One slug field per entity kind, named as its parameter, is added in __init__.
    date_from = forms.DateField(required=False, label="From", input_formats=names.DATE_FORMATS)
    date_to = forms.DateField(required=False, label="To", input_formats=names.DATE_FORMATS)
    sort = forms.ChoiceField(required=False, choices=names.SORTS, initial=names.RELEVANCE)
    page = forms.IntegerField(required=False, min_value=1, max_value=names.MAX_PAGE)

    # The URL says from/to; Python cannot name a field "from".
    ALIASES = {names.FROM: "date_from", names.TO: "date_to"}

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = {self.ALIASES.get(k, k): v for k, v in names.normalised(data).items()}
        super().__init__(data, **kwargs)
        for name in names.FILTERS:
            self.fields[name] = forms.SlugField(required=False, max_length=200)
        # Errors are listed in field order: the query, the filters, then the rest.
        self.order_fields([names.Q, *names.FILTERS])
        self.fields["date_from"].widget = forms.DateInput(attrs={"type": "date"})
        self.fields["date_to"].widget = forms.DateInput(attrs={"type": "date"})

    def _clean_year(self, name):
        """A date outside FIRST_YEAR..LAST_YEAR is a bad parameter (400), not a search the
        backend fails on (503)."""
        day = self.cleaned_data.get(name)
        if day and not names.FIRST_YEAR <= day.year <= names.LAST_YEAR:
            raise forms.ValidationError(
                f"Enter a date between the years {names.FIRST_YEAR} and {names.LAST_YEAR}."
            )
        return day

    def clean_date_from(self):
        return self._clean_year("date_from")

    def clean_date_to(self):
        return self._clean_year("date_to")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("The “from” date is after the “to” date.")
        return data

    def params(self):
        """Return the SearchParams of valid data (call is_valid() first)."""
        data = self.cleaned_data
        return SearchParams(
            q=data.get(names.Q) or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get(names.SORT) or names.RELEVANCE,
            page=data.get(names.PAGE) or 1,
            **{name: data.get(name) or "" for name in names.FILTERS},
        )

    def error_text(self):
        """Return every error as one sentence per problem, labelled with the parameter."""
        messages = []
        for name, errors in self.errors.items():
            label = "" if name == "__all__" else f"{self.fields[name].label or name}: "
            messages.extend(f"{label}{e}" for e in errors)
        return " ".join(messages)
