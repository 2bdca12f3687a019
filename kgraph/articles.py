"""Read article files into ``Article`` records: the story text and its metadata.

Article files are ``.txt`` (a scraped page or agency copy), ``.html``/``.htm``
(a saved page) and ``.jsonl`` (one JSON object per line with ``text`` or
``html`` and optional ``url``, ``title``, ``date``, ``source``).

``Article.text`` is the story only: the headline, a blank line, then the body
paragraphs separated by blank lines, with the dateline prefix ("PARIS, Dec 24
(Reuters) - ") moved to the metadata.  Site chrome, bylines, date lines and
credit lines never reach the text.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import meta as meta_lib
from .cleaning import clean, html_noise_xpath, is_prose, prune_page
from .errors import InputError
from .guards import safe_name
from .meta import MetaDraft
from .records import Article, Skipped

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES: dict[str, str] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_LOOKS_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_DATELINE_WINDOW = 3  # a dateline opens the story if it comes within the first 3 prose paragraphs
_HEADLINE_WORDS = (3, 40)
_LABEL = re.compile(r"^(?:published|posted|updated|by|source|credits?|photo|image|written|filed)\b", re.IGNORECASE)


def read_article(path: Path) -> list[Article]:
    """The articles of one file (a ``.jsonl`` file gives one per non-empty line).

    Raises InputError naming the file (and line) when the path is missing or
    unreadable, a JSON line is invalid, or no story text is left after cleaning.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file; use read_articles() for folders")
    articles = []
    for _source, item in _read_file(path):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits on inputs (``kgraph build --max-file-mb/--max-chars``): past them a file or
    article is skipped with the reason, so one huge page cannot stall a batch."""

    max_file_bytes: int = 10_000_000  # a file (a .jsonl file: each line)
    max_chars: int = 150_000  # the story text after cleaning


DEFAULT_LIMITS = Limits()


def read_articles(paths: Iterable[Path], *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Skipped]:
    """Articles of files and folders (folders recursively, in sorted order).

    Folders give their ``.txt``, ``.html``/``.htm`` and ``.jsonl`` files (hidden
    files and folders are passed over; symbolic links to folders are not followed, so a
    link loop cannot trap the walk); any other file, a pipe or device, a file past the size
    limits, and any article that cannot be read, gives ``Skipped`` with the reason, so one bad
    article never stops a batch.  A named path that does not exist raises InputError.
    """
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{safe_name(path)}: no such file or folder; check the path")
        for file in _files_under(path):
            if isinstance(file, Skipped):
                yield file
                continue
            suffix = file.suffix.lower()
            if suffix not in ARTICLE_SUFFIXES:
                kind = f"({suffix})" if suffix else "(no extension)"
                yield Skipped(str(file), f"not an article file {kind}")
                continue
            for source, item in _read_file(file, limits):
                if isinstance(item, InputError):
                    log.warning("skipped %s", item)
                    yield Skipped(source, str(item))
                elif item.id in seen:
                    yield Skipped(
                        source, f'{source}: article id "{item.id}" is already used by {seen[item.id]}; rename one file'
                    )
                else:
                    seen[item.id] = source
                    yield item


def _files_under(path: Path) -> list[Path | Skipped]:
    """The files under path in sorted order, or Skipped for what cannot be read as a file."""
    if not path.is_dir() or path.is_symlink() and not path.resolve().is_dir():
        return [path]
    found: list[Path | Skipped] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or path
        found.append(Skipped(str(where), f"{safe_name(where)}: cannot read the folder ({exc.strerror or exc})"))

    for folder, dirs, files in os.walk(path, onerror=unreadable, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders
        for name in files:
            if not name.startswith("."):  # hidden files
                found.append(Path(folder) / name)
    return sorted(found, key=lambda f: Path(f.source).parts if isinstance(f, Skipped) else f.relative_to(path).parts)


# Byte-order marks and the encodings they announce, longest first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, *, name: str = "input") -> str:
    """Text of a file's bytes: the encoding its byte-order mark names, else UTF-8, else
    Windows-1252 (the usual encoding of pages saved as "latin-1"); binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{safe_name(name)}: broken {encoding} text (offset {exc.start}); save the file as UTF-8") from exc
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(f"{safe_name(name)}: a binary file, not text (NUL bytes); give .txt, .html or .jsonl articles")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if sum(1 for ch in text[:8192] if ch < " " and ch not in "\t\n\r\f") > 8:
        raise InputError(
            f"{safe_name(name)}: not text (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}); "
            "save the file as UTF-8"
        )
    log.info("%s: not UTF-8; read as Windows-1252", name)
    return text


