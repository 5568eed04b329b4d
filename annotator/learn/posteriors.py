"""How probable each span is under a CRF: crfsuite's model file read as plain data, and
forward-backward over it in plain Python.

crfsuite's tagger gives the best tagging (Viterbi) and each token's marginal
probabilities, but not the probability of a span: that its tokens, and only they, carry
its label. The recommender proposes the spans whose probability is high enough
(crf.Tagger), which needs exactly that.

The model file (crfsuite's "lCRF"/"FOMC" format, as its crf1d_model.c writes it): a
header of offsets; the features, each (type, source, destination, weight) with type 0 a
state feature (attribute, tag) and 1 a transition (tag, tag); and the tags' and the
attributes' names in two "CQDB" string tables, each with an array from id to record.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB = struct.Struct("<4sIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_RECORD = struct.Struct("<iI")

Probable = tuple[int, int, str, float]  # first token, end token, label, probability


@dataclass(frozen=True)
class Weights:
    """A CRF's weights. L1 regularisation leaves most transitions at zero (on NewsFANE
    125 of 35 × 35 are not), so each tag keeps only its others: forward-backward then
    costs the tags plus those transitions per token, not the tags squared."""

    tags: tuple[str, ...]
    state: dict[str, tuple[tuple[int, float], ...]]  # attribute -> (tag, weight)
    moves: tuple[tuple[int, int, float], ...]  # (from, to, e^w - 1) of each transition
    edge: dict[tuple[int, int], float]  # (from, to) -> e^w, of the same
    o: int  # the index of O, -1 without one
    labels: tuple[tuple[str, int, int], ...]  # (label, its B- tag, its I- tag), -1 for none

    @classmethod
    def of(cls, model: bytes) -> Weights:
        """The weights in a crfsuite model file; ValueError if it is not one."""
        try:
            return cls._read(model)
        except (struct.error, UnicodeDecodeError) as exc:
            raise ValueError(f"not a crfsuite model ({exc})") from None

    @classmethod
    def _read(cls, model: bytes) -> Weights:
        magic, size, kind, _, _, _, _, at_features, at_tags, at_attributes, *_ = (
            _HEADER.unpack_from(model, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a crfsuite model (no lCRF/FOMC header)")
        if size != len(model):
            raise ValueError(f"not a crfsuite model ({len(model)} bytes of {size})")
        tags = tuple(_strings(model, at_tags))
        attributes = _strings(model, at_attributes)
        chunk, _, count = _CHUNK.unpack_from(model, at_features)
        if chunk != b"FEAT":
            raise ValueError("not a crfsuite model (no features)")
        state: dict[str, list[tuple[int, float]]] = {}
        moves: list[tuple[int, int, float]] = []
        edge: dict[tuple[int, int], float] = {}
        start = at_features + _CHUNK.size
        for kind_of, src, dst, w in _FEATURE.iter_unpack(_part(model, start, count, _FEATURE.size)):
            if dst >= len(tags) or src >= (len(attributes) if kind_of == 0 else len(tags)):
                raise ValueError("not a crfsuite model (a feature of no tag)")
            if kind_of == 0:
                state.setdefault(attributes[src], []).append((dst, w))
            else:
                moves.append((src, dst, math.expm1(w)))
                edge[src, dst] = math.exp(w)
        labels: dict[str, tuple[int, int]] = {}
        for n, tag in enumerate(tags):
            if tag != "O":
                b, i = labels.get(tag[2:], (-1, -1))
                labels[tag[2:]] = (n, i) if tag.startswith("B-") else (b, n)
        return cls(
            tags,
            {a: tuple(ws) for a, ws in state.items()},
            tuple(moves),
            edge,
            tags.index("O") if "O" in tags else -1,
            tuple((label, b, i) for label, (b, i) in labels.items()),
        )

    def spans(self, features: Sequence[Sequence[str]], floor: float) -> list[Probable]:
        """Every span of a tag sequence whose probability is at least ``floor``.

        A span (i, j, X) is the event that tokens i..j-1 carry X (B-X or I-X first, then
        I-X) and token j does not continue it (crf.Tagger reads spans so). Its
        probability is summed exactly from the scaled forward and backward vectors:
        the mass entering token i with a tag that begins X, times the scores and I-X
        transitions inside, times the mass leaving token j-1 for any tag but I-X."""
        n_tags = len(self.tags)
        rows: list[list[float]] = []  # e^(score - the token's highest)
        for attributes in features:
            row = [0.0] * n_tags
            for a in attributes:
                for k, w in self.state.get(a, ()):
                    row[k] += w
            top = max(row)
            rows.append([math.exp(v - top) for v in row])
        # Forward, each alpha scaled to sum 1 by c; entering[t][k], the mass entering
        # tag k at token t (1 at the first).
        alphas: list[list[float]] = []
        entering: list[list[float]] = []
        cs: list[float] = []
        for t, row in enumerate(rows):
            pre = [1.0] * n_tags  # alpha sums to 1: the mass of the transitions of weight 0
            if t:
                alpha = alphas[-1]
                for j, k, e in self.moves:
                    pre[k] += alpha[j] * e
            alpha = [p * r for p, r in zip(pre, row, strict=True)]
            c = sum(alpha)
            alphas.append([v / c for v in alpha])
            entering.append(pre)
            cs.append(c)
        betas: list[list[float]] = [[1.0] * n_tags] * len(rows)
        for t in range(len(rows) - 2, -1, -1):
            u = [r * b for r, b in zip(rows[t + 1], betas[t + 1], strict=True)]
            beta = [sum(u)] * n_tags
            for j, k, e in self.moves:
                beta[j] += u[k] * e
            betas[t] = [v / cs[t + 1] for v in beta]
        found: list[Probable] = []
        for t in range(len(rows)):
            marginals = [a * b for a, b in zip(alphas[t], betas[t], strict=True)]
            if self.o >= 0 and 1.0 - marginals[self.o] < floor:
                continue  # no tag but O is that probable here
            for label, b_tag, i_tag in self.labels:
                begun = [(k, marginals[k]) for k in (b_tag, i_tag) if k >= 0]
                if sum(m for _, m in begun) < floor:
                    continue  # every span of X from t is less probable than X at t
                masses = []  # (tag, forward mass of beginning X at t with that tag)
                for k, _ in begun:
                    left = entering[t][k]
                    if k == i_tag and t:  # I-X after B-X or I-X continues, not begins
                        left -= alphas[t - 1][k] * self.edge.get((k, k), 1.0)
                        if b_tag >= 0:
                            left -= alphas[t - 1][b_tag] * self.edge.get((b_tag, k), 1.0)
                    masses.append((k, left * rows[t][k] / cs[t]))
                found += self._ends(t, masses, i_tag, rows, betas, cs, floor, label)
        return found

    def _ends(
        self,
        first: int,
        masses: list[tuple[int, float]],
        i_tag: int,
        rows: list[list[float]],
        betas: list[list[float]],
        cs: list[float],
        floor: float,
        label: str,
    ) -> list[Probable]:
        """The spans of ``label`` beginning at token ``first`` with the forward
        ``masses`` of its tags there, at least ``floor`` probable, ending at each token
        in turn. From the second token on every way in is I-X: one mass."""
        out: list[Probable] = []
        last = len(rows) - 1
        j = first
        while True:
            p = 0.0
            going = 0.0  # the mass that goes on into I-X at j + 1
            for tag, mass in masses:
                on = 0.0
                if j < last and i_tag >= 0:
                    on = mass * self.edge.get((tag, i_tag), 1.0) * rows[j + 1][i_tag] / cs[j + 1]
                    p -= on * betas[j + 1][i_tag]
                p += mass * betas[j][tag]
                going += on
            if p >= floor:
                out.append((first, j + 1, label, p))
            if j == last or i_tag < 0:
                return out
            j += 1
            masses = [(i_tag, going)]
            if going * betas[j][i_tag] < floor:  # every longer span is a part of this
                return out


def _strings(model: bytes, at: int) -> list[str]:
    """The names of a CQDB table, by id."""
    chunk, _, _, _, count, backward = _CQDB.unpack_from(model, at)
    if chunk != b"CQDB":
        raise ValueError("not a crfsuite model (no string table)")
    names = []
    for n, (offset,) in enumerate(struct.iter_unpack("<I", _part(model, at + backward, count, 4))):
        ident, size = _RECORD.unpack_from(model, at + offset)
        start = at + offset + _RECORD.size
        if ident != n or size < 1 or start + size > len(model):
            raise ValueError("not a crfsuite model (a damaged string table)")
        names.append(model[start : start + size - 1].decode("utf-8"))
    return names


def _part(model: bytes, start: int, count: int, size: int) -> bytes:
    """``count`` items of ``size`` bytes from ``start``; ValueError if the file is shorter."""
    if start + count * size > len(model):
        raise ValueError("not a crfsuite model (cut short)")
    return model[start : start + count * size]
