"""A small newsroom project made for the tests: ten finished articles that name the same
people, places and organisations in varied sentences, as a team's first week would."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Annotation, NewDocument, Status
from annotator.storage.project import Project

PEOPLE = ["محمد العلي", "فاطمة الزهراء", "أحمد حسن", "سارة خالد", "يوسف منصور"]
PLACES = [
    "القاهرة",
    "بيروت",
    "دمشق",
    "بغداد",
    "الرباط",
    "الخرطوم",
    "طرابلس",
    "الدوحة",
    "مسقط",
    "صنعاء",
    "الجزائر",
    "نواكشوط",
    "الكويت",
    "المنامة",
    "أبوظبي",
    "الرياض",
]
ORGS = ["وزارة الصحة", "الأمم المتحدة", "البنك الدولي", "جامعة الدول العربية"]
SENTENCES = [
    "قال {PER} في {LOC} إن {ORG} ستعقد اجتماعا الأسبوع المقبل.",
    "وصل {PER} إلى {LOC} مساء أمس في زيارة رسمية.",
    "أعلنت {ORG} أن {PER} سيزور {LOC} قريبا.",
    "وأكد {PER} أن المحادثات مع {ORG} كانت مثمرة.",
    "وشهدت {LOC} احتجاجات واسعة على قرار {ORG}.",
]


def article(n: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of article n and its entity spans."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    for k, sentence in enumerate(SENTENCES):
        fill = {
            "PER": PEOPLE[(n + k) % len(PEOPLE)],
            "LOC": PLACES[(3 * n + k) % len(PLACES)],
            "ORG": ORGS[(n + k) % len(ORGS)],
        }
        rest = sentence
        while "{" in rest:
            before, _, after = rest.partition("{")
            label, _, rest = after.partition("}")
            text += before
            spans.append((len(text), len(text) + len(fill[label]), label))
            text += fill[label]
        text += rest + " "
    return text.strip(), spans


def newsroom(path: Path, done: int = 10, annotator: str = "sara") -> Project:
    """A project with ``done`` finished articles of ``annotator`` and one more article,
    not annotated, named "new"."""
    project = Project.create(path)
    docs = []
    for n in range(done):
        text, spans = article(n)
        anns = tuple(
            Annotation(f"a{n}-{i}", 0, annotator, label, s, e, text[s:e])
            for i, (s, e, label) in enumerate(spans)
        )
        docs.append(
            NewDocument(f"article {n}", text, annotations=anns, status={annotator: Status.DONE})
        )
    docs.append(NewDocument("new", article(done)[0]))
    project.add_documents(docs)
    return project


# Ministers' statements: each finished document names a new minister after "قال الوزير"
# (said the minister), so the model learns that what follows those words is a name.
MINISTERS = ["سامي فرح", "نادر عيسى", "ليلى حداد", "رامي نصر", "هدى شكري", "وليد سلام",
             "منى ربيع", "طارق زين", "جمال بدر", "سلمى نور", "عادل فهد", "رنا ماهر"]  # fmt: skip
STATEMENT = "قال الوزير {} إن الاتفاق قريب."
# The new document names a minister no document has, then again where nothing tells
# that the words are a name (and written with harakat).
NEW_MINISTER = "كريم الحلبي"
AGAIN = "وكان كَرِيم الحلبي في المكتب طويلا."


def statements(path: Path, annotator: str = "sara") -> Project:
    """A project of a finished document per minister, each a statement and a sentence
    with no name, and one more, not annotated, named "new": NEW_MINISTER's statement
    and AGAIN on the next line."""
    project = Project.create(path)
    docs = []
    for n, name in enumerate(MINISTERS):
        text = STATEMENT.format(name) + "\nوكان الاجتماع في المكتب طويلا."
        at = text.index(name)
        span = Annotation(f"m{n}", 0, annotator, "PER", at, at + len(name), name)
        done = {annotator: Status.DONE}
        docs.append(NewDocument(f"statement {n}", text, annotations=(span,), status=done))
    docs.append(NewDocument("new", STATEMENT.format(NEW_MINISTER) + "\n" + AGAIN))
    project.add_documents(docs)
    return project
