"""Plain-text drafts in every encoding ministries use are decoded correctly."""

from __future__ import annotations

import pytest

from crlens.ingest import parse_file

TEXT = "Статья 1. Основные понятия\n1) ребенок - лицо, не достигшее восемнадцати лет;\nСтатья 2. Цели\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r", "utf-16-le"])
def test_text_file_is_decoded(tmp_path, encoding):
    path = tmp_path / f"draft-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = parse_file(path)
    assert document.get("art:1.1").text == "ребенок - лицо, не достигшее восемнадцати лет;"
    assert document.definitions[0].term == "ребенок"


def test_windows_line_endings_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("cp1251"))
    assert parse_file(path).get("art:2").heading == "Цели"
