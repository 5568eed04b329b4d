"""How probable each span is under a CRF: crfsuite's model file read as plain data, and
forward-backward over it (numpy).

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

import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB = struct.Struct("<4sIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_RECORD = struct.Struct("<iI")

# Trained weights stay within a few units (7 at most in NewsFANE's and Wojood's models);
# e^100 and sums of such weights are still far from overflowing a float, so forward-backward
# stays finite. A weight beyond, infinite or NaN is no weight crfsuite trained.
MAX_WEIGHT = 100.0

Probable = tuple[int, int, str, float]  # first token, end token, label, probability
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Weights:
    """A CRF's weights, as arrays: forward-backward runs a token at a time (each token's
    mass depends on the one before), so each step is a few array operations over the tags
    rather than a Python loop over them."""

    tags: tuple[str, ...]
    attributes: dict[str, int]  # attribute -> n: its weights are first[n]:first[n + 1]
    first: Ints
    state_tags: Ints  # the tag of each state weight
    state: Floats  # the weights, an attribute's together
    moves: Floats  # [from, to]: e^w - 1 of each transition (0 where w is 0)
    edge: list[list[float]]  # [from][to]: e^w, the same as numbers, for the spans' ends
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
        weights = np.zeros((len(tags), len(tags)))
        start = at_features + _CHUNK.size
        for kind_of, src, dst, w in _FEATURE.iter_unpack(_part(model, start, count, _FEATURE.size)):
            if dst >= len(tags) or src >= (len(attributes) if kind_of == 0 else len(tags)):
                raise ValueError("not a crfsuite model (a feature of no tag)")
            if not -MAX_WEIGHT <= w <= MAX_WEIGHT:  # NaN too
                raise ValueError(f"a weight is not a number from -{MAX_WEIGHT:g} to {MAX_WEIGHT:g}")
            if kind_of == 0:
                state.setdefault(attributes[src], []).append((dst, w))
            else:
                weights[src, dst] = w
        labels: dict[str, tuple[int, int]] = {}
        for n, tag in enumerate(tags):
            if tag != "O" and (tag[:2] not in ("B-", "I-") or len(tag) == 2):
                raise ValueError(f"the tag {tag!r:.40} is not O, B-LABEL or I-LABEL")
            if tag != "O":
                b, i = labels.get(tag[2:], (-1, -1))
                labels[tag[2:]] = (n, i) if tag.startswith("B-") else (b, n)
        pairs = [kw for ws in state.values() for kw in ws]
        return cls(
            tags,
            {a: n for n, a in enumerate(state)},
            np.cumsum([0] + [len(ws) for ws in state.values()], dtype=np.int64),
            np.array([k for k, _ in pairs], dtype=np.int64),
            np.array([w for _, w in pairs], dtype=np.float64),
            np.expm1(weights),
            np.exp(weights).tolist(),
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
        if not features:
            return []
        length, n_tags = len(features), len(self.tags)
        rows = self._rows(features)
        ones = np.ones(n_tags)
        # Forward, each alpha scaled to sum 1 by c; entering[t][k], the mass entering
        # tag k at token t (1 at the first): the transitions of weight 0 carry alpha's
        # whole mass, 1, and the others e^w - 1 more of theirs.
        alphas: list[Floats] = []
        entering: list[Floats] = []
        cs: list[float] = []
        pre = ones
        for t in range(length):
            if t:
                pre = alphas[-1] @ self.moves
                pre += 1.0
            alpha = pre * rows[t]
            c = float(alpha @ ones)
            alpha /= c
            alphas.append(alpha)
            entering.append(pre)
            cs.append(c)
        betas: list[Floats] = [ones] * length
        for t in range(length - 2, -1, -1):
            u = rows[t + 1] * betas[t + 1]
            beta = self.moves @ u
            beta += u @ ones
            beta /= cs[t + 1]
            betas[t] = beta
        backward = np.array(betas)
        marginals = np.array(alphas) * backward
        # Where a span of X may begin: X's tags are that probable there (every span of X
        # from t is less probable than X at t), and so is every tag but O.
        padded = np.hstack([marginals, np.zeros((length, 1))])  # a missing tag's column
        begun = padded[:, [b if b >= 0 else n_tags for _, b, _ in self.labels]]
        begun += padded[:, [i if i >= 0 else n_tags for _, _, i in self.labels]]
        probable = begun >= floor
        if self.o >= 0:
            probable &= (1.0 - marginals[:, self.o] >= floor)[:, None]
        starts = np.argwhere(probable).tolist()
        if not starts:
            return []
        rows_at = rows.tolist()
        betas_at = backward.tolist()
        found: list[Probable] = []
        for t, n in starts:
            label, b_tag, i_tag = self.labels[n]
            masses = []  # (tag, forward mass of beginning X at t with that tag)
            for k in (b_tag, i_tag):
                if k < 0:
                    continue
                left = float(entering[t][k])
                if k == i_tag and t:  # I-X after B-X or I-X continues, not begins
                    left -= float(alphas[t - 1][k]) * self.edge[k][k]
                    if b_tag >= 0:
                        left -= float(alphas[t - 1][b_tag]) * self.edge[b_tag][k]
                masses.append((k, left * rows_at[t][k] / cs[t]))
            found += self._ends(t, masses, i_tag, rows_at, betas_at, cs, floor, label)
        return found

    def _rows(self, features: Sequence[Sequence[str]]) -> Floats:
        """Each token's scores of the tags, e^(score - the token's highest): the sums of
        its attributes' weights, gathered at once."""
        n_tags = len(self.tags)
        get = self.attributes.get
        ids = np.array([get(a, -1) for attributes in features for a in attributes], np.int64)
        token = np.repeat(np.arange(len(features)), [len(a) for a in features])
        known = ids >= 0
        ids, token = ids[known], token[known]
        first = self.first[ids]
        counts = self.first[ids + 1] - first
        # Where each known attribute's weights lie: a run of counts[n] from first[n].
        ends = np.cumsum(counts)
        at = np.repeat(first - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)
        scores = np.bincount(
            np.repeat(token, counts) * n_tags + self.state_tags[at],
            weights=self.state[at],
            minlength=len(features) * n_tags,
        ).reshape(len(features), n_tags)
        rows: Floats = np.exp(scores - scores.max(axis=1, keepdims=True))
        return rows

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
                    on = mass * self.edge[tag][i_tag] * rows[j + 1][i_tag] / cs[j + 1]
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
