"""The progress bar and the list of problems `warlog extract` and `warlog batch` show while storing."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warlog.model import Outcome


@contextmanager
def outcome_progress(label: str) -> Iterator[tuple[Callable[[Outcome], None], list[Outcome]]]:
    """(the callback to give each outcome, the skipped and failed ones so far), with a live bar
    on standard error that counts the inputs and names the last one."""
    problems: list[Outcome] = []
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[last]}"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=None, last="")

        def seen(outcome: Outcome) -> None:
            progress.update(task, advance=1, last=f"{outcome.status}: {Path(outcome.origin).name}")
            if outcome.status in ("skipped", "failed"):
                problems.append(outcome)

        yield seen, problems


def print_problems(problems: list[Outcome]) -> None:
    """One line per input that was skipped or failed, with its reason, on standard error."""
    console = Console(stderr=True)
    for problem in problems:
        console.print(f"[yellow]{problem.status}[/]: {problem.origin}: {problem.reason}", highlight=False)
