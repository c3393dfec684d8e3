"""`make bench`'s import time: `import pilotstatus` against `import httpx`, in a venv holding only what
`pip install .` brings.

The venv is made with the interpreter running the bench, then gets pip and the project (not editable, no extra) at
the versions pinned in requirements/dev.lock, the build backend included, as the Makefile installs them. It is kept
under .venv-bench/, named by a hash of everything the install reads (pyproject.toml, the lock, the packaged sources
and spec, the interpreter), and made again when any of it changes; `--fresh-venv` makes it anew regardless.

Each import is timed as the wall time of a fresh `python -I -c 'import X'`, less that of `python -I -c pass` in the
same round (what starting Python costs), over interleaved rounds in shuffled order; the ratio is the median over
the rounds of the ratios within a round. Then `python -X importtime -c 'import httpx; import pilotstatus'` tells what
pilotstatus imports beyond httpx: every module listed after httpx's own line, grouped by top-level package, with the
module that first imported each group, so that whoever makes imports lazy knows where to start.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "dev.lock"
CACHE = ROOT / ".venv-bench"
# What `pip install .` reads: the build configuration, the lock, and what goes into the wheel.
INPUTS = ("pyproject.toml", "requirements/dev.lock", "README.md", "openapi.json", "wrapper", "generated", "sandbox")
GOAL = 1.25
PROJECT = "pilotstatus"  # the distribution; its packages pilotstatus and pilotstatus_api are counted apart


def inputs_key(root: Path = ROOT) -> str:
    """A hash of every file the install reads, and of the interpreter: a cached venv is reused only if it matches."""
    digest = hashlib.sha256(f"{sys.version} {platform.platform()} {sys.base_prefix}".encode())
    digest.update(Path(__file__).read_bytes())  # how the venv is made
    for name in INPUTS:
        path = root / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc":
                digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _pip(*arguments: str) -> str:
    """Run this environment's pip (the lock's version) on the bench venv's interpreter: its output, or the reason it
    failed."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *arguments], capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"pip {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def bench_venv(fresh: bool = False) -> Path:
    """The python of a venv with the project installed as `pip install .` installs it: reused from .venv-bench/
    when its inputs are unchanged, else made there (any other venv there is removed).

    The venv has no pip and no setuptools of its own: this environment's pip installs into it (`pip --python`), so
    that it holds the project and its dependencies, and nothing else."""
    folder = CACHE / inputs_key()
    python = folder / "bin" / "python"
    done = folder / "installed"
    if done.exists() and python.exists() and not fresh:
        return python
    if CACHE.exists():
        shutil.rmtree(CACHE)
    CACHE.mkdir()
    (CACHE / ".gitignore").write_text("*\n")  # nothing here is source
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    _pip(
        "--python",
        str(python),
        "install",
        "--quiet",
        "--constraint",
        str(LOCK),
        "--build-constraint",
        str(LOCK),
        str(ROOT),
    )
    done.write_text("")
    return python


def installed(python: Path) -> list[str]:
    """The distributions in the venv of `python`, as `name==version`."""
    return _pip("--python", str(python), "list", "--format=freeze").split()


def _run(python: Path, code: str) -> tuple[float, float]:
    """The wall time and the CPU time (user and system) of a fresh `python -I -c code`, in seconds."""
    start = time.perf_counter()
    process = subprocess.Popen([str(python), "-I", "-c", code], stdout=subprocess.DEVNULL, cwd=python.parent)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its resource usage
    if process.returncode:
        raise SystemExit(f"python -c {code!r} failed with exit code {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


@dataclasses.dataclass(frozen=True)
class ImportTimes:
    """Seconds of `import httpx` and of `import pilotstatus` beyond starting Python, one value per round, in wall
    time and in CPU time."""

    httpx: list[float]
    pilotstatus: list[float]
    httpx_cpu: list[float]
    pilotstatus_cpu: list[float]

    @property
    def ratio(self) -> float:
        """The median over the rounds of the ratio of the wall times within a round."""
        return statistics.median(x / y for x, y in zip(self.pilotstatus, self.httpx, strict=True))

    @property
    def cpu_ratio(self) -> float:
        """The same with CPU times, which other processes on the machine disturb less."""
        return statistics.median(x / y for x, y in zip(self.pilotstatus_cpu, self.httpx_cpu, strict=True))


def import_times(python: Path, rounds: int) -> ImportTimes:
    """`rounds` interleaved rounds (after one to warm up) of `pass`, `import httpx` and `import pilotstatus`, each in
    a fresh process, in an order shuffled each round; each import's time less that of `pass` in the same round."""
    codes = {"pass": "pass", "httpx": "import httpx", "pilotstatus": "import pilotstatus"}
    rng = random.Random(0)
    wall: dict[str, list[float]] = {name: [] for name in codes}
    cpu: dict[str, list[float]] = {name: [] for name in codes}
    for round_number in range(rounds + 1):
        order = list(codes)
        rng.shuffle(order)
        measured = {name: _run(python, codes[name]) for name in order}
        if round_number:
            for name, (wall_time, cpu_time) in measured.items():
                wall[name].append(wall_time)
                cpu[name].append(cpu_time)

    def less_pass(times: dict[str, list[float]], name: str) -> list[float]:
        return [value - base for value, base in zip(times[name], times["pass"], strict=True)]

    return ImportTimes(
        less_pass(wall, "httpx"), less_pass(wall, "pilotstatus"), less_pass(cpu, "httpx"), less_pass(cpu, "pilotstatus")
    )


@dataclasses.dataclass(frozen=True)
class Module:
    """One line of `-X importtime`: microseconds spent in the module itself and with what it imported, its depth."""

    name: str
    self_us: int
    cumulative_us: int
    depth: int


def parse_importtime(text: str) -> list[Module]:
    """The module lines of `python -X importtime` output (stderr), in the order printed: a module comes after the
    modules it imported, one level deeper (two spaces) than it."""
    modules = []
    for line in text.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        modules.append(Module(name.strip(), int(self_us), int(cumulative_us), depth))
    return modules


@dataclasses.dataclass(frozen=True)
class Group:
    """The modules of one package imported beyond the base: their self time, their number, and who imported them.

    A third-party package is named by its distribution (`attrs` holds the modules `attr` and `attrs`); the project's
    packages and the standard library's are named by their top-level module."""

    package: str
    tops: tuple[str, ...]
    self_us: int
    with_imports_us: int  # the cumulative time of the group's outermost imports: what making it lazy would save
    modules: int
    imported_by: str | None


def group_of(module: str, distributions: Mapping[str, Sequence[str]]) -> str:
    """The group `module` is counted in: its distribution's name, unless that is the project's own."""
    top = module.split(".")[0]
    names = distributions.get(top)
    return names[0] if names and names[0] != PROJECT else top


def beyond(
    modules: list[Module], base: str, target: str, distributions: Mapping[str, Sequence[str]] | None = None
) -> tuple[int, int, list[Group]]:
    """What importing `target` after `base` adds: the base's cumulative time, the target's, and the modules listed
    after the base's own line, grouped (see `Group`), largest self time first. `distributions` maps top-level
    modules to their distributions (`importlib.metadata.packages_distributions()`)."""
    distributions = distributions or {}
    base_at = next(index for index, module in enumerate(modules) if module.depth == 0 and module.name == base)
    added = modules[base_at + 1 :]
    target_line = next(module for module in added if module.depth == 0 and module.name == target)
    totals: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    tops: dict[str, set[str]] = defaultdict(set)
    entries: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
    for index, module in enumerate(added):
        group = group_of(module.name, distributions)
        totals[group] += module.self_us
        counts[group] += 1
        tops[group].add(module.name.split(".")[0])
        # Lines come after the modules they imported: a module's importer is the next line at a lower depth, and
        # the import of a module began at the first line of the block of deeper lines just before it.
        parent = next((later.name for later in added[index + 1 :] if later.depth < module.depth), None)
        if parent is None or group_of(parent, distributions) != group:
            start = index
            while start and added[start - 1].depth > module.depth:
                start -= 1
            entries[group].append((start, index, parent))
    groups = []
    for group, found in entries.items():
        outermost = [end for start, end, _ in found if not any(s <= start and end < e for s, e, _ in found)]
        with_imports = sum(added[end].cumulative_us for end in outermost)
        first_importer = min(found)[2]
        groups.append(
            Group(group, tuple(sorted(tops[group])), totals[group], with_imports, counts[group], first_importer)
        )
    groups.sort(key=lambda group: -group.self_us)
    return modules[base_at].cumulative_us, target_line.cumulative_us, groups


def distributions_of(python: Path) -> dict[str, list[str]]:
    """`importlib.metadata.packages_distributions()` in the venv of `python`."""
    code = "import importlib.metadata as m, json; print(json.dumps(m.packages_distributions()))"
    result = subprocess.run([str(python), "-I", "-c", code], check=True, capture_output=True, text=True)
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def importtime(python: Path, base: str = "httpx", target: str = "pilotstatus") -> list[Module]:
    result = subprocess.run(
        [str(python), "-I", "-X", "importtime", "-c", f"import {base}; import {target}"],
        check=True,
        capture_output=True,
        text=True,
        cwd=python.parent,
    )
    return parse_importtime(result.stderr)


def breakdown(
    python: Path, runs: int, base: str = "httpx", target: str = "pilotstatus"
) -> tuple[float, float, list[Group]]:
    """`beyond()` over `runs` runs (after one to warm up): the medians of the base's and the target's cumulative
    milliseconds, and the groups with the median of their self time."""
    distributions = distributions_of(python)
    results = [beyond(importtime(python, base, target), base, target, distributions) for _ in range(runs + 1)][1:]
    base_ms = statistics.median(result[0] for result in results) / 1000
    target_ms = statistics.median(result[1] for result in results) / 1000
    by_package: dict[str, list[Group]] = defaultdict(list)
    for _, _, groups in results:
        for group in groups:
            by_package[group.package].append(group)
    merged = [
        dataclasses.replace(
            found[0],
            self_us=int(statistics.median(group.self_us for group in found)),
            with_imports_us=int(statistics.median(group.with_imports_us for group in found)),
        )
        for found in by_package.values()
    ]
    merged.sort(key=lambda group: -group.self_us)
    return base_ms, target_ms, merged


def label(group: Group) -> str:
    """A group's name, with its modules' top-level names when they differ from it, and whether it is stdlib."""
    name = group.package
    if group.tops != (group.package,):
        name += f" ({', '.join(group.tops)})"
    return name + (" (stdlib)" if group.package in sys.stdlib_module_names else "")


def report(rounds: int, fresh_venv: bool = False, runs: int = 5, top: int = 12) -> None:
    started = time.perf_counter()
    python = bench_venv(fresh_venv)
    packages = installed(python)
    times = import_times(python, rounds)
    base_ms, target_ms, groups = breakdown(python, runs)
    print(
        f"Import time, in a venv with only what `pip install .` brings ({', '.join(packages)}), {rounds} rounds,"
        " medians of the wall time less that of `python -c pass`:"
    )
    print(f"  import httpx        {statistics.median(times.httpx) * 1000:7.1f} ms")
    print(f"  import pilotstatus  {statistics.median(times.pilotstatus) * 1000:7.1f} ms")
    verdict = "met" if times.ratio <= GOAL else "NOT MET"
    print(f"  import pilotstatus / import httpx = {times.ratio:.3f} (goal <= {GOAL}): {verdict}")
    print(
        f"  (the same ratio in CPU time: {times.cpu_ratio:.3f}; by -X importtime:"
        f" {(base_ms + target_ms) / base_ms:.3f}, that tool's own cost per module included)"
    )
    print(
        f"  What pilotstatus imports beyond httpx (-X importtime, medians of {runs} runs: httpx {base_ms:.1f} ms,"
        f" pilotstatus then {target_ms:.1f} ms more), by package: its modules' own time, and with what they import:"
    )
    for group in groups[:top]:
        source = f", first imported by {group.imported_by}" if group.imported_by else ""
        print(
            f"    {label(group):<36} {group.self_us / 1000:6.1f} ms   with imports"
            f" {group.with_imports_us / 1000:6.1f} ms  {group.modules:>4} modules{source}"
        )
    rest = groups[top:]
    if rest:
        others = sum(group.self_us for group in rest) / 1000
        print(
            f"    {f'{len(rest)} more packages':<36} {others:6.1f} ms{'':26}{sum(g.modules for g in rest):>4} modules"
        )
    print(f"  ({time.perf_counter() - started:.0f} s for this section, the venv included)")
