"""Training for the window, in a process of its own:

    python -m annotator.learn.job PROJECT ANNOTATOR MODEL

crfsuite keeps Python's interpreter lock while it trains, so a thread of the window's
process would freeze the window for as long; a process of its own leaves the window
free. It learns from every person's finished documents and the annotator's documents in
progress and saves the model in MODEL, then says so on stdout (a line ``trained``), so
that the window suggests with it at once; then it measures how unsure the model is of
each document the annotator has not started, for ordering them, and writes that as a
last line: JSON, {document id: value}. A problem is one line on stderr and exit status 2.

The job ends with the window that started it (named by PARENT_ENV), however the window
ends: a window killed before it could stop its job left it training for minutes.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
from pathlib import Path
from typing import TextIO

from annotator.core.errors import UserError
from annotator.core.model import Status
from annotator.learn.model_file import save
from annotator.learn.project_data import training_data
from annotator.learn.recommender import train
from annotator.storage.project import Project

TRAINED = "trained"
# The window's process id, set by the window in the job's environment.
PARENT_ENV = "ANNOTATOR_JOB_PARENT"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def end_with_parent() -> None:
    """On Linux, have the kernel end this process when its parent ends (PR_SET_PDEATHSIG:
    it acts while crfsuite holds Python's lock, when no thread of ours could run), and
    end now if the parent has already gone. Elsewhere the window stops its job as it
    closes, on a termination signal too (annotator/ui/termination.py)."""
    parent = os.environ.get(PARENT_ENV)
    if not sys.platform.startswith("linux") or not parent:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        return
    if os.getppid() != int(parent):  # it ended before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def run_job(project_path: Path, annotator: str, output: Path, say: TextIO) -> None:
    with Project.open(project_path, readonly=True) as project:
        data = training_data(project, in_progress_of=annotator)
        if not data.spans():
            raise UserError("no spans to learn from yet: annotate, or mark documents done")
        model = train(data.examples, data.layer_of)
        save(model, output, {"documents": len(data.examples)})
        say.write(TRAINED + "\n")
        say.flush()
        statuses = project.statuses_of(annotator)
        unsure = {
            doc.id: model.doubt(doc.text)
            for doc in project.iter_documents()
            if statuses.get(doc.id, Status.NOT_STARTED) is Status.NOT_STARTED
        }
    say.write(json.dumps(unsure) + "\n")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write("usage: python -m annotator.learn.job PROJECT ANNOTATOR MODEL\n")
        return 2
    end_with_parent()
    try:
        run_job(Path(argv[0]), argv[1], Path(argv[2]), sys.stdout)
    except UserError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