def _read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"{safe_name(path)}: cannot read the file ({exc.strerror or exc}); check the path") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{safe_name(path)}: not a regular file (a pipe, socket or device)")
    limit = limits.max_file_bytes if path.suffix.lower() != ".jsonl" else None
    if limit is not None and info.st_size > limit:
        raise InputError(
            f"{safe_name(path)}: {info.st_size:,} bytes is larger than the limit of {limit:,} (--max-file-mb)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{safe_name(path)}: cannot read the file ({exc.strerror or exc}); check its permissions") from exc
    return decode(data, name=str(path))


def _too_long(article: Article, limits: Limits, where: str) -> InputError | None:
    if len(article.text) > limits.max_chars:
        return InputError(
            f"{safe_name(where)}: story of {len(article.text):,} characters is longer than the limit of "
            f"{limits.max_chars:,} (--max-chars)"
        )
    return None


def _read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, Article | InputError]]:
    """(source, Article or the InputError that stopped it) for each article of a file."""
    source = str(path)
    try:
        content = _read_text(path, limits)
    except InputError as exc:
        yield source, exc
        return
    if not content.strip():
        yield source, InputError(f"{safe_name(source)}: an empty file")
        return
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "jsonl":
        yield from _read_jsonl(path, content, limits)
        return
    try:
        make = article_from_html if kind == "html" or _LOOKS_HTML.match(content) else article_from_text
        article = make(content, article_id=path.name, source=source)
        yield source, _too_long(article, limits, source) or article
    except InputError as exc:
        yield source, exc
    except RecursionError:
        yield source, InputError(f"{safe_name(source)}: markup or JSON nested too deeply to read")
    except Exception as exc:  # one bad page never stops a batch
        log.exception("reading %s failed", source)
        yield source, InputError(f"{safe_name(source)}: cannot read the page ({type(exc).__name__}: {exc})")


