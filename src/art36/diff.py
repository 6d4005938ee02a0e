"""Compare two reviews of a system: answers changed, criteria that changed status, scores moved, verdicts changed."""

from __future__ import annotations

from art36.models.common import Frozen, Verdict
from art36.models.review import ReviewResult, UseResult
from art36.render.report.view import answer_text

#: A score moves when it changes by more than this (scores are shown to one decimal).
EPSILON = 0.05


class AnswerChange(Frozen):
    criterion: str
    old: str
    new: str
    rationale_changed: bool = False
    evidence_changed: bool = False
    #: The intended uses whose answer changed (a system-wide answer changes in all of them).
    uses: tuple[str, ...]


class StatusChange(Frozen):
    use: str
    criterion: str
    old: str
    new: str


class ScoreChange(Frozen):
    use: str
    #: "use", "checklist CHECKLIST" or "section CHECKLIST/SECTION".
    what: str
    old: float | None
    new: float | None


class VerdictChange(Frozen):
    #: The intended use, or "" for the overall verdict.
    use: str
    old: Verdict | None
    new: Verdict | None


class ReviewDiff(Frozen):
    old: str
    new: str
    answers: tuple[AnswerChange, ...] = ()
    statuses: tuple[StatusChange, ...] = ()
    scores: tuple[ScoreChange, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    uses_added: tuple[str, ...] = ()
    uses_removed: tuple[str, ...] = ()
    criteria_added: tuple[str, ...] = ()
    criteria_removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.answers
            or self.statuses
            or self.scores
            or self.verdicts
            or self.uses_added
            or self.uses_removed
            or self.criteria_added
            or self.criteria_removed
        )


def _moved(old: float | None, new: float | None) -> bool:
    if old is None or new is None:
        return old is not new
    return abs(old - new) > EPSILON


def _scores(use: str, a: UseResult, b: UseResult) -> list[ScoreChange]:
    out = []
    if _moved(a.score, b.score):
        out.append(ScoreChange(use=use, what="use", old=a.score, new=b.score))
    old_c = {c.id: c.score for c in a.checklists}
    for c in b.checklists:
        if c.id in old_c and _moved(old_c[c.id], c.score):
            out.append(ScoreChange(use=use, what=f"checklist {c.id}", old=old_c[c.id], new=c.score))
    old_s = {(s.checklist, s.id): s.score for s in a.sections}
    for s in b.sections:
        key = (s.checklist, s.id)
        if key in old_s and _moved(old_s[key], s.score):
            out.append(ScoreChange(use=use, what=f"section {s.checklist}/{s.id}", old=old_s[key], new=s.score))
    return out


def compare(old: ReviewResult, new: ReviewResult) -> ReviewDiff:
    """Everything that differs in outcome between ``old`` and ``new`` (in the new review's order)."""
    old_uses = {u.id: u for u in old.uses}
    new_uses = {u.id: u for u in new.uses}
    answers: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    statuses: list[StatusChange] = []
    scores: list[ScoreChange] = []
    verdicts: list[VerdictChange] = []
    added_c: set[str] = set()
    removed_c: set[str] = set()
    if old.verdict is not new.verdict:
        verdicts.append(VerdictChange(use="", old=old.verdict, new=new.verdict))
    for use_id, b in new_uses.items():
        a = old_uses.get(use_id)
        if a is None:
            continue
        if a.verdict is not b.verdict:
            verdicts.append(VerdictChange(use=use_id, old=a.verdict, new=b.verdict))
        before = {(c.checklist, c.id): c for c in a.criteria}
        after = {(c.checklist, c.id): c for c in b.criteria}
        removed_c |= {k[1] for k in before if k not in after}
        for key, c in after.items():
            p = before.get(key)
            if p is None:
                added_c.add(c.id)
                continue
            rationale = p.rationale != c.rationale
            evidence = p.evidence != c.evidence
            if p.answer != c.answer or rationale or evidence:
                answers.setdefault(
                    (c.id, answer_text(p.answer), answer_text(c.answer), rationale, evidence), []
                ).append(use_id)
            if p.status is not c.status:
                statuses.append(StatusChange(use=use_id, criterion=c.id, old=p.status.value, new=c.status.value))
        scores += _scores(use_id, a, b)
    return ReviewDiff(
        old=old.file,
        new=new.file,
        answers=tuple(
            AnswerChange(
                criterion=k[0], old=k[1], new=k[2], rationale_changed=k[3], evidence_changed=k[4], uses=tuple(v)
            )
            for k, v in answers.items()
        ),
        statuses=tuple(statuses),
        scores=tuple(scores),
        verdicts=tuple(verdicts),
        uses_added=tuple(u for u in new_uses if u not in old_uses),
        uses_removed=tuple(u for u in old_uses if u not in new_uses),
        criteria_added=tuple(sorted(added_c)),
        criteria_removed=tuple(sorted(removed_c)),
    )


def without_values(d: ReviewDiff, placeholder: str) -> ReviewDiff:
    """``d`` with every answer value replaced by ``placeholder`` (``--no-values``): which criteria changed, and
    their statuses, scores and verdicts, still show; what was answered does not."""
    answers = tuple(a.model_copy(update={"old": placeholder, "new": placeholder}) for a in d.answers)
    return d.model_copy(update={"answers": answers})
