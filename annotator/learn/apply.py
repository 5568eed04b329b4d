"""Adding a model's suggestions to a project, under an annotator of their own, for
review as the gazetteer's suggestions are (annotator/suggest)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.errors import UserError
from annotator.learn.recommender import Recommender, Suggestion
from annotator.storage.project import Project
from annotator.storage.rejections import rejected, rejection_key
from annotator.suggest.apply import NewSpan, SuggestReport, file_suggestions

DEFAULT_ANNOTATOR = "model:crf"


def suggestion_attributes(s: Suggestion) -> dict[str, object]:
    """What a suggested span carries: its score (as imported predictions do, so the
    import's --min-score and the window treat both alike) and which part proposed it."""
    return {"score": s.score, "recommender": s.source}


def wanted(
    model: Recommender,
    text: str,
    min_score: float,
    refused: set[tuple[str, str]],
    labels: set[str],
    stop: Callable[[], bool] | None = None,
) -> list[Suggestion]:
    """The model's suggestions for ``text`` that score at least ``min_score``, of
    labels the schema still has, and that nobody rejected (none if ``stop`` says to
    stop: Recommender.suggest)."""
    return [
        s
        for s in model.suggest(text, stop=stop)
        if s.score >= min_score
        and s.label in labels
        and (rejection_key(text[s.start : s.end]), s.label) not in refused
    ]


def check_labels(model: Recommender, project: Project, model_path: Path) -> None:
    """Refuse a model that knows none of the project's labels: trained on another
    project's schema, it would suggest nothing, without a word."""
    labels = {lab.name for lab in project.schema().labels}
    if not labels & set(model.layer_of):
        known = ", ".join(sorted(model.layer_of)[:5])
        raise UserError(
            f"the model knows none of the project's labels (it knows {known}); it was "
            "trained on another schema",
            model_path,
        )


def suggest_documents(
    project: Project,
    model: Recommender,
    annotator: str = DEFAULT_ANNOTATOR,
    documents: Sequence[str] = (),
    min_score: float = 0.0,
    progress: Callable[[int], None] | None = None,
) -> SuggestReport:
    """The model's suggestions in ``documents`` (every document when none is named)."""
    names = {d.name: d.id for d in project.documents()}
    for name in documents:
        if name not in names:
            raise UserError(f"no document named {name!r} in the project", project.path)
    ids = [names[n] for n in documents] if documents else list(names.values())
    labels = {lab.name for lab in project.schema().labels}
    refused = rejected(project)
    # Found first, written after: no write while the documents are being read.
    found: list[tuple[int, list[NewSpan]]] = []
    for n, doc_id in enumerate(ids):
        text = project.document(doc_id).text
        found.append(
            (
                doc_id,
                [
                    (s.start, s.end, s.label, suggestion_attributes(s))
                    for s in wanted(model, text, min_score, refused, labels)
                ],
            )
        )
        if progress:
            progress(n + 1)
    return file_suggestions(project, annotator, found)