def _read_jsonl(path: Path, content: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, Article | InputError]]:
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        source = where = f"{path}:{number}"
        if len(line) > limits.max_file_bytes:
            yield source, InputError(
                f"{safe_name(where)}: line of {len(line):,} characters is longer than the limit of "
                f"{limits.max_file_bytes:,} (--max-file-mb)"
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield source, InputError(
                f"{safe_name(where)}: invalid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
            )
            continue
        except RecursionError:
            yield source, InputError(f"{safe_name(where)}: JSON nested too deeply to read")
            continue
        try:
            article = article_from_record(record, article_id=f"{path.name}#{number}", source=source, where=where)
            yield source, _too_long(article, limits, where) or article
        except InputError as exc:
            yield source, exc
        except RecursionError:
            yield source, InputError(f"{safe_name(where)}: markup or JSON nested too deeply to read")
        except Exception as exc:  # one bad line never stops a batch
            log.exception("reading %s failed", where)
            yield source, InputError(f"{safe_name(where)}: cannot read the record ({type(exc).__name__}: {exc})")


_RECORD_KEYS: dict[str, str] = {  # JSON-lines key -> metadata field; the first key present wins
    "title": "title", "headline": "title",
    "url": "url", "link": "url",
    "source": "publisher", "publisher": "publisher", "site": "publisher", "site_name": "publisher",
    "date": "date", "published": "date", "published_at": "date", "publishedAt": "date",
    "pubDate": "date", "datePublished": "date", "date_published": "date",
    "author": "authors", "authors": "authors", "byline": "authors",
    "agency": "agency",
}
_BODY_KEYS = ("text", "html", "body", "content")


def article_from_record(
    record: Any, *, article_id: str, source: str | None = None, where: str | None = None
) -> Article:
    """An article from one JSON-lines record: ``text`` or ``html`` (or ``body``, ``content``) plus
    optional metadata: ``title``/``headline``, ``url``, ``date``/``published``, ``source``/``publisher``,
    ``author``/``authors``/``byline`` (a name, a list of names or objects with ``name``), ``agency``.

    The given fields override what is found in the text; other keys are logged and passed over.
    """
    where = where or source or article_id
    if not isinstance(record, Mapping):
        raise InputError(f'{where}: expected a JSON object with "text" or "html", got {type(record).__name__}')
    given: dict[str, str] = {}
    authors: list[str] = []
    unknown = sorted(str(k) for k in record if k not in _RECORD_KEYS and k not in _BODY_KEYS and k != "id")
    if unknown:
        log.warning("%s: passed over unknown keys %s", where, ", ".join(unknown))
    for key, name in _RECORD_KEYS.items():
        value = record.get(key)
        if name == "authors":
            authors.extend(_record_names(value))
        elif name == "date" and isinstance(value, str) and value.strip() and "date" not in given:
            iso = meta_lib.parse_date(value)
            if not iso:
                raise InputError(f'{where}: cannot read the {key} {value!r}; write it as YYYY-MM-DD')
            given["date"] = iso
        elif name != "date" and isinstance(value, str) and value.strip():
            given.setdefault(name, value.strip())
    html, text = record.get("html"), record.get("text")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        body = next((record[k] for k in ("body", "content") if isinstance(record.get(k), str) and record[k].strip()), None)
        if body is not None:
            html, text = (body, None) if _LOOKS_HTML.match(body) or re.search(r"<p\b", body, re.IGNORECASE) else (None, body)
    source = source or where
    if isinstance(html, str) and html.strip():
        article = article_from_html(html, article_id=article_id, file=article_id, source=source, given=given)
    elif isinstance(text, str) and text.strip():
        article = article_from_text(text, article_id=article_id, file=article_id, source=source, given=given)
    else:
        raise InputError(f'{where}: no "text" or "html" field with content; give the story in one of them')
    return _with_authors(article, authors)


def _record_names(value: Any) -> list[str]:
    """A record's author value: "A and B", ["A", "B"] or [{"name": "A"}] -> author strings."""
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    if isinstance(value, Mapping):
        return _record_names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _record_names(item)]
    return []


def _with_authors(article: Article, authors: list[str]) -> Article:
    """Put a record's authors first among the reporters (an agency among them becomes the agency)."""
    if not authors:
        return article
    draft = MetaDraft(agency=article.meta.agency)
    meta_lib.add_authors(draft, authors, publisher=article.meta.publisher)
    reporters = tuple(dict.fromkeys([*draft.reporters, *article.meta.reporters]))
    meta = replace(article.meta, reporters=reporters, agency=draft.agency)
    return replace(article, meta=meta)


def article_from_text(
    text: str,
    *,
    article_id: str,
    file: str | None = None,
    source: str | None = None,
    given: Mapping[str, str] | None = None,
) -> Article:
    """An article from a page's plain text (scraped page, agency copy or bare story)."""
    draft = _draft(given)
    return _build(clean(text), draft, article_id=article_id, file=file, source=source)


