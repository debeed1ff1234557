"""Compare two versions of a draft: which articles were added, removed, moved, reworded or renumbered.

Drafts change between consultation rounds, and a renumbered article must keep its history: the comments and
recommendations made on ``art:30`` of round 1 belong to ``art:31`` of round 2 when one article was inserted
before it. :func:`compare_documents` aligns the articles of two parsed drafts and gives :attr:`DraftComparison.
id_map`, which sends every provision id of the old version to its id in the new one (or ``None``).

**Article alignment.** The text of an article is its heading and the text of all its parts, without any number
marker, compared as lower-case word tokens (punctuation and spacing ignored). Pairs are formed in four passes,
each over the articles still unpaired:

1. identical text: first the pairs that keep the order of both drafts, where their chapters (sections...) begin
   and end counted as part of that order (difflib's matching blocks), then the rest (an article moved
   elsewhere). Several articles may share a text (boilerplate closing every chapter): each goes to the copy
   among its neighbours, never to the first copy free, which sent a chapter's copy to another chapter when
   an article was inserted or one copy reworded;
2. same number, similarity >= :data:`SAME_NUMBER_MIN`, unless one of the two has another unpaired partner that is
   more similar and itself reaches :data:`MATCH_MIN` (then pass 3 decides);
3. any number, best similarity first, >= :data:`MATCH_MIN`;
4. what is left: old articles are ``removed``, new ones ``added``.

Of equally good partners (identical copies in pass 1, equal similarity in pass 3), the one that keeps the
article's number or the shift of its nearest paired neighbours before and after it comes first, then the one
nearest to those places, then the lower position.

Similarity is difflib's ``SequenceMatcher.ratio()`` over the word tokens (2 x the words the two texts have in
common, in order, / all their words), counted line by line first and word by word only within the lines that
differ (see :func:`_ratio`). Passes 2 and 3 compute it only for pairs whose upper bound (the multiset overlap of
their words, which is what ``quick_ratio`` computes, here done with C-level set operations) reaches the
threshold, and pass 3 evaluates it lazily, best bound first: a 300-article draft whose articles were only
renumbered is aligned in a fraction of a second, one in which every article was also reworded in one or two
seconds.

**Kinds.** A paired article is ``moved`` when it sits in another container (its chapter, section... does not
map to the new article's container) or when it left the order of its neighbours (it is not in the longest run
of pairs whose old and new order agree); else ``changed`` when its text (as compared above) differs; else
``unchanged``. ``renumbered`` is separate: a paired article whose number changed, whatever its kind, so an
article that only got a new number because one was inserted before it is ``unchanged`` with
``renumbered=True``. A moved article says whether its wording changed too in ``text_changed``.

**Parts** (paragraphs, sub-paragraphs) of a paired article are aligned with the same four passes among the parts
at the same depth, the "number" being their relative path (``.2``, ``.3.1``) and the thresholds
:data:`PART_SAME_PATH_MIN` / :data:`PART_MATCH_MIN`. **Containers** are paired by identical heading (same
kind), then by where most of their articles went, then by the same id. Parts of removed articles, and parts
that moved to another article, map to ``None``.

:func:`compare_reviews` then reads the reviews of both versions through the comparison: which gaps were closed
or opened, and which recommendations the new text took up.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from crlens.analysis.labels import BY_ID, article_of
from crlens.analysis.review import Review, Status
from crlens.ingest.model import CONTAINER_KINDS, Document, Naming, Provision

ChangeKind = Literal["unchanged", "changed", "moved", "added", "removed"]
DiffOp = Literal["equal", "insert", "delete"]
Boxes = tuple[tuple[str, ...], tuple[str, ...]]
"""The containers an article opens and those it closes (kind and heading), outermost first and last."""

SAME_NUMBER_MIN = 0.5
"""Pass 2: an article keeping its number is the same article when at least this similar."""
MATCH_MIN = 0.6
"""Pass 3: an article under another number needs more evidence to be the same article."""
PART_SAME_PATH_MIN = 0.5
"""Parts: same relative path (``.2`` in both versions) and at least this similar."""
PART_MATCH_MIN = 0.6
"""Parts: another path within the paired article, best similarity first."""
SIMILARITY_DIGITS = 3

ROOTS: frozenset[str] = frozenset({*CONTAINER_KINDS, "preamble"})
"""Besides articles, the provisions whose parts are aligned when they are paired."""
CLOSED_FROM: frozenset[str] = frozenset({"gap", "partial"})
OPEN_STATUSES: frozenset[str] = frozenset({"gap", "partial"})

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\S+\s*")


# --- results -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of words that both versions share (``equal``), that the new one adds (``insert``) or drops
    (``delete``); ``text`` keeps the original spacing and line breaks."""

    op: DiffOp
    text: str


