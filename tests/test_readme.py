"""The README stays true: CI runs the commands it gives, and every Python block runs as written against the sandbox.

Each ```python block of README.md names, on its first line, the demo key it needs (`# Demo key: ps_sandbox_...`,
or `# Demo key: none (why)` for a block that sends no request to the server the reader points it at), or is marked
on the line before it as not run, with the reason (`<!-- not run: reason -->`). The key is read from the README,
so the README and the test cannot disagree on it, and a block with neither fails the suite.

How the blocks run. One `pilotstatus sandbox` process serves the whole module: a real server of its own on a free
port, started as the Quickstart has a reader start it (5,000 calls a number, seed 7, the wall clock). Each block is
compiled at its own README line numbers and run with `exec` in this process, in a fresh namespace named
`__main__`, with only the environment a reader sets: PILOT_STATUS_API_KEY (the declared key) and
PILOT_STATUS_BASE_URL (the sandbox), every other PILOT_STATUS_* variable removed (all of them for a `none` block).
In this process rather than in one interpreter per block: a block that raises fails its test with a traceback at
the README's own lines, no interpreter starts per block, and the retries' waits (the error example against a closed
port) are recorded by conftest's `sleeps` instead of slept.

Every block runs once, in README order (the order of the parameters), against the one sandbox. None depends on what
another did: a block finds what it acts on (a ringing inbound call, of which the seeded history has several), and
what a block changes (the Meta number's settings, a permission asked of a magic number, the calls and messages it
starts, the sandbox's clock, which the messaging quickstart moves 3 s) no other block reads. Only blocks that read
are run again, with other keys.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from pilotstatus_sandbox import SCENARIOS
from tests._command import closed_port_url
from tests._sandbox_process import sandbox_process
from tests._spec import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO_KEYS = {scenario.api_key for scenario in SCENARIOS}
DECLARATION = re.compile(r"# Demo key: (?P<key>\S+)(?: \((?P<why>.+)\))?")
NOT_RUN = re.compile(r"<!-- not run: (?P<why>.*?) -->")
MAGIC_SUFFIXES = ("0001", "0002", "0003")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, flags=re.DOTALL | re.MULTILINE)


def commands(script: str) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in script.splitlines())
    return [line for line in lines if line.startswith("make ")]


def test_ci_runs_the_two_commands_the_readme_gives_and_the_gates_it_names() -> None:
    readme_commands = commands(code_blocks("sh")[0])
    assert readme_commands == ["make demo", "make test"]
    ci_commands = commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci_commands[: len(readme_commands)] == readme_commands
    for gate in ci_commands[len(readme_commands) :]:
        assert f"`{gate}`" in README, f"CI runs {gate}, which the README does not mention"


@dataclass(frozen=True)
class Block:
    """A ```python block of a README: where its code starts (1-based), the code, and the line before the fence."""

    line: int
    code: str
    before: str

    @property
    def not_run(self) -> str | None:
        """Why the block is not run, when the line before it says so ("" for a mark without a reason)."""
        mark = NOT_RUN.fullmatch(self.before.strip())
        return None if mark is None else mark["why"].strip()

    @property
    def declared(self) -> re.Match[str] | None:
        """The block's first line, when it is a demo-key declaration."""
        return DECLARATION.fullmatch(self.code.partition("\n")[0])

    @property
    def key(self) -> str | None:
        """The demo key the block's first line names; None for `none`."""
        declared = self.declared
        assert declared is not None, f"README.md:{self.line} names no demo key"
        return None if declared["key"] == "none" else declared["key"]

    def problem(self) -> str | None:
        """What keeps the block from being run as the README says, if anything."""
        if self.not_run is not None:
            return None if self.not_run else f"README.md:{self.line}: a `not run` mark needs a reason"
        declared = self.declared
        if declared is None:
            return (
                f"README.md:{self.line}: a python block starts with `# Demo key: <key>` (or `# Demo key: none (why)`),"
                " or has `<!-- not run: reason -->` on the line before it"
            )
        if declared["key"] == "none":
            return None if declared["why"] else f"README.md:{self.line}: `# Demo key: none` needs a reason"
        if declared["key"] not in DEMO_KEYS:
            return f"README.md:{self.line}: {declared['key']} is not a demo key of the sandbox"
        return None