def article_from_html(
    page: str,
    *,
    article_id: str,
    file: str | None = None,
    source: str | None = None,
    given: Mapping[str, str] | None = None,
) -> Article:
    """An article from a saved HTML page: trafilatura finds the story, the <head> tags give the metadata."""
    draft = _draft(given)
    tree = meta_lib.parse_page(page)
    head = meta_lib.read_html_meta(page, tree)
    if tree is not None:
        prune_page(tree)
    extracted = _extract_html(page if tree is None else tree)
    draft.put("publisher", head.publisher or _site_name(_attr(extracted, "sitename")))
    title = head.title or _attr(extracted, "title")
    title = meta_lib.strip_site(title, draft.publisher) if title else None
    if title and meta_lib.site_name_only(title, draft.publisher):
        title = None  # "The Valley Gazette - Local News": the site, not the story; the page's header lines tell
    draft.put("title", title if title and not meta_lib.find_date(title) else None)
    draft.put_date(head.date, "html")
    draft.put("url", head.url)
    draft.contributors = False  # a saved page's authors are its byline; "X contributed" names are not
    meta_lib.add_authors(draft, head.authors)
    if not draft.reporters:
        meta_lib.add_authors(draft, head.bylines)  # the byline printed on the page, when no tag names a person
    if not draft.date:
        draft.put_date(meta_lib.parse_date(_attr(extracted, "date") or ""), "text")
    found = _attr(extracted, "text") or ""
    if not found.strip():
        raise InputError(f"{safe_name(source or article_id)}: main-text extraction found no story in the page "
                         "(no article body in its markup)")
    return _build(clean(found), draft, article_id=article_id, file=file, source=source)


def _draft(given: Mapping[str, str] | None) -> MetaDraft:
    draft = MetaDraft()
    for key, value in (given or {}).items():
        if key == "date":
            draft.put_date(value, "given")
        else:
            draft.put(key, value)
    return draft


def _attr(document: Any, name: str) -> str | None:
    value = getattr(document, name, None) if document is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _extract_html(page: Any) -> Any:
    """trafilatura's main text and metadata: precise first, then recall, then tables too, until one
    gives a story's worth of prose (else the one with the most prose)."""
    import trafilatura

    xpath = html_noise_xpath()
    document = best = None
    best_words = -1
    # precise first, then recall, then with tables (old pages lay their story out in a table)
    for favor_precision, tables in ((True, False), (False, False), (False, True)):
        try:
            document = trafilatura.bare_extraction(
                page,
                favor_precision=favor_precision,
                with_metadata=True,
                include_comments=False,
                include_tables=tables,
                prune_xpath=xpath or None,
            )
        except ImportError:
            raise  # a broken installation is not a broken page
        except Exception as exc:  # trafilatura raises assorted errors on broken pages
            log.debug("trafilatura failed: %s", exc)
            document = None
        words = _prose_words(_attr(document, "text") or "")
        if words > best_words:
            best, best_words = document, words
        if words >= _ENOUGH_PROSE:
            break
    return best


_ENOUGH_PROSE = 60  # words of prose: less is a notice or a caption, so the next setting is tried


def _prose_words(text: str) -> int:
    return sum(len(line.split()) for line in text.split("\n") if is_prose(line))


_strip_site = meta_lib.strip_site  # kept under its old name
_fold = meta_lib.fold


def _site_name(name: str | None) -> str | None:
    """trafilatura's site name, unless it is a whole <title> ("SITE.com - Story title")."""
    return name if name and len(name.split()) <= 6 and not any(sep in name for sep in (" | ", " - ", " – ")) else None


def _build(cleaned: str, draft: MetaDraft, *, article_id: str, file: str | None, source: str | None) -> Article:
    source = source or article_id
    paragraphs = [line for line in cleaned.split("\n") if line]
    start = _story_start(paragraphs, titled=bool(draft.title))
    body: list[str] = []
    if start is not None:
        dated = _dateline_line(paragraphs, start) is not None
        draft.put("title", _read_header(paragraphs[:start], draft, before_dateline=dated))
        body = _read_body(paragraphs[start:], draft)
    if not body:
        raise InputError(f"{safe_name(source)}: no story text left after cleaning; check patterns/chrome.txt")
    title = draft.title = " ".join(draft.title.split()) if draft.title else None
    text = "\n\n".join(([title] if title else []) + body)
    return Article(
        id=article_id,
        file=file or article_id,
        source=source,
        text=text,
        meta=draft.freeze(),
        body_start=len(title) + 2 if title else 0,
    )


