"""Systems under test, each run in a worker process of its own.

The parent talks to a worker (``python -m bench.peers NAME``) over its stdin/stdout
with length-prefixed pickles; whatever a peer prints goes to the worker's stderr.
A page that raises, hangs past the timeout or kills the worker comes back as an empty
output with an error, and the worker is restarted for the next page. A system that
cannot be imported fails every page with the import error. Nothing is skipped.

This module imports only the standard library at the top, so that a worker can run
under another interpreter (``--python rs-trafilatura=/path/to/python3.12``).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
kStartTimeout = 180.0  # seconds for a worker to import its system
kMinTimedSeconds = 1.0  # speed: timed passes go on until they add up to this ...
kMaxReps = 25  # ... or this many passes

# A system reads (input, url, lang) and returns the text it keeps.
Extract = Callable[[str, str, str], str]


@dataclasses.dataclass(frozen=True)
class System:
    name: str
    dist: str  # distribution whose version is reported
    kind: str  # "html": reads page HTML; "text": reads extracted text; "floor": parse only
    make: Callable[[], Extract]


# ---- adapters: each is imported only inside its own worker ----------------------------

def _trafilatura() -> Extract:
    import trafilatura
    return lambda html, url, lang: trafilatura.extract(
        html, url=url or None, include_comments=False) or ""


def _rs_trafilatura() -> Extract:
    import rs_trafilatura
    return lambda html, url, lang: rs_trafilatura.extract(html, url=url or None).main_content or ""


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    return lambda html, url, lang: extract_plain_text(html, main_content=True) or ""


def _resiliparse_page() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    return lambda html, url, lang: extract_plain_text(html, main_content=False) or ""


def _readability() -> Extract:
    import html_text
    from readability import Document
    return lambda html, url, lang: html_text.extract_text(
        Document(html, url=url or None).summary(html_partial=True))


def _newspaper() -> Extract:
    import newspaper

    def extract(html: str, url: str, lang: str) -> str:
        # No network: images are not fetched to rank them, nothing is memorised.
        article = newspaper.Article(url or "https://example.com/", fetch_images=False,
                                    memorize_articles=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""
    return extract


def _goose3() -> Extract:
    from goose3 import Goose
    goose = Goose()
    return lambda html, url, lang: goose.extract(raw_html=html).cleaned_text or ""


# jusText needs a stop list; the page's language picks it, English otherwise.
_JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "pl": "Polish", "sv": "Swedish",
    "da": "Danish", "fi": "Finnish", "no": "Norwegian_Bokmal", "cs": "Czech",
    "tr": "Turkish", "ko": "Korean", "uk": "Ukrainian", "ro": "Romanian",
    "hu": "Hungarian", "el": "Greek", "id": "Indonesian", "vi": "Vietnamese",
}


def _justext() -> Extract:
    import justext
    stoplists: dict[str, frozenset] = {}

    def extract(html: str, url: str, lang: str) -> str:
        name = _JUSTEXT_LANGS.get((lang or "en").split("-")[0].lower(), "English")
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name)
        paragraphs = justext.justext(html, stoplists[name])
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return extract


def _boilerpy3() -> Extract:
    from boilerpy3 import extractors
    extractor = extractors.ArticleExtractor()
    return lambda html, url, lang: extractor.get_content(html) or ""


def _html_text() -> Extract:
    import html_text
    return lambda html, url, lang: html_text.extract_text(html)


def _newsclean_html() -> Extract:
    import newsclean
    if not hasattr(newsclean.Cleaner, "clean_html"):
        raise NotImplementedError("newsclean has no HTML mode yet (no Cleaner.clean_html)")
    cleaner = newsclean.Cleaner()
    return lambda html, url, lang: cleaner.clean_html(html, url=url or None).text


def _newsclean_text() -> Extract:
    import newsclean
    cleaner = newsclean.Cleaner()
    return lambda text, url, lang: cleaner.clean(text, url=url or None).text


def _lxml_parse() -> Extract:
    import lxml.html
    parser = lxml.html.HTMLParser(encoding="utf-8")

    def parse(html: str, url: str, lang: str) -> str:
        lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
        return ""
    return parse


# Slowest first, so that peers run side by side finish close together.
PEERS = [
    System("newspaper4k", "newspaper4k", "html", _newspaper),
    System("goose3", "goose3", "html", _goose3),
    System("trafilatura", "trafilatura", "html", _trafilatura),
    System("readability-lxml", "readability-lxml", "html", _readability),
    System("rs-trafilatura", "rs-trafilatura", "html", _rs_trafilatura),
    System("justext", "justext", "html", _justext),
    System("boilerpy3", "boilerpy3", "html", _boilerpy3),
    System("html-text", "html-text", "html", _html_text),
    System("resiliparse", "resiliparse", "html", _resiliparse),
    # The whole page as text (main_content=False): a source for the plugin task.
    System("resiliparse-page", "resiliparse", "html", _resiliparse_page),
]
NEWSCLEAN_HTML = System("newsclean", "newsclean", "html", _newsclean_html)
NEWSCLEAN_TEXT = System("newsclean-text", "newsclean", "text", _newsclean_text)
LXML_PARSE = System("lxml-parse", "lxml", "floor", _lxml_parse)
SYSTEMS = {s.name: s for s in [*PEERS, NEWSCLEAN_HTML, NEWSCLEAN_TEXT, LXML_PARSE]}


# ---- the wire: 8-byte length, then a pickle -------------------------------------------

def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=4)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _recv_blocking(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(size))


# ---- worker side -------------------------------------------------------------------

def _version(system: System) -> str:
    from importlib import metadata
    try:
        return metadata.version(system.dist)
    except metadata.PackageNotFoundError:
        module = sys.modules.get(system.dist.replace("-", "_"))
        return str(getattr(module, "__version__", "unknown"))


def _guarded(fn: Extract, item: tuple[str, str, str]) -> tuple[str, str | None]:
    try:
        text = fn(*item)
        return (text if isinstance(text, str) else str(text or "")), None
    except Exception as e:  # a page that makes a peer raise is an error for that page
        return "", f"{type(e).__name__}: {e}"[:300]


def _serve(name: str) -> None:
    wire_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # peers that print must not corrupt the wire
    wire_in = sys.stdin.buffer
    try:
        system = SYSTEMS[name]
        fn = system.make()
        _send(wire_out, {"ok": True, "version": _version(system),
                         "python": sys.version.split()[0]})
    except BaseException as e:
        _send(wire_out, {"ok": False, "error": f"{type(e).__name__}: {e}"[:500]})
        return
    while (msg := _recv_blocking(wire_in)) is not None:
        if msg["op"] == "run":
            start = time.perf_counter()
            text, error = _guarded(fn, msg["item"])
            _send(wire_out, {"text": text, "error": error,
                             "seconds": time.perf_counter() - start})
        elif msg["op"] == "speed":
            _send(wire_out, _speed(fn, msg))


def peak_rss_kb(pid: int | str = "self") -> int:
    """Peak resident set (VmHWM) of a live process, in KiB; 0 if unknown.

    Not getrusage's ru_maxrss: on Linux a child inherits the parent's high-water
    mark through fork and exec, so every worker would report the harness's own size.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _timed(run: Callable[[], int], reps: int) -> tuple[list[float], int]:
    """``reps`` timed passes of ``run`` (which returns its errors), and more while the
    passes so far took under kMinTimedSeconds (at most kMaxReps): the median of three
    20 ms passes moves with every interruption."""
    times, errors = [], 0
    while len(times) < reps or (sum(times) < kMinTimedSeconds and len(times) < kMaxReps):
        start = time.perf_counter()
        errors += run()
        times.append(time.perf_counter() - start)
    return times, errors