def python_blocks(text: str) -> list[Block]:
    blocks = []
    for fence in re.finditer(r"^```python\n(.*?)^```$", text, flags=re.DOTALL | re.MULTILINE):
        line = text.count("\n", 0, fence.start()) + 2
        before = text[: fence.start()].rstrip("\n").rpartition("\n")[2]
        blocks.append(Block(line, fence[1], before))
    return blocks


BLOCKS = python_blocks(README)
RUN = [block for block in BLOCKS if block.not_run is None]


def block_with(marker: str) -> Block:
    """The one block of the README to be run that holds `marker`."""
    (block,) = [block for block in RUN if marker in block.code]
    return block


def test_every_python_block_names_its_demo_key_or_why_it_is_not_run() -> None:
    assert RUN
    assert [problem for block in BLOCKS if (problem := block.problem()) is not None] == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("```python\nprint('added without a key')\n```\n", "README.md:5: a python block starts with `# Demo key: "),
        ("```python\n# demo key: ps_sandbox_meta_number\nx = 1\n```\n", "README.md:5: a python block starts with"),
        ("<!-- a comment -->\n```python\nx = 1\n```\n", "README.md:6: a python block starts with"),
        ("```python\n# Demo key: ps_sandbox_nobody\nx = 1\n```\n", "README.md:5: ps_sandbox_nobody is not a demo key"),
        ("```python\n# Demo key: none\nx = 1\n```\n", "README.md:5: `# Demo key: none` needs a reason"),
        ("<!-- not run:  -->\n```python\nx = 1\n```\n", "README.md:6: a `not run` mark needs a reason"),
        ("```python\n# Demo key: ps_sandbox_web_number\nx = 1\n```\n", None),
        ("```python\n# Demo key: none (it sends nothing)\nx = 1\n```\n", None),
        ("<!-- not run: an excerpt -->\n```python\nx = 1\n```\n", None),
    ],
)
def test_a_python_block_is_run_with_the_demo_key_it_names_or_marked_not_run_with_a_reason(
    text: str, problem: str | None
) -> None:
    (block,) = python_blocks(f"# A README\n\nSome prose.\n{text}")
    found = block.problem()
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert found.startswith(problem)