def _story_start(paragraphs: list[str], *, titled: bool = False) -> int | None:
    """Index of the first story paragraph: a dateline near the top, else the first prose paragraph.
    ``titled``: the headline is known already (a saved page's tags), so the first paragraph may
    be the story's lead even without its full stop.

    None when no paragraph reads like prose: there is no story.
    """
    first_prose = None
    seen_prose = 0
    for index, paragraph in enumerate(paragraphs):
        if meta_lib.parse_dateline(paragraph) and is_prose(paragraph):
            return index
        if _dateline_line(paragraphs, index) is not None:
            return _inline_dateline(paragraphs, index) or index  # "LAGOS 2026-03-04" alone: the story follows
        if index == 0 and len(paragraphs) > 1 and is_prose(paragraphs[1]) and (
            _headline_case(paragraph) or (not titled and _sentence_headline(paragraph, paragraphs[1]))
        ):
            continue  # "Graham Says Trump Could Back Clean Energy." over the story: its headline
        lead = first_prose is None and (index > 0 or titled) and _unstopped_lead(paragraphs, index)
        if (is_prose(paragraph) or lead) and not meta_lib.parse_credit_line(paragraph):
            first_prose = index if first_prose is None else first_prose
            seen_prose += 1
            if seen_prose >= _DATELINE_WINDOW:
                break
    return first_prose


_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over per than the to up via vs with".split()
)


def _headline_case(line: str) -> bool:
    """A line in headline capitals, with or without a full stop: one sentence of at most 25
    words whose words, short function words aside, nearly all begin with a capital letter."""
    words = [w.strip("\"'\u2018\u2019\u201c\u201d()[],.:;!?") for w in line.split()]
    words = [w for w in words if w and w[0].isalpha()]
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not 4 <= len(words) <= 25 or len(content) < 4 or re.search(r"[a-z]{2}[.!?]\s+[A-Z]", line):
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals >= 0.85 * len(content) and not line.isupper()


def _sentence_headline(line: str, lead: str) -> bool:
    """A headline in sentence case that kept (or was given) a full stop, "Mayor says the bridge
    will reopen in May.": one short sentence (at most ``_HEADLINE_MAX_WORDS`` words) over a
    story paragraph half as long again (a bare story's two short opening paragraphs are no
    headline and lead)."""
    words = len(line.split())
    if not 4 <= words <= _HEADLINE_MAX_WORDS or len(lead.split()) < max(20, 1.5 * words):
        return False
    return not re.search(r"[a-z0-9)\"'’”]{2}[.!?]\s+[\"'‘“]?[A-Z]", line)


_HEADLINE_MAX_WORDS = 16  # news headlines run 5-12 words; a story's lead sentence is longer


def _inline_dateline(paragraphs: list[str], index: int) -> int | None:
    """A story paragraph opening with a dateline shortly below a dateline-like line (a section
    label over a date line, "AFRICA" + "Tuesday, March 4, 2008"), with no prose between: the story starts there."""
    for later in range(index + 1, min(len(paragraphs), index + 8)):
        if is_prose(paragraphs[later]):
            return later if meta_lib.parse_dateline(paragraphs[later]) else None
    return None


def _unstopped_lead(paragraphs: list[str], index: int) -> bool:
    """An opening paragraph that lost its full stop: a sentence of 15 words or more, mostly
    lower case, below the headline and followed by a story paragraph."""
    words = paragraphs[index].split()
    lower = sum(1 for w in words if w[:1].islower())
    return (
        len(words) >= 15 and lower >= 0.4 * len(words) and not paragraphs[index].endswith(":")
        and index + 1 < len(paragraphs) and is_prose(paragraphs[index + 1])
    )


