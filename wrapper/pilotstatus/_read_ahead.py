"""Reading ahead: a walk of a numbered list sends the request of its next page before it parses the page that came,
so that the server answers the next page while the client parses this one and the caller's loop works (two processes,
or two machines: the times overlap).

A walk's next request is nearly always the page after the one that just came, with its bounds. It is only a guess:
the walk's plan (`pagination._Walk`) still decides each request from the pages before it, and an answer read ahead that
is not the request the plan makes is dropped (a page is a GET, which changes nothing). Requests still go one at a time,
each after the answer before it, and no more than one page goes ahead of the page the walk has taken.
"""

from __future__ import annotations

import collections
import datetime
import queue
import threading
from collections.abc import Awaitable, Callable
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from ._operations import RequestSpec

if TYPE_CHECKING:
    import asyncio


@dataclass(frozen=True)
class Ask:
    """One request of a walk: a page number, and the date bounds to send (None: left out)."""

    page: int
    start: datetime.datetime | None
    end: datetime.datetime | None


@dataclass(frozen=True)
class Sent:
    """A page's request, and its 2xx response (read, not yet parsed)."""

    spec: RequestSpec
    response: httpx.Response


Trace = Callable[[str, Any], None]
"""httpx's `trace` request extension (httpcore calls it with each event of the request's life)."""
AsyncTrace = Callable[[str, Any], Awaitable[None]]
Send = Callable[[Ask, "Trace | None"], "Sent"]
"""Send a walk's request (with the `trace` given, if any), retried as any request: its 2xx answer, read."""
AsyncSend = Callable[[Ask, "AsyncTrace | None"], Awaitable["Sent"]]


def next_ask(previous: Ask | None, asked: Ask, pages: int | None) -> Ask | None:
    """The request to send ahead once `asked` is answered: the page after it, with its bounds, when the walk stepped
    one page forward from `previous` to `asked`, and the page before (`pages`, its `total_pages`) said that the list
    goes on past `asked`. None otherwise: the first page (a history's second one is asked with the end the first
    fixes), a step back, a page asked again, a new pass, the last page."""
    if previous is None or pages is None or asked.page >= pages or previous.page + 1 != asked.page:
        return None
    return Ask(asked.page + 1, asked.start, asked.end)


