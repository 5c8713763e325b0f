"""Highlights: escaped and marked."""

import pytest

from articles.search.highlight import highlight

pytestmark = pytest.mark.django_db


def test_highlights_are_escaped_and_marked():
    html = str(highlight("Rama said <b>x</b> & Rama’s party won.", ["rama"]))
    assert "<mark>Rama</mark>" in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "<b>" not in html