def _dateline_line(paragraphs: list[str], index: int) -> meta_lib.Dateline | None:
    """A dateline alone on its line at ``index``, with a date or an agency in it or a date line
    right after it ("ST. LOUIS, Mo." + "2026-03-04"), and story prose after that."""
    found = meta_lib.parse_dateline_line(paragraphs[index])
    if found is None:
        return None
    after = index + 1
    if found.date is None and found.agency is None:
        if after >= len(paragraphs) or not meta_lib.find_date(paragraphs[after]):
            return None
        after += 1
    rest = paragraphs[after:]
    return found if any(map(is_prose, rest)) or len(" ".join(rest[:5]).split()) >= 12 else None


def _read_header(lines: list[str], draft: MetaDraft, *, before_dateline: bool = False) -> str | None:
    """Read the lines above the story for metadata; return the headline found there, if any.

    Above a dateline line, a one-sentence line ending in a full stop may be the headline
    (wire copy: "TALKS COLLAPSE IN GENEVA." over "GENEVA 2026-03-04").
    """
    crumb: str | None = None
    candidates: list[str] = []
    low, high = _HEADLINE_WORDS
    if len(lines) == 1:
        low = 2  # a bare story under a short headline ("Talks collapse")
    for line in lines:
        found = meta_lib.read_meta_line(line)
        if found:
            draft.add_line(found)
            crumb = crumb or found.crumb
        elif before_dateline and candidates and _bare_byline(line):
            draft.add_people(reporters=[meta_lib.normal_case(line)])  # wire copy: the reporter's name alone
        elif low <= len(line.split()) <= high and not (is_prose(line) or line.endswith(":") or _LABEL.match(line)):
            candidates.append(line)
        elif not candidates and _headline_case(line) and not _LABEL.match(line):
            candidates.append(line)  # a headline that ends with a full stop
        elif len(lines) == 1 and len(line.split()) <= _HEADLINE_MAX_WORDS and not _LABEL.match(line):
            candidates.append(line)  # a sentence-case headline with a full stop (``_sentence_headline``)
        elif before_dateline and low <= len(line.split()) <= 25 and not re.search(r"[a-z]{2}[.!?]\s", line) and not _LABEL.match(line):
            candidates.append(line)
    if crumb:
        for line in candidates:
            if _fold(line) == _fold(crumb):
                return line
    return candidates[0] if candidates else crumb


def _bare_byline(line: str) -> bool:
    """A header line that is only a person's name ("Lena Fischer"), under the headline of wire copy."""
    words = line.split()
    return 2 <= len(words) <= 4 and meta_lib.is_name(line) and not line.isupper() and not line.endswith(".")


def _read_body(paragraphs: list[str], draft: MetaDraft) -> list[str]:
    """Story paragraphs; the dateline prefix and credit lines go to the metadata."""
    body: list[str] = []
    ended = skip_date = False
    for index, paragraph in enumerate(paragraphs):
        if index == 0 or (index == 1 and skip_date):
            alone = _dateline_line(paragraphs, 0) if index == 0 else None
            if alone is not None:
                draft.put("dateline", alone.place)
                draft.put("dateline_region", alone.region if draft.dateline == alone.place else None)
                draft.put("agency", alone.agency)
                draft.put_date(alone.date, "text")
                skip_date = alone.date is None and alone.agency is None
                continue
            if skip_date:
                draft.put_date(meta_lib.parse_date(paragraph), "text")
                skip_date = False
                continue
            dateline = meta_lib.parse_dateline(paragraph)
            if dateline:
                draft.put_date(dateline.date, "text")
                draft.put("dateline", dateline.place)
                draft.put("dateline_region", dateline.region if draft.dateline == dateline.place else None)
                draft.put("agency", dateline.agency)
                paragraph = paragraph[dateline.end:].lstrip()
        credits = meta_lib.parse_credit_line(paragraph)
        if credits is not None:
            draft.add_credits(credits)
            ended = True  # a credit line closes the story
            continue
        if ended or (draft.title and _fold(paragraph) == _fold(draft.title)):
            continue
        body.append(paragraph)
    last = len(body) - 3
    return [p for i, p in enumerate(body) if not meta_lib.is_author_bio(p, draft.reporters, tail=i >= last)]
