"""Common Crawl WET files through newsclean.

A WET file holds one WARC record of type ``conversion`` per page: the page's
whole text (menus, footers and all), with its address in ``WARC-Target-URI``.
``iter_wet`` reads it with FastWARC (the Resiliparse project's WARC reader,
``pip install "newsclean[wet]"``) and cleans each page as whole-page text::

    >>> from newsclean.wet import iter_wet
    >>> for url, result in iter_wet("CC-MAIN-...-00000.warc.wet.gz"):
    ...     print(url, result.input_kind, len(result.text))

Other record types (``warcinfo``) are skipped; gzip is recognised by itself.
``wet_records`` yields the same pages as the JSON objects that
``newsclean clean FILE.warc.wet.gz`` writes, one a line: ``url``, ``source``,
``record`` (the record's number in the file, every record counted), then the
Result's keys as ``Result.to_dict()`` gives them.
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO, Iterator, Union

from . import Cleaner, Result

__all__ = ["iter_wet", "wet_records"]

Source = Union[str, "os.PathLike[str]", BinaryIO]


def _pages(source: Source, cleaner: Cleaner | None) -> Iterator[tuple[int, str, Result]]:
    """``(record number, url, Result)`` for each conversion record, in file order."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('reading WET files needs FastWARC: pip install "newsclean[wet]"') from e
    cleaner = cleaner if cleaner is not None else Cleaner(input_kind="page")
    stream = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source
    try:
        # Every record is counted (as the CLI numbers them); only pages are cleaned.
        for number, record in enumerate(ArchiveIterator(stream, parse_http=False), 1):
            if record.record_type != WarcRecordType.conversion:
                continue
            url = record.headers.get("WARC-Target-URI", "")
            body = record.reader.read()
            yield number, url, cleaner.clean(body.decode("utf-8", errors="replace"),
                                             url=url or None, format="text")
    finally:
        if stream is not source:
            stream.close()


def iter_wet(source: Source, cleaner: Cleaner | None = None) -> Iterator[tuple[str, Result]]:
    """Yields ``(url, Result)`` for each page of a WET file, in file order.

    Args:
        source: a path, or a binary file object, of a ``.warc.wet`` or
            ``.warc.wet.gz`` file.
        cleaner: the Cleaner to use; by default ``Cleaner(input_kind="page")``,
            as a WET record is a whole page as text.

    Raises:
        ImportError: FastWARC is not installed.
    """
    for _, url, result in _pages(source, cleaner):
        yield url, result


def wet_records(source: Source, cleaner: Cleaner | None = None) -> Iterator[dict[str, Any]]:
    """Yields one dict per page of a WET file: the objects the CLI writes for it.

    ``{"url", "source", "record", **result.to_dict()}``, where ``source`` is
    ``source`` as a string (a file object's ``name``) and ``record`` the
    record's 1-based number in the file, ``warcinfo`` and other records
    counted. ``newsclean clean FILE -o out.jsonl`` writes the same objects, one
    JSON line each, for the same file named the same way.

    Args and errors: as for ``iter_wet``.
    """
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else \
        str(getattr(source, "name", "<stream>"))
    for number, url, result in _pages(source, cleaner):
        yield {"url": url, "source": name, "record": number, **result.to_dict()}