@dataclass(frozen=True)
class DraftInfo:
    """Which draft a side of the comparison is."""

    title: str
    source: str
    sha256: str
    language: str
    articles: int

    @classmethod
    def of(cls, document: Document) -> DraftInfo:
        """The identification of a parsed draft."""
        return cls(document.title, document.source, document.sha256, document.language, len(document.articles))


@dataclass(frozen=True)
class ArticleChange:
    """What became of one article: ``old``/``new`` are provision ids (``None`` on the side it is absent from),
    ``old_container``/``new_container`` the ids of the containers holding it, ``similarity`` in [0, 1]
    (1.0 for added and removed ones would be meaningless, so they get 0.0), ``segments`` the word diff of the
    article's text (all ``insert`` for an added article, all ``delete`` for a removed one)."""

    kind: ChangeKind
    old: str | None
    new: str | None
    old_label: str | None
    new_label: str | None
    renumbered: bool
    text_changed: bool
    similarity: float
    segments: tuple[DiffSegment, ...]
    old_container: str | None = None
    new_container: str | None = None

    @property
    def inserted_words(self) -> str:
        """The inserted text, runs joined by a space (for a quick look or a test)."""
        return " ".join(s.text.strip() for s in self.segments if s.op == "insert")

    @property
    def deleted_words(self) -> str:
        """The deleted text, runs joined by a space."""
        return " ".join(s.text.strip() for s in self.segments if s.op == "delete")


@dataclass(frozen=True)
class ChangeCounts:
    """How many articles of each kind, and how many paired articles got a new number."""

    added: int
    removed: int
    moved: int
    changed: int
    unchanged: int
    renumbered: int

    def items(self) -> tuple[tuple[str, int], ...]:
        """(name, count) in a fixed order: added, removed, moved, changed, unchanged, renumbered."""
        return (("added", self.added), ("removed", self.removed), ("moved", self.moved),
                ("changed", self.changed), ("unchanged", self.unchanged), ("renumbered", self.renumbered))


@dataclass(frozen=True)
class DraftComparison:
    """Two versions of a draft, article by article, and where every old provision id went.

    ``articles`` is in the new draft's order, each removed article placed after the article that preceded it in
    the old draft. ``id_map`` has every provision id of the old draft, in its order, mapped to the new id or
    ``None``. ``old_naming`` and ``new_naming`` are how each draft names its provisions (``Document.naming``),
    for the reports that name them.
    """

    old: DraftInfo
    new: DraftInfo
    articles: tuple[ArticleChange, ...]
    id_map: dict[str, str | None]
    old_naming: Naming = BY_ID
    new_naming: Naming = BY_ID

    def counts(self) -> ChangeCounts:
        """The number of articles of each kind (renumbered counts paired articles whose number changed)."""
        kinds = Counter(change.kind for change in self.articles)
        return ChangeCounts(added=kinds["added"], removed=kinds["removed"], moved=kinds["moved"],
                            changed=kinds["changed"], unchanged=kinds["unchanged"],
                            renumbered=sum(change.renumbered for change in self.articles))

    def follow(self, old_id: str) -> str | None:
        """The new id of an old provision, or ``None`` when it was removed or is unknown."""
        return self.id_map.get(old_id)

    def for_old(self, old_article: str) -> ArticleChange | None:
        """The change of an old article, by its id."""
        return next((c for c in self.articles if c.old == old_article), None)

    def for_new(self, new_article: str) -> ArticleChange | None:
        """The change that produced a new article, by its id."""
        return next((c for c in self.articles if c.new == new_article), None)

    @property
    def identical(self) -> bool:
        """True when every article is unchanged and none was renumbered."""
        return all(c.kind == "unchanged" and not c.renumbered for c in self.articles)


# --- text ----------------------------------------------------------------------------------------------------


