"""Bad input files: each gets a one-line reason naming the file (and line); the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.articles import Limits, decode, read_articles
from kgraph.errors import InputError
from kgraph.records import Article, Skipped

STORY = (
    "Harbour talks resume in Valdoria\n\n"
    "PORTO ALTO, May 2 (Reuters) - Envoys from Valdoria and Kestrel Bay met on Saturday to "
    "discuss fishing rights along the disputed northern coast, officials said.\n\n"
    "\"We expect a written agreement before the end of the month,\" said Marta Quensel, the "
    "chief negotiator for Valdoria.\n"
)


def run(folder: Path, limits: Limits | None = None) -> tuple[list[Article], list[Skipped]]:
    items = list(read_articles([folder], limits=limits or Limits()))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def one_reason(skipped: list[Skipped], name: str) -> str:
    [hit] = [s for s in skipped if Path(s.source.split(":")[0]).name == name or s.source.endswith(name)]
    assert "\n" not in hit.reason and "Traceback" not in hit.reason
    return hit.reason


def test_a_bad_folder_never_stops_the_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes(STORY.replace("Quensel", "Quénsel").encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(STORY.replace('"', "\u201c", 1).encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(STORY.encode("utf-16"))
    (tmp_path / "truncated.html").write_text("<html><head><title>Harbour talks</title></head><body><p>Envoys met on Sat", encoding="utf-8")
    (tmp_path / "nested.html").write_text("<html><body>" + "<div>" * 5000 + STORY + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    ld = "[" * 5000 + "]" * 5000
    (tmp_path / "deep-ld.html").write_text(
        f'<html><head><title>Harbour talks resume</title><script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>Harbour talks resume in Valdoria</h1><p>{STORY}</p></article></body></html>", encoding="utf-8")
    lines = [json.dumps({"title": "Harbour talks", "text": STORY}), "{not json", "[" * 100000 + "]" * 100000, ""]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "cyrillic.txt").write_text("Переговоры в гавани\n\nПОРТО-АЛЬТО, 2 мая - Посланники встретились в субботу.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "back").symlink_to(tmp_path, target_is_directory=True)
    articles, skipped = run(tmp_path)
    ids = {a.id for a in articles}
    assert {"good.txt", "latin1.txt", "cp1252.txt", "utf16.txt", "feed.jsonl#1"} <= ids
    assert "Quénsel" in next(a for a in articles if a.id == "latin1.txt").text
    assert "binary file" in one_reason(skipped, "binary.txt")
    assert "an empty file" in one_reason(skipped, "empty.txt")
    assert "not a regular file" in one_reason(skipped, "pipe.txt")
    assert "invalid JSON" in one_reason(skipped, "feed.jsonl:2")
    assert "nested too deeply" in one_reason(skipped, "feed.jsonl:3")
    # nested markup is either read or skipped with a reason, never an exception
    for name in ("nested.html", "deep-ld.html", "truncated.html", "cyrillic.txt"):
        assert name in ids or one_reason(skipped, name)


def test_size_limits_are_configurable(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY * 40, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": STORY * 40}) + "\n", encoding="utf-8")
    _, skipped = run(tmp_path, Limits(max_file_bytes=2000, max_chars=10**6))
    assert "larger than the limit of 2,000 (--max-file-mb)" in one_reason(skipped, "big.txt")
    assert "longer than the limit of 2,000" in one_reason(skipped, "feed.jsonl:1")
    articles, skipped = run(tmp_path, Limits(max_file_bytes=10**7, max_chars=1000))
    assert not articles and "(--max-chars)" in one_reason(skipped, "big.txt")


def test_file_names_with_control_characters_are_printed_safely(tmp_path: Path) -> None:
    name = "evil\nWrote x.trig: 999 articles\x1b[31m.txt"
    (tmp_path / name).write_bytes(b"\x00\x01binary")
    _, skipped = run(tmp_path)
    [hit] = skipped
    assert "\n" not in hit.reason and "\x1b" not in hit.reason
    assert "\\n" in hit.reason and "\\x1b" in hit.reason


def test_decode_reads_boms_and_windows_text() -> None:
    assert decode("Zoë".encode("utf-16")) == "Zoë"
    assert decode("Zoë".encode("utf-32")) == "Zoë"
    assert decode("\ufeffZoë".encode("utf-8")) == "Zoë"
    assert decode("“Zoë”".encode("cp1252")) == "“Zoë”"
    with pytest.raises(InputError, match="binary"):
        decode(b"ab\x00cd")


@given(st.binary(max_size=3000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_give_an_article_or_a_reason(tmp_path: Path, data: bytes) -> None:
    for suffix in (".txt", ".html", ".jsonl"):
        path = tmp_path / f"any{suffix}"
        path.write_bytes(data)
        for item in read_articles([path]):
            assert isinstance(item, (Article, Skipped))
            if isinstance(item, Skipped):
                assert item.reason and "\n" not in item.reason


@given(st.text(max_size=2000))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_gives_an_article_or_a_reason(tmp_path: Path, text: str) -> None:
    for suffix in (".txt", ".html"):
        path = tmp_path / f"any{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for item in read_articles([path]):
            assert isinstance(item, (Article, Skipped))


def test_build_exit_status_says_whether_articles_were_skipped(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import cli
    from kgraph.errors import EXIT_SKIPPED

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "g.trig"
    clean = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--workers", "1"])
    assert clean.exit_code == 0, clean.output
    assert "notes.md: not an article file (.md)" in clean.output
    (folder / "long.txt").write_text(STORY * 30, encoding="utf-8")
    (folder / "bad\nname.txt").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--workers", "1", "--max-chars", "2000"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "longer than the limit of 2,000 (--max-chars)" in result.output
    assert "bad\\nname.txt" in result.output and "bad\nname" not in result.output