class ReadAhead:
    """The requests a sync walk sends ahead, on a thread of its own, and their answers, handed over when the walk makes
    those requests. The thread is a daemon (a walk left unfinished never holds up the interpreter's exit), started at
    the walk's first request sent ahead and ended with the walk.

    The walk sends ahead one page past the one it has taken (`follow`), no more: page n + 1 goes once the walk has
    taken page n, before it parses page n and hands its items out. When the walk is already waiting for page n as it
    comes (the server is the slower of the two), the thread sends page n + 1 itself, at once: to wake the thread for
    it would cost the server a fraction of a millisecond a page. The thread never goes past the list's last page, as
    the latest page parsed counts them, and stops as soon as the walk asks for anything else than the page after the
    one before; what was sent ahead in vain is dropped.

    A request sent ahead, by the walk or by the thread, is waited for until it is out (or an attempt has failed), as
    its `trace` tells, before the walk parses the page before: parsing holds the interpreter's lock, which the thread
    needs to write its request, and the request would otherwise go out at some point while the walk hands items out
    (after the caller's own requests, or not, as the threads happen to be scheduled)."""

    def __init__(self, send: Send) -> None:
        self._send = send
        # Reentrant: a walk's generator collected in a reference cycle is closed by whichever thread collects it,
        # which may be this walk's own thread inside a locked section (a lock it holds would never come free).
        self._lock = threading.RLock()
        self._ahead: collections.deque[Job] = collections.deque()  # sent ahead, not yet taken, in order
        self._chain = False  # whether the thread sends the page after each page that comes
        self._pages: int | None = None  # the list's `total_pages`, as the latest page parsed said
        self._jobs: queue.SimpleQueue[Job | None] | None = None

    def take(self, ask: Ask) -> Sent:
        """The answer to `ask`: the one read ahead when it was this request (its failure raised here, as if sent
        now), else sent now, once what was read ahead in vain has been answered (a walk's requests go one at a
        time)."""
        with self._lock:
            hit = self._ahead.popleft() if self._ahead and self._ahead[0].ask == ask else None
            if hit is None:
                self._chain = False
                dropped = list(self._ahead)
                self._ahead.clear()
        if hit is not None:
            return hit.future.result()
        for job in dropped:
            job.future.cancel()
        futures.wait([job.future for job in dropped])
        return self._send(ask, None)

    def follow(self, following: Ask | None) -> None:
        """Once the walk has taken a page: send `following` ahead, unless the thread has already, and let the thread
        chain from it (None: the walk is not stepping forward: send nothing more). Returns once its request is out,
        whichever thread sent it."""
        with self._lock:
            self._chain = following is not None
            if following is None:
                return
            sent = next((job for job in self._ahead if job.ask == following), None)
        if sent is None:
            self._start(following)
        else:
            sent.out.wait()

    def count(self, pages: int) -> None:
        """The list's `total_pages`, as the page the walk has just parsed says: the thread sends nothing past it."""
        with self._lock:
            self._pages = pages

    def _start(self, ask: Ask) -> None:
        """Send `ask` ahead, and return once the request is out."""
        if self._jobs is None:
            self._jobs = queue.SimpleQueue()
            thread = threading.Thread(
                target=self._answer, args=(self._jobs,), name="pilotstatus-read-ahead", daemon=True
            )
            thread.start()
        job = Job(ask)
        with self._lock:
            self._ahead.append(job)
        self._jobs.put(job)
        job.out.wait()

    def _answer(self, jobs: queue.SimpleQueue[Job | None]) -> None:
        """The thread: send each request put in `jobs`, and the page after it while the walk steps forward, until
        None. A page the walk already waits for is handed over only once the page after it is out (`Job.before`):
        the walk parses no page before the next one's request has left, and is woken once, not twice."""
        while (started := jobs.get()) is not None:
            job: Job | None = started
            while job is not None and job.future.set_running_or_notify_cancel():
                try:
                    sent = self._send(job.ask, job.trace)
                except BaseException as error:  # the walk's thread raises it, when it asks for this page
                    job.is_out()
                    job.future.set_exception(error)
                    break
                job.is_out()  # a request whose transport tells no trace: out, since answered
                following = self._chained(job.ask)
                if following is None:
                    job.future.set_result(sent)
                else:
                    following.before = (job.future, sent)
                job = following
            if job is not None:  # dropped before it was sent: the page before is handed over all the same
                job.is_out()

    def _chained(self, ask: Ask) -> Job | None:
        """The page after `ask`, registered as sent ahead, when the walk is stepping forward, is already waiting for
        `ask` (nothing else is ahead: the walk has taken it), and `ask` is not the last page; else None."""
        with self._lock:
            if not self._chain or self._ahead or self._pages is None or ask.page >= self._pages:
                return None
            job = Job(Ask(ask.page + 1, ask.start, ask.end))
            self._ahead.append(job)
            return job

    def close(self) -> None:
        """End the thread, dropping what was sent ahead (a request already out ends on its own, after its retries if
        any: its answer is dropped, and the thread ends then)."""
        with self._lock:
            self._chain = False
            for job in self._ahead:
                job.future.cancel()
            self._ahead.clear()
        if self._jobs is not None:
            self._jobs.put(None)
            self._jobs = None


@dataclass
class Job:
    """A request sent ahead: the walk's `ask`, its answer to come, an event set once the request is out, and the
    answer of the page before, when the thread chained this request from it: handed over to the walk once this request
    is out. Only the read-ahead thread changes `before` (httpcore calls `trace` on the thread that sends)."""

    ask: Ask
    future: Future[Sent] = field(default_factory=Future)
    out: threading.Event = field(default_factory=threading.Event)
    before: tuple[Future[Sent], Sent] | None = None

    def trace(self, event: str, info: Any) -> None:
        """httpx's `trace` extension: see `is_out`."""
        if is_out(event):
            self.is_out()

    def is_out(self) -> None:
        """The request is out (or will never be): hand over the page before, if it waits, and set `out`."""
        before, self.before = self.before, None
        if before is not None:
            before[0].set_result(before[1])
        self.out.set()


def is_out(event: str) -> bool:
    """Whether httpcore's trace `event` says that the walk need not wait for a request sent ahead any longer: the
    request is out (the client waits for the response), or an attempt failed (a retry, if any, may wait a while)."""
    return event.endswith(("receive_response_headers.started", ".failed"))


async def send_ahead(send: AsyncSend, ask: Ask) -> asyncio.Task[Sent]:
    """Send `ask` in a task of its own, and return the task once the request is out (or has failed): parsing a page
    gives the event loop no turn, so a task whose request was not yet out would wait for the parsing to end."""
    import asyncio

    out = asyncio.Event()

    async def trace(event: str, info: Any) -> None:
        if is_out(event):
            out.set()

    task = asyncio.ensure_future(send(ask, trace))
    task.add_done_callback(lambda _: out.set())
    try:
        await out.wait()
    except BaseException:  # the walk was cancelled meanwhile
        drop(task)
        raise
    return task


def drop(task: Any) -> None:
    """Cancel a task read ahead in vain, and take its failure, if any, so that asyncio does not log it as lost."""
    task.cancel()
    task.add_done_callback(lambda done: done.cancelled() or done.exception())
