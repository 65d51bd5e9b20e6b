"""Common Crawl WET files through newsclean.

A WET file holds one WARC record of type ``conversion`` per page: the page's
whole text (menus, footers and all), with its address in ``WARC-Target-URI``.
``iter_wet`` reads it with FastWARC (the Resiliparse project's WARC reader,
``pip install "newsclean[wet]"``) and cleans each page as whole-page text::

    >>> from newsclean.wet import iter_wet
    >>> for url, result in iter_wet("CC-MAIN-...-00000.warc.wet.gz"):
    ...     print(url, result.input_kind, len(result.text))

Other record types (``warcinfo``) are skipped; gzip is recognised by itself.
"""

from __future__ import annotations

import os
from typing import BinaryIO, Iterator, Union

from . import Cleaner, Result

__all__ = ["iter_wet"]


def iter_wet(
    source: Union[str, "os.PathLike[str]", BinaryIO],
    cleaner: Cleaner | None = None,
) -> Iterator[tuple[str, Result]]:
    """Yields ``(url, Result)`` for each page of a WET file, in file order.

    Args:
        source: a path, or a binary file object, of a ``.warc.wet`` or
            ``.warc.wet.gz`` file.
        cleaner: the Cleaner to use; by default ``Cleaner(input_kind="page")``,
            as a WET record is a whole page as text.

    Raises:
        ImportError: FastWARC is not installed.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('reading WET files needs FastWARC: pip install "newsclean[wet]"') from e
    cleaner = cleaner if cleaner is not None else Cleaner(input_kind="page")
    stream = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.conversion,
                                      parse_http=False):
            url = record.headers.get("WARC-Target-URI", "")
            body = record.reader.read()
            yield url, cleaner.clean(body.decode("utf-8", errors="replace"), url=url or None,
                                     format="text")
    finally:
        if stream is not source:
            stream.close()
