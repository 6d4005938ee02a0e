"""The limit each criterion must meet in one use: set by the selected context profiles, or the default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from art36.conditions import Truth, evaluate, lookup_in
from art36.models.checklist import Checklist, ContextProfile
from art36.models.common import RiskLevel, text_in
from art36.models.system import AnswerValue
from art36.scoring.once import per_checklist

DEFAULT = "default"


@dataclass(frozen=True)
class Limit:
    """The highest acceptable risk level, the profile that set it ("default": the criterion's own), and why."""

    level: RiskLevel
    profile: str = DEFAULT
    rationale: str = ""


@dataclass(frozen=True)
class Limits:
    #: Profiles whose condition holds.
    selected: tuple[str, ...]
    #: The limit as far as the answers tell: selected profiles, tightened by profiles whose condition is unknown.
    effective: dict[str, Limit] = field(default_factory=dict)
    #: The most lenient limit any answers to the unknown questions could give: a refusal holds only against it.
    lenient: dict[str, Limit] = field(default_factory=dict)

    def of(self, checklist: Checklist, criterion_id: str) -> Limit:
        return self.effective.get(criterion_id) or _default(checklist, criterion_id)

    def lenient_of(self, checklist: Checklist, criterion_id: str) -> Limit:
        return self.lenient.get(criterion_id) or _default(checklist, criterion_id)


@dataclass(frozen=True)
class _Table:
    """A checklist's limits as the engine reads them: each criterion's default, each profile's (known) limits."""

    defaults: dict[str, Limit]
    profiles: tuple[tuple[ContextProfile, tuple[tuple[str, Limit], ...]], ...]


@per_checklist
def _table(checklist: Checklist) -> _Table:
    criteria = checklist.criteria
    defaults = {
        cid: Limit(c.max_risk, DEFAULT, "the checklist's default limit for this criterion")
        for cid, c in criteria.items()
    }
    profiles = tuple(
        # a limit on a criterion the checklist does not define is left out: lint reports it (L002)
        (
            p,
            tuple(
                (lim.criterion, Limit(lim.max_risk, p.id, text_in(lim.rationale)))
                for lim in p.limits
                if lim.criterion in criteria
            ),
        )
        for p in checklist.profiles
    )
    return _Table(defaults, profiles)


def defaults(checklist: Checklist) -> Mapping[str, Limit]:
    """Each criterion's own limit (by id), used where no profile sets one."""
    return _table(checklist).defaults


def _default(checklist: Checklist, criterion_id: str) -> Limit:
    return _table(checklist).defaults[criterion_id]


def limits_for(checklist: Checklist, answers: Mapping[str, AnswerValue]) -> Limits:
    """Selected profiles, and per criterion the limit they set.

    Among selected profiles the strictest limit wins. A profile whose condition is unknown may tighten the
    effective limit (never relax it), and may relax the lenient one: only a refusal that holds against every
    possible answer is a refusal.
    """
    lookup = lookup_in(checklist.criteria, answers)
    selected: list[str] = []
    chosen: dict[str, Limit] = {}
    maybe: dict[str, list[Limit]] = {}
    for profile, profile_limits in _table(checklist).profiles:
        truth = evaluate(profile.when, lookup)
        if truth is Truth.FALSE:
            continue
        if truth is Truth.TRUE:
            selected.append(profile.id)
        for cid, found in profile_limits:
            if truth is Truth.TRUE:
                current = chosen.get(cid)
                if current is None or found.level.rank < current.level.rank:
                    chosen[cid] = found
            else:
                maybe.setdefault(cid, []).append(found)
    effective: dict[str, Limit] = dict(chosen)
    lenient: dict[str, Limit] = dict(chosen)
    for cid, candidates in maybe.items():
        default = _default(checklist, cid)
        base = chosen.get(cid, default)
        strictest = min(candidates, key=lambda lim: lim.level.rank)
        if strictest.level.rank < default.level.rank and strictest.level.rank < base.level.rank:
            effective[cid] = strictest
        if cid not in chosen:
            loosest = max(candidates, key=lambda lim: lim.level.rank)
            if loosest.level.rank > default.level.rank:
                lenient[cid] = loosest
    return Limits(tuple(selected), effective, lenient)