class _Text:
    """A text as the alignment sees it: its lines as normalised word tokens, all the tokens, and a key for
    identity; ``bag`` is the multiset of the tokens as a set of "word#n" (n-th occurrence), so that set
    intersection is multiset intersection (built on first use: most texts are paired by their key alone)."""

    __slots__ = ("_bag", "key", "line_keys", "lines", "tokens")

    def __init__(self, text: str) -> None:
        lines = [tuple(_WORD.findall(line)) for line in text.casefold().splitlines()]
        self.lines: tuple[tuple[str, ...], ...] = tuple(line for line in lines if line)
        self.line_keys = tuple(" ".join(line) for line in self.lines)
        self.tokens: tuple[str, ...] = tuple(token for line in self.lines for token in line)
        self.key = " ".join(self.line_keys)
        self._bag: frozenset[str] | None = None

    @property
    def bag(self) -> frozenset[str]:
        if self._bag is None:
            seen: dict[str, int] = {}
            bag = []
            for token in self.tokens:
                seen[token] = seen.get(token, 0) + 1
                # a string, not a tuple: str caches its hash, which makes the many intersections cheap
                bag.append(f"{token}#{seen[token]}")
            self._bag = frozenset(bag)
        return self._bag


def _bound(a: _Text, b: _Text) -> float:
    """An upper bound of :func:`_ratio` (difflib's ``quick_ratio``), from the word multisets."""
    total = len(a.tokens) + len(b.tokens)
    return 2 * len(a.bag & b.bag) / total if total else 1.0


SHORT_LINE_WORDS = 4


def _short_line(line: str) -> bool:
    """Too short to anchor a line alignment (difflib "junk": it may extend a match, not start one)."""
    return line.count(" ") < SHORT_LINE_WORDS - 1


def _ratio(a: _Text, b: _Text) -> float:
    """difflib's ratio over word tokens, 2 * matched words / all words, counted line by line first.

    Identical lines in the same order are matched whole; then an identical line that moved within the text
    (a reordered paragraph) is matched whole too; only the remaining runs of lines that differ are matched
    word by word. The exact whole-text ratio is quadratic in the common words of a long article (and difflib's
    "popular word" shortcut badly under-counts on legal text), while drafts mostly change a few lines of an
    article. Short lines ("energy sustainability;") can not anchor the line alignment, as an identical one
    elsewhere in the article would pull it out of step. The count never exceeds the words the two texts share,
    so :func:`_bound` stays an upper bound.
    """
    if a.key == b.key:
        return 1.0
    matched = 0
    lines = SequenceMatcher(_short_line, a.line_keys, b.line_keys, autojunk=False)
    blocks: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            matched += sum(len(line) for line in a.lines[i1:i2])
        else:
            blocks.append((list(range(i1, i2)), list(range(j1, j2))))
    spare: dict[str, list[int]] = {}
    for _, new_lines in blocks:
        for j in new_lines:
            spare.setdefault(b.line_keys[j], []).append(j)
    moved: set[int] = set()
    for old_lines, _ in blocks:
        for i in list(old_lines):
            if spare.get(a.line_keys[i]):
                moved.add(spare[a.line_keys[i]].pop(0))
                old_lines.remove(i)
                matched += len(a.lines[i])
    for old_lines, new_lines in blocks:
        old = [token for i in old_lines for token in a.lines[i]]
        new = [token for j in new_lines if j not in moved for token in b.lines[j]]
        if old and new:
            words = SequenceMatcher(None, old, new, autojunk=False)
            matched += sum(block.size for block in words.get_matching_blocks())
    return 2 * matched / (len(a.tokens) + len(b.tokens))


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0..1: difflib's ratio over lower-case word tokens, rounded."""
    return round(_ratio(_Text(a), _Text(b)), SIMILARITY_DIGITS)


