"""Paragraphs added to one article by several recommendations: the amendments table reads in their numbering."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crlens.cli import app

runner = CliRunner()
FIRST_PARAGRAPH = re.compile(r"^(\d+)\.\s", re.M)


@pytest.fixture(scope="module")
def project_table(tmp_path_factory, sample_ru):
    """The Russian amendments table of project 'kz' (the Russian sample), as crlens project report writes it:
    (provision, proposed text) of each row."""
    folder = tmp_path_factory.mktemp("numbering")
    db = f"sqlite:///{folder / 'crlens.db'}"
    for args in (["project", "init", "kz", "--draft", str(sample_ru), "--by", "reviewer"],
                 ["project", "report", "--out", str(folder / "final"), "--formats", "xlsx", "--lang", "ru"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
    ws = load_workbook(folder / "final" / "amendments.ru.xlsx").active
    return [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value) for r in range(2, ws.max_row + 1)]


def test_a_projects_amendments_table_gives_the_paragraphs_added_to_one_article_in_their_numbering(project_table):
    """A project keeps its recommendations in the order of their ids, not the review's; the rows of one article
    still read 5-8, 9-11, 12-13, not 12-13, 5-8, 9-11, and the row that numbers the present text of an article
    comes first."""
    added: dict[str, list[int]] = {}
    for provision, proposed in project_table:
        if provision.endswith("(дополнить)"):
            first = FIRST_PARAGRAPH.search(proposed)
            added.setdefault(provision, []).append(int(first.group(1)))
    several = {provision: numbers for provision, numbers in added.items() if len(numbers) > 1}
    assert len(several) > 10
    assert {provision: sorted(numbers) for provision, numbers in several.items()} == several