def _speed(fn: Extract, msg: dict) -> dict:
    """One untimed warm-up pass (caches, lazily built automata), then ``reps`` timed
    passes over all the pages (more when they are short: _timed)."""
    if msg.get("cpu") is not None:
        os.sched_setaffinity(0, {msg["cpu"]})
    items = msg["items"]
    if msg.get("batch"):  # newsclean's clean_many over every page at once
        import newsclean
        cleaner = newsclean.Cleaner()
        texts, urls = [i[0] for i in items], [i[1] or None for i in items]

        def run() -> int:
            cleaner.clean_many(texts, urls=urls, workers=0)
            return 0
    else:
        def run() -> int:
            return sum(_guarded(fn, item)[1] is not None for item in items)
    run()
    times, errors = _timed(run, msg["reps"])
    return {"times": times, "errors": errors, "peak_rss_kb": peak_rss_kb()}


# ---- parent side -------------------------------------------------------------------

class WorkerError(Exception):
    pass


class Worker:
    """One live worker process. Raises WorkerError when it dies or overruns."""

    def __init__(self, name: str, python: str | None = None, log: Path | None = None):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        env.setdefault("PYTHONWARNINGS", "ignore")
        self._log = open(log, "ab") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [python or sys.executable, "-m", "bench.peers", name],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            cwd=REPO_ROOT, env=env)
        hello = self._recv(kStartTimeout)
        if not hello["ok"]:
            self.close()
            raise WorkerError(f"unavailable: {hello['error']}")
        self.version, self.python = hello["version"], hello["python"]

    def call(self, msg: dict, timeout: float) -> dict:
        try:
            _send(self.proc.stdin, msg)
        except (BrokenPipeError, OSError):
            self.kill()
            raise WorkerError(f"crash (exit {self.proc.returncode})") from None
        return self._recv(timeout)

    def _recv(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        head = self._read(8, deadline)
        return pickle.loads(self._read(struct.unpack("<Q", head)[0], deadline))

    def _read(self, size: int, deadline: float) -> bytes:
        fd, chunks, got = self.proc.stdout.fileno(), [], 0
        while got < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.kill()
                raise WorkerError("timeout")
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                self.kill()
                raise WorkerError(f"crash (exit {self.proc.returncode})")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _reap(self, block: bool) -> bool:
        if self.proc.returncode is not None:
            return True
        try:
            pid, status = os.waitpid(self.proc.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.proc.returncode = -1
            return True
        if pid == 0:
            return False
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        return True

    def kill(self) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            self._reap(block=True)
        self._close_files()

    def close(self) -> None:
        """Lets the worker finish (end of input), then reaps it."""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        deadline = time.monotonic() + 10
        while not self._reap(block=False):
            if time.monotonic() > deadline:
                self.kill()
                break
            time.sleep(0.01)
        self._close_files()

    def _close_files(self) -> None:
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        if self._log is not subprocess.DEVNULL:
            self._log.close()


@dataclasses.dataclass
class Run:
    """One system over a list of inputs: an output per input, never fewer."""
    system: str
    version: str = ""
    python: str = ""
    available: bool = True
    note: str = ""
    texts: list[str] = dataclasses.field(default_factory=list)
    errors: list[str | None] = dataclasses.field(default_factory=list)
    seconds: list[float] = dataclasses.field(default_factory=list)


def run_pages(name: str, items: Sequence[tuple[str, str, str]], *, timeout: float,
              python: str | None = None, log: Path | None = None) -> Run:
    """Runs ``name`` on every (input, url, lang) item, one page per request."""
    run = Run(system=name)
    worker: Worker | None = None
    for item in items:
        text, error, seconds = "", run.note, 0.0
        if run.available:
            try:
                if worker is None:
                    try:
                        worker = Worker(name, python, log)
                    except WorkerError as e:  # cannot start: every page fails alike
                        run.available = False
                        run.note = error = (str(e) if str(e).startswith("unavailable")
                                            else f"failed to start: {e}")
                        raise
                    run.version, run.python = worker.version, worker.python
                reply = worker.call({"op": "run", "item": item}, timeout)
                text, error, seconds = reply["text"], reply["error"], reply["seconds"]
            except WorkerError as e:  # the worker is gone; the next page gets a new one
                worker = None
                if run.available:
                    timed_out = str(e) == "timeout"
                    error = f"timeout after {timeout:g}s" if timed_out else str(e)
                    seconds = timeout if timed_out else 0.0
        run.texts.append(text)
        run.errors.append(error)
        run.seconds.append(seconds)
    if worker is not None:
        worker.close()
    return run


@dataclasses.dataclass
class Speed:
    system: str
    version: str = ""
    ok: bool = True
    note: str = ""
    times: list[float] = dataclasses.field(default_factory=list)
    errors: int = 0
    maxrss_kb: int = 0
    cpu_times: list[float] = dataclasses.field(default_factory=list)  # user + sys, s (commands)


def measure_speed(name: str, items: Sequence[tuple[str, str, str]], *, reps: int,
                  timeout: float, cpu: int | None, batch: bool = False,
                  python: str | None = None, log: Path | None = None) -> Speed:
    """Times ``reps`` passes of ``name`` over ``items`` in a fresh worker (pinned to
    ``cpu`` when given), after a warm-up pass, and reads the worker's peak RSS."""
    speed = Speed(system=name)
    try:
        worker = Worker(name, python, log)
    except WorkerError as e:
        return Speed(system=name, ok=False, note=str(e))
    speed.version = worker.version
    try:
        reply = worker.call({"op": "speed", "items": list(items), "reps": reps,
                             "cpu": cpu, "batch": batch},
                            timeout * len(items) * (reps + 1))
        speed.times, speed.errors = reply["times"], reply["errors"]
        speed.maxrss_kb = reply["peak_rss_kb"]
        worker.close()
    except WorkerError as e:
        speed.ok, speed.note = False, str(e)
    return speed


def _spawn_on(argv: Sequence[str], cpus: set[int] | None) -> subprocess.Popen:
    """Starts ``argv`` pinned to ``cpus`` (None: anywhere). The child inherits this
    thread's CPU set, which is put back at once: a preexec_fn would make Popen fork()
    instead of vfork(), and forking this process (the pages of every set loaded) took
    tens of milliseconds that were timed as the command's own start."""
    mine = os.sched_getaffinity(0)
    if cpus:
        os.sched_setaffinity(0, cpus)
    try:
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    finally:
        if cpus:
            os.sched_setaffinity(0, mine)


def measure_command(argv: Sequence[str], *, reps: int, timeout: float,
                    warmup: bool = True, cpus: set[int] | None = None) -> Speed:
    """Times a command (the newsclean CLI): one warm-up run (unless not ``warmup``),
    then ``reps`` timed runs, pinned to ``cpus`` when given; peak RSS is the largest
    VmHWM seen in the timed runs, and each timed run's user + sys CPU time is kept."""
    speed = Speed(system=Path(argv[0]).name)
    for rep in range(reps + 1 if warmup else reps):
        start = time.perf_counter()
        proc = _spawn_on(argv, cpus)
        deadline, peak = start + timeout, 0
        while True:
            peak = max(peak, peak_rss_kb(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.waitpid(proc.pid, 0)
                proc.returncode = -9
                return dataclasses.replace(speed, ok=False, note="timeout")
            time.sleep(0.002)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace").strip()
        proc.stderr.close()
        if proc.returncode != 0:
            return dataclasses.replace(speed, ok=False,
                                       note=f"exit {proc.returncode}: {err[-300:]}")
        if rep > 0 or not warmup:
            speed.times.append(elapsed)
            speed.cpu_times.append(usage.ru_utime + usage.ru_stime)
            speed.maxrss_kb = max(speed.maxrss_kb, peak)
    return speed


if __name__ == "__main__":
    _serve(sys.argv[1])
