from typing import Sequence

__version__: str

def default_rules_yaml() -> str: ...
def site_pack_yaml(name: str) -> str: ...

class Stats:
    blocks: int
    kept: int
    removed: int
    bytes_in: int
    bytes_out: int
    removed_by_category: dict[str, int]
    def to_dict(self) -> dict[str, object]: ...
    def __getstate__(self) -> dict[str, object]: ...
    def __setstate__(self, state: dict[str, object]) -> None: ...

class Caption:
    text: str
    score: float
    related: bool
    index: int
    rule: str
    position: str
    links_elsewhere: bool
    shared: list[str]
    credit_of: int
    reason: str
    def to_dict(self) -> dict[str, object]: ...
    def __getstate__(self) -> dict[str, object]: ...
    def __setstate__(self, state: dict[str, object]) -> None: ...

class Removal:
    index: int
    text: str
    rule: str
    category: str
    stage: str
    path: str
    words: int
    def to_dict(self) -> dict[str, object]: ...
    def __getstate__(self) -> dict[str, object]: ...
    def __setstate__(self, state: dict[str, object]) -> None: ...

class Result:
    text: str
    title: str
    section: list[str]
    author: str
    published: str
    site_name: str
    language: str
    canonical_url: str
    format: str
    kind: str
    input_kind: str
    captions: list[Caption]
    removed: list[Removal]
    stats: Stats
    warnings: list[str]
    def to_dict(self) -> dict[str, object]: ...
    def explain_html(self, cleaner: object | None = None, source: str = "") -> str: ...
    def __getstate__(self) -> dict[str, object]: ...
    def __setstate__(self, state: dict[str, object]) -> None: ...

class Cleaner:
    def __init__(
        self,
        sources: Sequence[tuple[str, str]],
        keep_related_captions: bool,
        caption_threshold: float,
        disable: Sequence[str],
        defaults: bool,
        input_kind: str = "auto",
        text_format: str = "plain",
        removed_text_chars: int = 300,
        site_pack: str = "",
    ) -> None: ...
    def clean(
        self, text: str | bytes, url: str = "", format: str = "auto", encoding: str = ""
    ) -> Result: ...
    def clean_many(
        self, texts: Sequence[str | bytes], urls: Sequence[str], workers: int, format: str = "auto"
    ) -> list[Result]: ...
    def rules(self) -> list[dict[str, str]]: ...