def word_diff(a: str, b: str) -> tuple[DiffSegment, ...]:
    """The word-level difference from ``a`` to ``b``.

    Lines are compared first and only the lines that differ are diffed word by word, so that a long article
    with one changed paragraph costs little. Words are compared exactly (case and punctuation count, spacing
    does not); each word keeps the spacing that followed it, taken from ``b`` for shared words, so joining the
    ``equal`` and ``insert`` segments gives ``b`` and joining ``equal`` and ``delete`` gives ``a`` up to spacing.
    """
    segments: list[DiffSegment] = []

    def add(op: DiffOp, tokens: Sequence[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = DiffSegment(op, segments[-1].text + text)
        else:
            segments.append(DiffSegment(op, text))

    old_lines, new_lines = a.splitlines(keepends=True), b.splitlines(keepends=True)
    lines = SequenceMatcher(_short_line, [" ".join(ln.split()) for ln in old_lines],
                            [" ".join(ln.split()) for ln in new_lines], autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            add("equal", new_lines[j1:j2])
            continue
        old, new = _TOKEN.findall("".join(old_lines[i1:i2])), _TOKEN.findall("".join(new_lines[j1:j2]))
        words = SequenceMatcher(None, [t.rstrip() for t in old], [t.rstrip() for t in new], autojunk=False)
        for op, k1, k2, m1, m2 in words.get_opcodes():
            if op == "equal":
                add("equal", new[m1:m2])
            else:
                # a replacement reads best as the old words struck out, then the new ones
                add("delete", old[k1:k2])
                add("insert", new[m1:m2])
    return tuple(segments)


def _display_text(document: Document, article: Provision) -> str:
    """The article as written (paragraph numbers and line breaks kept), without its own number marker.

    Falls back to :meth:`Provision.full_text` when the source span does not start with the marker followed by
    the heading or text, e.g. for a draft whose offsets do not point into ``document.text``.
    """
    span = document.text[article.start:article.end]
    first = next((t for t in (article.heading, article.text) if t), "")
    if first:
        at = span.find(first[:60])
        if at >= 0 and len(span[:at].strip()) <= len(article.label) + 8:
            return span[at:].strip()
    return article.full_text()


# --- alignment -----------------------------------------------------------------------------------------------


def _align(old: Sequence[_Text], new: Sequence[_Text], old_keys: Sequence[str | None],
           new_keys: Sequence[str | None], same_min: float, match_min: float,
           compatible: Callable[[int, int], bool] = lambda i, j: True,
           old_boxes: Sequence[Boxes] = (), new_boxes: Sequence[Boxes] = ()) -> dict[int, tuple[int, float]]:
    """Pair old and new items (indices) by the four passes of the module docstring: old index -> (new index,
    similarity). ``keys`` are the numbers (or relative paths) compared in pass 2; ``boxes`` the containers
    (chapters...) each item opens and closes, which pass 1 reads as part of the order."""
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    paired: list[int] = []  # the old indices paired so far, in order: the neighbours of an unpaired one
    cache: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        if (i, j) not in cache:
            cache[(i, j)] = _ratio(old[i], new[j])
        return cache[(i, j)]

    def pair(i: int, j: int, score: float) -> None:
        pairs[i] = (j, score)
        taken.add(j)
        insort(paired, i)

    def offset(i: int, j: int) -> tuple[int, int, int]:
        """How far pairing ``i`` with ``j`` is from where the pairs made so far put it, to choose among equally
        good partners: 0 first when ``j`` keeps ``i``'s number or the shift of the nearest paired items before
        and after ``i`` (an article inserted before both shifts them by one); then the distance from the
        nearest of those places (``i``'s own place while nothing is paired), then ``j``."""
        at = bisect_left(paired, i)
        neighbours = paired[max(at - 1, 0):at + 1]
        expected = {i + pairs[k][0] - k for k in neighbours if k != i} or {i}
        same_number = old_keys[i] is not None and old_keys[i] == new_keys[j]
        return (0 if same_number or j in expected else 1, min(abs(j - e) for e in expected), j)

    # 1. identical text; empty texts (a bare "Article 12.") only pair by number. First the identical texts in the
    # order of both drafts, where chapters begin and end included (difflib's matching blocks over the two
    # sequences), so that of several identical articles (boilerplate closing every chapter) each goes to the
    # copy in its chapter among its neighbours, not to the first one free; then the rest (an article moved
    # elsewhere), each to the identical copy nearest to where its neighbours went
    def sequence(texts: Sequence[_Text], boxes: Sequence[Boxes], side: str) -> tuple[list[object],
                                                                                   list[int | None]]:
        items: list[object] = []
        at: list[int | None] = []
        for index, text in enumerate(texts):
            opens, closes = boxes[index] if boxes else ((), ())
            items += [("opens", box) for box in opens] + [text.key or (side, index)]
            items += [("closes", box) for box in closes]
            at += [None] * len(opens) + [index] + [None] * len(closes)
        return items, at

    (old_items, old_at), (new_items, new_at) = sequence(old, old_boxes, "old"), sequence(new, new_boxes, "new")
    blocks = SequenceMatcher(None, old_items, new_items, autojunk=False).get_matching_blocks()
    for block in blocks:
        for a, b in zip(old_at[block.a:block.a + block.size], new_at[block.b:block.b + block.size], strict=True):
            if a is not None and b is not None and compatible(a, b):
                pair(a, b, 1.0)
    by_key: dict[str, list[int]] = {}
    for j, text in enumerate(new):
        if text.key and j not in taken:
            by_key.setdefault(text.key, []).append(j)
    for i, text in enumerate(old):
        candidates = [j for j in by_key.get(text.key, ()) if j not in taken and compatible(i, j)]
        if i not in pairs and candidates:
            pair(i, min(candidates, key=lambda j: offset(i, j)), 1.0)

    # 2. same number, unless either side has a clearly better partner left
    new_by_number: dict[str, int] = {}
    for j, key in enumerate(new_keys):
        if key is not None and j not in taken:
            new_by_number.setdefault(key, j)
    for i, key in enumerate(old_keys):
        j = new_by_number.get(key) if key is not None else None
        if i in pairs or j is None or j in taken or not compatible(i, j):
            continue
        if _bound(old[i], new[j]) < same_min:
            continue
        score = sim(i, j)
        if score < same_min:
            continue
        # a rival counts only if pass 3 could pair it: more similar, and at least match_min
        floor = max(score, match_min)
        rivals = [(i, k) for k in range(len(new)) if k not in taken and k != j and compatible(i, k)]
        rivals += [(k, j) for k in range(len(old)) if k not in pairs and k != i and compatible(k, j)]
        if any(_bound(old[a], new[b]) >= floor and sim(a, b) > score and sim(a, b) >= match_min
               for a, b in rivals):
            continue
        pair(i, j, score)

    # 3. best similarity first; the heap holds upper bounds (exact=0) until a pair's ratio is computed (exact=1),
    # so a pair is accepted only once no unevaluated pair could beat it
    heap: list[tuple[float, int, int, int]] = []
    free_new = [j for j in range(len(new)) if j not in taken]
    for i in range(len(old)):
        if i in pairs:
            continue
        size_i = len(old[i].tokens)
        for j in free_new:
            size_j = len(new[j].tokens)
            # the bound can not exceed the shorter text's share of both: skip without intersecting
            if not size_i or not size_j or 2 * min(size_i, size_j) / (size_i + size_j) < match_min:
                continue
            if not compatible(i, j):
                continue
            bound = _bound(old[i], new[j])
            if bound >= match_min:
                heap.append((-bound, 0, (0, 0, 0), i, j))
    heapq.heapify(heap)
    while heap:
        negative, exact, _, i, j = heapq.heappop(heap)
        if i in pairs or j in taken:
            continue
        if not exact:
            score = sim(i, j)
            if score >= match_min:
                # of equally similar pairs, the one where the neighbours point goes first
                heapq.heappush(heap, (-score, 1, offset(i, j), i, j))
            continue
        pair(i, j, -negative)
    return pairs


def _in_order(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """The old indices of the longest run of pairs (sorted by old index) whose new indices also increase."""
    tails: list[int] = []  # tails[k]: new index ending the best run of length k + 1
    tail_at: list[int] = []  # position in pairs of that end
    previous: list[int] = [-1] * len(pairs)
    for position, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[k] = j
            tail_at[k] = position
        previous[position] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(pairs[position][0])
        position = previous[position]
    return kept


def _container(provision: Provision) -> Provision | None:
    node = provision.parent
    while node is not None and node.kind not in CONTAINER_KINDS:
        node = node.parent
    return node


def _ancestor_of_kind(provision: Provision, kind: str) -> Provision | None:
    node = provision.parent
    while node is not None and node.kind != kind:
        node = node.parent
    return node


def _heading_key(provision: Provision) -> str:
    return " ".join(_WORD.findall(provision.heading.casefold()))


def _align_containers(old: Document, new: Document, article_map: dict[str, str]) -> dict[str, str]:
    """Old container id -> new container id: same heading, then where most of its articles went, then same id."""
    old_boxes = [p for p in old.provisions if p.kind in CONTAINER_KINDS]
    new_boxes = [p for p in new.provisions if p.kind in CONTAINER_KINDS]
    out: dict[str, str] = {}
    taken: set[str] = set()
    for box in old_boxes:
        key = _heading_key(box)
        if not key:
            continue
        match = next((n for n in new_boxes if n.id not in taken and n.kind == box.kind and _heading_key(n) == key),
                     None)
        if match is not None:
            out[box.id] = match.id
            taken.add(match.id)
    for box in old_boxes:
        if box.id in out:
            continue
        destinations: Counter[str] = Counter()
        members = [p for p in box.walk() if p.kind == "article"]
        for article in members:
            target = new.get(article_map.get(article.id, ""))
            holder = _ancestor_of_kind(target, box.kind) if target is not None else None
            if holder is not None:
                destinations[holder.id] += 1
        if destinations:
            best, count = min(destinations.items(), key=lambda item: (-item[1], item[0]))
            if best not in taken and count * 2 > len(members):
                out[box.id] = best
                taken.add(best)
    for box in old_boxes:
        target = new.get(box.id)
        if box.id not in out and target is not None and target.id not in taken and target.kind == box.kind:
            out[box.id] = target.id
            taken.add(target.id)
    return out


def _parts(root: Provision) -> list[Provision]:
    """The numbered parts under an article or a container (annex points...), not entering articles or
    containers, in document order."""
    out: list[Provision] = []
    for child in root.children:
        if child.kind != "article" and child.kind not in CONTAINER_KINDS:
            out.append(child)
            out.extend(_parts(child))
    return out


def _align_parts(old_root: Provision, new_root: Provision) -> dict[str, str]:
    """Parts of a paired article or container -> parts of its new version, depth by depth, keyed by their
    path relative to it."""
    old_parts, new_parts = _parts(old_root), _parts(new_root)
    if not old_parts or not new_parts:
        return {}

    def path(part: Provision, root: Provision) -> str:
        return part.id[len(root.id):] if part.id.startswith(f"{root.id}.") else part.id

    old_paths = [path(p, old_root) for p in old_parts]
    new_paths = [path(p, new_root) for p in new_parts]
    old_depth = [p.count(".") for p in old_paths]
    new_depth = [p.count(".") for p in new_paths]
    pairs = _align([_Text(p.full_text()) for p in old_parts], [_Text(p.full_text()) for p in new_parts],
                   old_paths, new_paths, PART_SAME_PATH_MIN, PART_MATCH_MIN,
                   compatible=lambda i, j: old_depth[i] == new_depth[j])
    return {old_parts[i].id: new_parts[j].id for i, (j, _) in pairs.items()}


def _boxes(document: Document) -> list[Boxes]:
    """For each article, the containers (kind and heading) that begin with it and that end with it: where a
    chapter begins and ends is part of the draft's order, as much as its articles."""
    opens: dict[str, list[str]] = {}
    closes: dict[str, list[str]] = {}
    for box in document.provisions:
        if box.kind in CONTAINER_KINDS:
            articles = [p.id for p in box.walk() if p.kind == "article"]
            if articles:
                opens.setdefault(articles[0], []).append(f"{box.kind} {_heading_key(box)}")
                closes.setdefault(articles[-1], []).insert(0, f"{box.kind} {_heading_key(box)}")
    return [(tuple(opens.get(a.id, ())), tuple(closes.get(a.id, ()))) for a in document.articles]


def compare_documents(old: Document, new: Document) -> DraftComparison:
    """Align the articles, parts and containers of two versions of a draft (see the module docstring)."""
    old_articles, new_articles = old.articles, new.articles
    old_texts = [_Text(a.full_text()) for a in old_articles]
    new_texts = [_Text(a.full_text()) for a in new_articles]
    pairs = _align(old_texts, new_texts, [a.number for a in old_articles], [a.number for a in new_articles],
                   SAME_NUMBER_MIN, MATCH_MIN, old_boxes=_boxes(old), new_boxes=_boxes(new))
    article_map = {old_articles[i].id: new_articles[j].id for i, (j, _) in pairs.items()}

    id_map: dict[str, str | None] = {p.id: None for p in old.provisions}
    if old.get("preamble") is not None and new.get("preamble") is not None:
        id_map["preamble"] = "preamble"
    id_map.update(_align_containers(old, new, article_map))
    id_map.update(article_map)
    for old_id, new_id in list(id_map.items()):
        before, after = old.get(old_id), new.get(new_id) if new_id else None
        if before is not None and after is not None and (before.kind == "article" or before.kind in ROOTS):
            id_map.update(_align_parts(before, after))

    ordered = _in_order(sorted((i, j) for i, (j, _) in pairs.items()))
    changes: list[tuple[tuple[float, int], ArticleChange]] = []
    for i, (j, score) in pairs.items():
        before, after = old_articles[i], new_articles[j]
        old_box, new_box = _container(before), _container(after)
        same_box = (id_map.get(old_box.id) if old_box else None) == (new_box.id if new_box else None)
        text_changed = old_texts[i].key != new_texts[j].key
        kind: ChangeKind = ("moved" if not same_box or i not in ordered
                            else "changed" if text_changed else "unchanged")
        old_display, new_display = _display_text(old, before), _display_text(new, after)
        segments = ((DiffSegment("equal", new_display),) if old_display == new_display and new_display
                    else word_diff(old_display, new_display))
        changes.append(((j, 0), ArticleChange(
            kind=kind, old=before.id, new=after.id, old_label=before.label, new_label=after.label,
            renumbered=before.number != after.number, text_changed=text_changed,
            similarity=round(score, SIMILARITY_DIGITS), segments=segments,
            old_container=old_box.id if old_box else None, new_container=new_box.id if new_box else None)))
    paired_new = {j for j, _ in pairs.values()}
    for j, article in enumerate(new_articles):
        if j in paired_new:
            continue
        box = _container(article)
        text = _display_text(new, article)
        changes.append(((j, 0), ArticleChange(
            kind="added", old=None, new=article.id, old_label=None, new_label=article.label, renumbered=False,
            text_changed=True, similarity=0.0, segments=(DiffSegment("insert", text),) if text else (),
            new_container=box.id if box else None)))
    last_new = -1
    for i, article in enumerate(old_articles):
        if i in pairs:
            last_new = max(last_new, pairs[i][0])
            continue
        box = _container(article)
        text = _display_text(old, article)
        # a removed article is listed where it stood: after the new place of the article before it
        changes.append(((last_new + 0.5, i), ArticleChange(
            kind="removed", old=article.id, new=None, old_label=article.label, new_label=None, renumbered=False,
            text_changed=True, similarity=0.0, segments=(DiffSegment("delete", text),) if text else (),
            old_container=box.id if box else None)))
    changes.sort(key=lambda item: item[0])
    return DraftComparison(DraftInfo.of(old), DraftInfo.of(new), tuple(c for _, c in changes), id_map,
                           old.naming, new.naming)


# --- reviews -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceRef:
    """A provision of the new draft cited as evidence, with what happened to its article between versions
    (``None`` when the provision is outside any article)."""

    provision: str
    article: str | None
    article_change: ChangeKind | None
    text_changed: bool

    @property
    def in_new_text(self) -> bool:
        """True when the evidence is in an article that was added or reworded."""
        return self.article_change == "added" or self.text_changed


@dataclass(frozen=True)
class CriterionChange:
    """A criterion whose status moved between the reviews of the two versions.

    ``old_evidence`` are the old review's evidence ids, ``followed`` where they are in the new draft (``None``
    when removed), ``new_evidence`` the new review's evidence.
    """

    criterion: str
    area: str
    old_status: Status
    new_status: Status
    old_evidence: tuple[str, ...]
    followed: tuple[str | None, ...]
    new_evidence: tuple[EvidenceRef, ...]

    @property
    def in_new_text(self) -> bool:
        """True when some new evidence is in an added or reworded article."""
        return any(e.in_new_text for e in self.new_evidence)


@dataclass(frozen=True)
class TakenUp:
    """An old recommendation the new text took up: all its criteria are addressed in the new review and none of
    the risks it answered is still reported in the article its provision now maps to."""

    recommendation: str
    issue: str
    issue_ru: str
    criteria: tuple[str, ...]
    target: str
    followed_target: str | None
    risks_resolved: tuple[str, ...]
    evidence: tuple[EvidenceRef, ...]

    @property
    def in_new_text(self) -> bool:
        """True when the addressing evidence is in an added or reworded article."""
        return any(e.in_new_text for e in self.evidence)


@dataclass(frozen=True)
class ReviewChanges:
    """What the new version changed in the review: gaps closed and opened, recommendations taken up."""

    closed: tuple[CriterionChange, ...]
    opened: tuple[CriterionChange, ...]
    taken_up: tuple[TakenUp, ...]


def _is_opened(old: str, new: str) -> bool:
    if old in {"addressed", "not-applicable"}:
        return new in OPEN_STATUSES
    return old == "partial" and new == "gap"


def _evidence_refs(ids: Sequence[str], comparison: DraftComparison) -> tuple[EvidenceRef, ...]:
    refs = []
    for provision in dict.fromkeys(ids):
        article = article_of(provision) if provision.startswith("art:") else None
        change = comparison.for_new(article) if article else None
        refs.append(EvidenceRef(provision, article, change.kind if change else None,
                                bool(change and change.text_changed)))
    return tuple(refs)


def _check_side(review: Review, side: DraftInfo, name: str) -> None:
    if review.document.sha256 != side.sha256:
        raise ValueError(f"the {name} review is of {review.document.source!r}, not of the {name} draft "
                         f"{side.source!r} of this comparison")


def _followed_target(target: str, comparison: DraftComparison) -> str | None:
    """An amendment target in the new draft: ``art:40.2`` or ``new after art:40 in ch:9`` with its ids followed."""
    def follow(match: re.Match[str]) -> str:
        return comparison.follow(match.group(0)) or "?"

    followed = re.sub(r"\b(?:art|ch|sec|part|book|par|annex):[\w.~-]+", follow, target)
    return None if "?" in followed else followed


def _risk_remains(risk_id: str, new: Review, comparison: DraftComparison) -> bool:
    """Whether a risk (``rule@provision``) is still reported, by the same rule, in the article now holding it."""
    rule, _, provision = risk_id.partition("@")
    followed = comparison.follow(provision)
    if followed is None:
        return False
    article = article_of(followed)
    return any(r.id.partition("@")[0] == rule and article_of(r.provision) == article for r in new.risks)


def compare_reviews(old: Review, new: Review, comparison: DraftComparison) -> ReviewChanges:
    """Read the reviews of two versions through their comparison.

    *Closed*: a criterion that was a gap or partial and is now addressed. *Opened*: one that was addressed or
    not applicable and is now a gap or partial, or was partial and is now a gap. *Taken up*: an old
    recommendation whose criteria are all addressed now and whose risks are all gone (see :class:`TakenUp`).
    Raises ``ValueError`` when a review is not of the draft on its side of the comparison.
    """
    _check_side(old, comparison.old, "old")
    _check_side(new, comparison.new, "new")
    before = {c.id: c for c in old.criteria}
    after = {c.id: c for c in new.criteria}
    closed: list[CriterionChange] = []
    opened: list[CriterionChange] = []
    for criterion_id, was in before.items():
        now = after.get(criterion_id)
        if now is None or now.status == was.status:
            continue
        is_closed = was.status in CLOSED_FROM and now.status == "addressed"
        if not (is_closed or _is_opened(was.status, now.status)):
            continue
        old_ids = tuple(dict.fromkeys(e.provision for e in was.evidence))
        change = CriterionChange(
            criterion=criterion_id, area=was.area, old_status=was.status, new_status=now.status,
            old_evidence=old_ids, followed=tuple(comparison.follow(p) for p in old_ids),
            new_evidence=_evidence_refs([e.provision for e in now.evidence], comparison))
        (closed if is_closed else opened).append(change)

    taken: list[TakenUp] = []
    for rec in old.recommendations:
        if not rec.criteria or any(c not in after or after[c].status != "addressed" for c in rec.criteria):
            continue
        if any(_risk_remains(risk, new, comparison) for risk in rec.risks):
            continue
        evidence = [e.provision for c in rec.criteria for e in after[c].evidence]
        taken.append(TakenUp(
            recommendation=rec.id, issue=rec.issue, issue_ru=rec.ru.issue, criteria=tuple(rec.criteria),
            target=rec.amendment.target, followed_target=_followed_target(rec.amendment.target, comparison),
            risks_resolved=tuple(rec.risks), evidence=_evidence_refs(evidence, comparison)))
    return ReviewChanges(tuple(closed), tuple(opened), tuple(taken))


def iter_changed(comparison: DraftComparison) -> Iterator[ArticleChange]:
    """The articles a reader needs to see: every one but the unchanged (renumbered or not)."""
    return (c for c in comparison.articles if c.kind != "unchanged")