@pytest.fixture(scope="module")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The module's one `pilotstatus sandbox` process, with the command's defaults, on a free port."""
    with sandbox_process(tmp_path_factory.mktemp("readme") / "sandbox.log") as url:
        yield url


def run_block(block: Block, monkeypatch: pytest.MonkeyPatch, *, key: str | None, base_url: str) -> str:
    """Run `block` with only PILOT_STATUS_API_KEY=`key` and PILOT_STATUS_BASE_URL=`base_url` set (neither when
    `key` is None); return what it printed."""
    for name in [name for name in os.environ if name.startswith("PILOT_STATUS_")]:
        monkeypatch.delenv(name)
    if key is not None:
        monkeypatch.setenv("PILOT_STATUS_API_KEY", key)
        monkeypatch.setenv("PILOT_STATUS_BASE_URL", base_url)
    code = compile("\n" * (block.line - 1) + block.code, "README.md", "exec")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {"__name__": "__main__"})
    return printed.getvalue()


Check = Callable[[str], None]
CHECKS: dict[str, Check] = {}
"""What a block prints, checked after it ran with its declared key, by a marker only that block holds."""


def prints(marker: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        CHECKS[marker] = check
        return check

    return register


@prints("calls.iter(since=")
def quickstart_prints_the_newest_page_then_counts_a_week_of_the_sandbox(printed: str) -> None:
    lines = printed.splitlines()
    assert len(lines) == 12
    assert all(len(line.split()) == 5 for line in lines[:10])  # created, direction, status, peer, duration
    assert lines[10] == "more: True HTTP 200"
    assert re.fullmatch(r"calls in the last week of October: [1-9][0-9]*", lines[11])


@prints("client.calls.play(")
def web_number_starts_a_call_plays_into_it_hangs_up_and_answers_a_ringing_one(printed: str) -> None:
    lines = printed.splitlines()
    assert re.fullmatch(r"started: call_\w+ INITIATED", lines[0])
    assert re.fullmatch(r"now: (INITIATED|RINGING|ACCEPTED)", lines[1])  # by the wall clock: 200 ms to ring
    assert lines[2:] == ["hung up: COMPLETED", "answered: ACCEPTED"]


@prints("sdp=webrtc_sdp()")
def meta_number_starts_a_call_with_an_offer_hangs_up_and_answers_with_an_answer(printed: str) -> None:
    lines = printed.splitlines()
    assert re.fullmatch(r"started: call_\w+ INITIATED", lines[0])
    assert lines[1:] == ["hung up: COMPLETED", "answered: ACCEPTED"]


@prints("permissions.request(")
def meta_number_reads_and_sets_its_settings_then_asks_a_user_without_permission(printed: str) -> None:
    lines = printed.splitlines()
    assert re.fullmatch(r"calling: \w+ hours: \w+", lines[0])
    assert lines[1] == "permission: no_permission"
    assert re.fullmatch(r"asked, message \S+", lines[2])
    assert len(lines) == 3


@prints("sandbox.advance(3)")
def messaging_quickstart_sends_a_text_and_follows_its_webhooks_to_read(printed: str) -> None:
    lines = printed.splitlines()
    sent = re.fullmatch(r"sent: (msg_\w+) QUEUED", lines[0])
    assert sent is not None
    events = [f"message.{step} {sent[1]} to +5511999990001" for step in ("sent", "delivered", "read")]
    assert lines[1:] == [*events, "now: READ"]
    block = block_with("sandbox.advance(3)")
    shown = README[README.index(block.code) + len(block.code) :][:400]
    assert "`sent: msg_... QUEUED`, then `message.sent`, `message.delivered` and `message.read`" in shown
    assert "`now: READ`" in shown


@prints("iter_history(")
def messaging_quickstart_sends_a_template_then_reads_a_page_and_walks_a_week_of_history(printed: str) -> None:
    lines = printed.splitlines()
    assert lines[0] == "template: boas_vindas APPROVED ['nome']"
    assert re.fullmatch(r"sent: msg_\w+ QUEUED", lines[1])
    assert re.fullmatch(r"\S+ OUTBOUND (QUEUED|SENT) Olá Ana, seja bem-vindo!", lines[2])  # the template, newest
    assert all(re.fullmatch(r"\S+ (INBOUND|OUTBOUND) [A-Z]+ .*", line) for line in lines[3:5])
    total = re.fullmatch(r"messages in all: ([0-9]+)", lines[5])
    assert total is not None
    assert int(total[1]) > 200  # the seeded messages, and those the blocks sent
    assert re.fullmatch(r"last week of October: \{'INBOUND': [1-9][0-9]*, 'OUTBOUND': [1-9][0-9]*\}", lines[6])
    assert len(lines) == 7


@prints('whatsapp_number_id="num_sandbox_meta"')
def tenant_key_lists_each_number_it_names(printed: str) -> None:
    assert printed.splitlines() == ["Meta number: 5 calls", "web number: 5 calls"]


CANNOT_CALL = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."


@prints("except pilotstatus.FeatureNotSupportedError")
def errors_catch_a_number_that_cannot_call_by_its_class(printed: str) -> None:
    assert printed == f"This number cannot use calls: {CANNOT_CALL}\n"


@prints("async for")
def async_client_lists_then_walks_every_call(printed: str) -> None:
    newest, count = printed.splitlines()
    assert re.fullmatch(r"newest: call_\w+", newest)
    assert re.fullmatch(r"calls in all: [0-9]+", count)
    assert int(count.rpartition(" ")[2]) >= 5000  # the seeded history, and the calls blocks before it started


@prints("webhooks.unwrap(")
def webhooks_read_a_signed_event_and_refuse_a_tampered_one_as_the_readme_shows(printed: str) -> None:
    block = block_with("webhooks.unwrap(")
    shown = README[README.index(block.code) :]
    (expected,) = re.findall(r"It prints:\n\n```text\n(.*?)```", shown, flags=re.DOTALL)[:1]
    assert printed == expected
    assert printed.splitlines()[1:] == [
        "200",
        "refused: the x-pilot-status-signature signature does not match the body: the body was changed, or signed"
        " with another secret",
        "400",
    ]


@prints("with Sandbox(")
def embedded_sandbox_iterates_then_drives_a_call_and_an_inbound_call_through_the_clock(printed: str) -> None:
    assert printed.splitlines() == [
        "calls: 1000",
        "status: ACCEPTED",
        "duration: 30",
        "inbound: MISSED",
        "events: call.ringing call.connected call.ended call.ringing call.missed",
    ]
    block = block_with("with Sandbox(")
    shown = README[README.index(block.code) + len(block.code) :][:400]
    assert "`calls: 1000`, `status: ACCEPTED`, `duration: 30`, `inbound: MISSED`" in shown


@prints("helpers.set_blocked(")
def a_blocked_numbers_send_is_refused_then_sent_with_the_same_key_once_unblocked(printed: str) -> None:
    assert printed.splitlines() == ["refused: NUMBER_BLOCKED extra_charge_unpaid", "sent: QUEUED replayed: False"]
    block = block_with("helpers.set_blocked(")
    shown = README[README.index(block.code) + len(block.code) :][:200]
    assert "`refused: NUMBER_BLOCKED extra_charge_unpaid` and `sent: QUEUED replayed: False`" in shown


@prints("client.templates.create(")
def a_template_on_the_meta_number_is_pending_then_approved_by_the_clock(printed: str) -> None:
    lines = printed.splitlines()
    assert lines == [
        "pedido_enviado PENDING False",
        "boas_vindas APPROVED True nome",
        "promocao REJECTED False produto",
        "pedido_enviado APPROVED True nome pedido",
    ]
    block = block_with("client.templates.create(")
    shown = README[README.index(block.code) + len(block.code) :][:300]
    assert ", ".join(f"`{line}`" for line in lines[1:-1]) in shown


@prints("sync_detailed")
def generated_layer_prints_a_page(printed: str) -> None:
    lines = printed.splitlines()
    assert len(lines) == 10
    assert all(len(line.split()) == 5 for line in lines)


def test_each_check_of_what_a_block_prints_finds_its_one_block() -> None:
    for marker in CHECKS:
        block_with(marker)


@pytest.mark.parametrize("block", RUN, ids=[f"README.md:{block.line}" for block in RUN])
def test_every_python_block_runs_as_written_with_its_demo_key_against_the_sandbox(
    block: Block, sandbox_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = run_block(block, monkeypatch, key=block.key, base_url=sandbox_url)
    for marker, check in CHECKS.items():
        if marker in block.code:
            check(printed)


ERRORS = "except pilotstatus.FeatureNotSupportedError"


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("ps_sandbox_meta_number", ""),  # no error
        ("ps_readme_wrong_key", re.escape("Check PILOT_STATUS_API_KEY\n")),
        ("ps_sandbox_rate_limited", re.escape("Rate limited; retry after 3600.0 s\n")),
        ("ps_sandbox_tenant", r"403 TENANT_SCOPE_NOT_ALLOWED \S.*\n"),  # APIStatusError: one line
    ],
)
def test_the_error_example_catches_each_error_by_its_class(
    sandbox_url: str, monkeypatch: pytest.MonkeyPatch, key: str, printed: str
) -> None:
    """`printed` is a pattern of what the block prints with `key`."""
    assert re.fullmatch(printed, run_block(block_with(ERRORS), monkeypatch, key=key, base_url=sandbox_url))


def test_the_error_example_reports_an_unreachable_api(monkeypatch: pytest.MonkeyPatch) -> None:
    printed = run_block(block_with(ERRORS), monkeypatch, key="ps_sandbox_meta_number", base_url=closed_port_url())
    assert printed.startswith("Pilot Status is unreachable: ")


def test_the_generated_layer_example_prints_an_error(sandbox_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = run_block(block_with("sync_detailed"), monkeypatch, key="ps_readme_wrong_key", base_url=sandbox_url)
    assert printed == "401 (no code) Unauthorized\n"


def phone_numbers(code: str) -> list[str]:
    return re.findall(r"\+?55[0-9]{10,11}\b", code)


def test_the_numbers_an_example_calls_or_asks_are_the_sandboxs_magic_numbers_and_it_says_so() -> None:
    for block in RUN:
        if block.key is None:
            continue  # it sends nothing to the server the reader points it at
        numbers = phone_numbers(block.code)
        assert all(number.endswith(MAGIC_SUFFIXES) for number in numbers), (block.line, numbers)
        if numbers:
            assert "the sandbox's magic numbers" in block.code, block.line
            assert "against the real API" in block.code, block.line
    assert phone_numbers(block_with("client.calls.play(").code) == ["+5511999990001"]


def test_the_quickstart_links_to_the_demo_key_table_before_its_first_example() -> None:
    quickstart = README.split("## Quickstart\n", 1)[1]
    assert quickstart.index("(#demo-keys)") < quickstart.index("```python")
    demo_keys = README.split("\n### Demo keys\n", 1)[1]
    assert demo_keys.lstrip().startswith("One demo key per situation")
    assert "| `ps_sandbox_meta_number` |" in demo_keys.split("\n### ", 1)[0]
