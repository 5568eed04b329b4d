"""Benchmark data, made here: Arabic-like news text with Latin runs, diacritics and emoji.

Deterministic for a seed, so two runs measure the same work.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

WORDS = [
    "قال",
    "الرئيس",
    "الحكومة",
    "وزير",
    "المالية",
    "الاقتصاد",
    "الشركة",
    "المنصة",
    "مدينة",
    "بيروت",
    "القاهرة",
    "الرياض",
    "عمّان",
    "الأمم",
    "المتحدة",
    "مجلس",
    "الأمن",
    "الاجتماع",
    "القرار",
    "الأسبوع",
    "الماضي",
    "تقرير",
    "مصادر",
    "مطلعة",
    "أكد",
    "أعلن",
    "أضاف",
    "المتحدث",
    "باسم",
    "الوزارة",
    "الانتخابات",
    "البرلمان",
    "الشعب",
    "الاحتلال",
    "غزة",
    "الضفة",
    "المقاومة",
    "الجيش",
    "الشرطة",
    "المستشفى",
    "الجامعة",
    "الطلاب",
    "المعلمين",
    "سعر",
    "النفط",
    "الدولار",
    "البنك",
    "المركزي",
    "التضخم",
    "النمو",
    "الصادرات",
    "الواردات",
    "الميزانية",
]
DIACRITIC_WORDS = ["قَالَ", "الرَّئِيسُ", "إِنَّ", "مُحَمَّدٌ", "الحُكُومَةِ", "جَدِيدًا"]
LATIN = ["Elon Musk", "X Corp", "Reuters", "the United Nations", "BBC", "OpenAI", "#Gaza"]
EMOJI = ["👀", "🇵🇸", "👨‍👩‍👧", "🔥", "📈"]
LABELS = ["PER", "ORG", "LOC", "EVENT", "DATE", "MISC", "CLAIM", "QUOTE"]


def paragraph(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        r = rng.random()
        if r < 0.05:
            out.append(rng.choice(LATIN))
        elif r < 0.08:
            out.append(rng.choice(DIACRITIC_WORDS))
        elif r < 0.09:
            out.append(rng.choice(EMOJI))
        else:
            out.append(rng.choice(WORDS))
        if rng.random() < 0.06:
            out[-1] += rng.choice(["،", ".", "؟", ":"])
    return " ".join(out)


def article(rng: random.Random, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        p = paragraph(rng, rng.randint(30, 90))
        parts.append(p)
        size += len(p) + 1
    return "\n".join(parts)[:chars].rstrip()


def spans(rng: random.Random, text: str, count: int) -> list[tuple[int, int, str]]:
    """``count`` spans on word edges, some overlapping, as (start, end, label)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    out: dict[tuple[int, int, str], None] = {}
    for _ in range(count * 4):
        i = rng.randrange(len(starts) - 1)
        j = min(len(starts) - 1, i + rng.randint(1, 4))
        start, end = starts[i], starts[j] - 1
        if end > start:
            out[(start, end, rng.choice(LABELS))] = None
        if len(out) == count:
            break
    return list(out)


def documents(
    count: int, chars: int, spans_per_doc: int, annotators: tuple[str, ...], seed: int = 1
) -> Iterator[dict]:
    """Native-JSONL records: ``count`` articles, each with spans by every annotator."""
    rng = random.Random(seed)
    for n in range(count):
        text = article(rng, chars)
        anns = []
        for who in annotators:
            for k, (start, end, label) in enumerate(spans(rng, text, spans_per_doc)):
                anns.append(
                    {
                        "id": f"{n}-{who}-{k}",
                        "start": start,
                        "end": end,
                        "label": label,
                        "annotator": who,
                    }
                )
        yield {"name": f"article {n:05d}", "text": text, "annotations": anns}


def write_jsonl(path: Path, records: Iterator[dict]) -> int:
    annotations = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            annotations += len(record["annotations"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return annotations
