"""The checklist lint rules' metadata (code, name, severity, documentation), registered into ``art36.rules``."""

from __future__ import annotations

from art36.models.diagnostic import Severity
from art36.rules import Rule, register

_E, _W = Severity.ERROR, Severity.WARNING

# The ``bad``/``good`` examples are top-level keys that replace those of a small valid checklist
# (tests/fixtures/lint/minimal.yaml, whose one criterion is ``target.type``: materiel=low, persons=critical),
# so tests can prove each ``bad`` example really triggers its rule.

_CRITERION = """\
      - id: target.type
        question: What can the system select and engage?
        references: [{source: AP I, section: art. 51(4)(b)}]
        legal_status: binding_treaty
"""

DUPLICATE_ID = register(
    Rule(
        "L001",
        "duplicate-id",
        _E,
        "Two sections, criteria, profiles, red lines, bands, test cases, options or limits share an id.",
        "checklist",
        explanation="Ids are how system files, conditions, reports and diffs name things; two things with one id "
        "make every one of those ambiguous. Criterion ids must be unique across all sections; option and range "
        "values unique within their criterion; a profile sets at most one limit per criterion.",
        bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: materiel, label: Persons, risk_level: critical}\n",
        good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
    )
)
UNDEFINED_REFERENCE = register(
    Rule(
        "L002",
        "undefined-reference",
        _E,
        "A condition, profile limit or test case names a criterion (or red line) this checklist does not define.",
        "checklist",
        explanation="A condition on a criterion that does not exist is never true, so a misspelt id silently "
        "disables a red line, hides a criterion or never selects a profile. Checked: applies_when, profile "
        "'when' and 'limits', red line 'when', scope.out_of_scope_when, and test-case answers and expectations.",
        bad="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
        "    when: {criterion: target.typ, equals: persons}\n",
        good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
        "    when: {criterion: target.type, equals: persons}\n",
    )
)
UNKNOWN_VALUE = register(
    Rule(
        "L003",
        "unknown-option-value",
        _E,
        "A condition or test case uses a value that is not among the criterion's option (or range) values.",
        "checklist",
        explanation="Conditions compare answers with option values (for number criteria: range names), type "
        "included, so 'equals: person' or 'equals: \"true\"' on a boolean never matches. A test case answer "
        "that fits no option tests nothing.",
        bad="scope:\n  out_of_scope_when: {criterion: target.type, in: [none, nothing]}\n",
        good="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel]}\n",
    )
)
NON_DISCRIMINATING = register(
    Rule(
        "L004",
        "non-discriminating-options",
        _W,
        "All options of a scored criterion carry the same risk level, so its answer cannot change the result.",
        "checklist",
        explanation="A criterion earns points by the risk level of its answer. If every option has the same level "
        "the question never makes a difference. Context criteria and criteria that conditions test are exempt: "
        "their answers matter through profiles, red lines and applies_when.",
        bad="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: medium}\n"
        "          - {value: persons, label: Persons, risk_level: medium}\n",
        good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
    )
)
NO_SOURCE = register(
    Rule(
        "L005",
        "criterion-without-source",
        _E,
        "A criterion cites no source ('references' is empty).",
        "checklist",
        explanation="A legal review must be traceable to law, policy or guidance: every criterion names the "
        "treaty article, customary rule, directive or recommendation it implements, so reviewers can weigh it "
        "and reports can be grouped by obligation.",
        bad="sections:\n  - id: target\n    title: Target\n    criteria:\n      - id: target.type\n"
        "        question: What can the system engage?\n        legal_status: binding_treaty\n"
        "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
        good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
    )
)
RED_LINE_NOT_BINDING = register(
    Rule(
        "L006",
        "red-line-not-binding",
        _E,
        "A red line with basis 'binding_law' tests a criterion whose legal status is not binding.",
        "checklist",
        explanation="Basis 'binding_law' yields the verdict 'prohibited'. Only binding treaty law or customary "
        "law can prohibit; a prohibition cannot rest on national policy or a recommendation. Use basis "
        "'national_policy' (verdict 'not approvable') or test binding criteria only.",
        bad="sections:\n  - id: target\n    title: Target\n    criteria:\n      - id: target.type\n"
        "        question: What can the system engage?\n        references: [{source: ICRC position 2021}]\n"
        "        legal_status: recommendation\n        options:\n"
        "          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n"
        "red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: binding_law\n    references: [{source: ICRC position 2021}]\n"
        "    when: {criterion: target.type, equals: persons}\n",
        good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: national_policy\n    references: [{source: ICRC position 2021}]\n"
        "    when: {criterion: target.type, equals: persons}\n",
    )
)
NEVER_HOLDS = register(
    Rule(
        "L007",
        "condition-never-holds",
        _E,
        "A red line that can never fire, a criterion never shown, a profile never selected, a scope never met.",
        "checklist",
        explanation="The condition is false for every combination of answers to the criteria it tests (found by "
        "trying them all when there are at most 4096): for example 'all' of two values of one single-choice "
        "criterion, 'in' with no valid value, 'risk_at_least: high' on a criterion with no high or critical "
        "option, or 'not' of something always true. A red line that never fires is a prohibition that "
        "does not exist.",
        bad="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: binding_law\n    references: [{source: AP I, section: art. 51(4)(b)}]\n"
        "    when:\n      all:\n        - {criterion: target.type, equals: persons}\n"
        "        - {criterion: target.type, equals: materiel}\n",
        good="red_lines:\n  - id: anti-personnel\n    title: Targets persons\n    message: Engages persons.\n"
        "    basis: binding_law\n    references: [{source: AP I, section: art. 51(4)(b)}]\n"
        "    when: {criterion: target.type, risk_at_least: critical}\n",
    )
)
ALWAYS_HOLDS = register(
    Rule(
        "L008",
        "condition-always-holds",
        _W,
        "A red line, applies_when or scope condition is true whatever the answers are.",
        "checklist",
        explanation="A red line that fires for every answer makes every system fail; a scope condition that "
        "always holds puts every system out of scope; an applies_when that always holds is dead weight. "
        "(Profiles are exempt: a catch-all profile is legitimate.)",
        bad="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel, persons]}\n",
        good="scope:\n  out_of_scope_when: {criterion: target.type, in: [materiel]}\n",
    )
)

_SCORING = "scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 20, critical: 0}\n"
_FACTOR = "  below_requirement_factor: 0.5\n"

BAND_OVERLAP = register(
    Rule(
        "L009",
        "score-band-overlap",
        _E,
        "Two score bands overlap, so a score has two verdicts.",
        "checklist",
        explanation="Bands run from 'min' (inclusive) to 'max' (exclusive; 100 is included in the top band). "
        "Each score must fall in exactly one band.",
        bad=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: approvable, min: 60, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
        good=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    )
)
BAND_GAP = register(
    Rule(
        "L010",
        "score-band-gap",
        _E,
        "The score bands leave part of 0–100 uncovered, so some scores have no verdict.",
        "checklist",
        explanation="Together the bands must cover every score from 0 to 100: the lowest starts at 0, each "
        "starts where the previous one ends, and the highest ends at 100.",
        bad=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 60, label: Not approvable, verdict: not_approvable}\n",
        good=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    )
)
BAND_UNREACHABLE = register(
    Rule(
        "L011",
        "score-band-unreachable",
        _E,
        "A score band no possible score falls in (or an empty band).",
        "checklist",
        explanation="A score is a weighted mean of criterion points, so it lies between the fewest and the most "
        "points any scored criterion can earn (context and text criteria earn none): risk_points of its options' "
        "levels, times "
        "below_requirement_factor when a level exceeds what the criterion or a profile allows, or unknown_points. "
        "A band outside that range (or with min >= max) can never be the outcome.",
        bad=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: excellent, min: 95, max: 100, label: Excellent, verdict: approvable}\n"
        "    - {id: approvable, min: 70, max: 95, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
        good=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    )
)
BAND_VERDICT_ORDER = register(
    Rule(
        "L012",
        "score-band-verdict-order",
        _E,
        "A higher score band allows a worse verdict than a lower one.",
        "checklist",
        explanation="A riskier answer must never improve the outcome: as scores rise, band verdicts must stay "
        "the same or get better (not_approvable, then approvable_with_conditions, then approvable).",
        bad=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: high, min: 70, max: 100, label: High, verdict: not_approvable}\n"
        "    - {id: low, min: 0, max: 70, label: Low, verdict: approvable}\n",
        good=_SCORING + _FACTOR + "  bands:\n"
        "    - {id: high, min: 70, max: 100, label: High, verdict: approvable}\n"
        "    - {id: low, min: 0, max: 70, label: Low, verdict: not_approvable}\n",
    )
)
RISK_POINTS_ORDER = register(
    Rule(
        "L013",
        "risk-points-not-monotone",
        _E,
        "A riskier level earns more points than a less risky one.",
        "checklist",
        explanation="Points must not rise with risk (none >= low >= medium >= high >= critical); otherwise a "
        "riskier answer improves the score.",
        bad="scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 60, critical: 0}\n"
        + _FACTOR
        + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
        good="scoring:\n  risk_points: {none: 100, low: 80, medium: 50, high: 20, critical: 0}\n"
        + _FACTOR
        + "  bands:\n"
        "    - {id: approvable, min: 70, max: 100, label: Approvable, verdict: approvable}\n"
        "    - {id: not-approvable, min: 0, max: 70, label: Not approvable, verdict: not_approvable}\n",
    )
)
MISSING_TRANSLATION = register(
    Rule(
        "L014",
        "missing-translation",
        _W,
        "With several 'languages', a text is plain (untranslated) or its language map lacks one of them.",
        "checklist",
        explanation="Reports are rendered in any declared language; a missing translation falls back to "
        "English (or any language) mid-report. Write every text as a map with one entry per declared language.",
        bad="languages: [en, nl]\ntitle: {en: Example checklist}\n",
        good="languages: [en, nl]\ntitle: {en: Example checklist, nl: Voorbeeldchecklist}\n",
    )
)
UNDECLARED_LANGUAGE = register(
    Rule(
        "L015",
        "undeclared-language",
        _W,
        "A language map has an entry for a language not listed in 'languages'.",
        "checklist",
        explanation="Declared languages are what the checklist promises to be complete in; an entry for another "
        "language is usually a typo (e.g. 'nl' vs 'nL') or a forgotten declaration.",
        bad="languages: [en]\ntitle: {en: Example checklist, nl: Voorbeeldchecklist}\n",
        good="languages: [en]\ntitle: {en: Example checklist}\n",
    )
)
CRITICAL_ALLOWED = register(
    Rule(
        "L016",
        "critical-risk-allowed",
        _W,
        "A criterion's max_risk, or a profile limit, is 'critical', so no answer is ever below requirement.",
        "checklist",
        explanation="'critical' is the highest level, so allowing it means the criterion can never flag a "
        "gap or a condition. If the criterion should not constrain the verdict, say so with a lower weight.",
        bad="sections:\n  - id: target\n    title: Target\n    criteria:\n"
        + _CRITERION
        + "        max_risk: critical\n"
        "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
        good="sections:\n  - id: target\n    title: Target\n    criteria:\n" + _CRITERION + "        max_risk: medium\n"
        "        options:\n          - {value: materiel, label: Military objects, risk_level: low}\n"
        "          - {value: persons, label: Persons, risk_level: critical}\n",
    )
)
TEST_CASE_FAILED = register(
    Rule(
        "L017",
        "test-case-failed",
        _E,
        "A checklist test case gives a different verdict, score, status or red lines than it expects.",
        "checklist",
        explanation="Each entry in 'tests' is run through the scoring engine; every expectation that differs "
        "(verdict, score_min/score_max, a criterion's status, the exact set of fired red lines) is reported at "
        "the expectation. A changed checklist that changes outcomes must change its tests in the same commit.",
        bad="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n    expect: {verdict: prohibited}\n",
        good="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n    expect: {verdict: approvable}\n",
    )
)
UNKNOWN_STATUS = register(
    Rule(
        "L018",
        "unknown-expected-status",
        _E,
        "A test case expects a criterion status that does not exist.",
        "checklist",
        explanation="Statuses are: meets, below, missing, unknown, not_applicable, not_shown, information.",
        bad="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n"
        "    expect: {statuses: {target.type: met}}\n",
        good="tests:\n  - id: materiel\n    answers: {target.type: materiel}\n"
        "    expect: {statuses: {target.type: meets}}\n",
    )
)

#: Every checklist lint rule, in code order.
LINT_RULES: tuple[Rule, ...] = (
    DUPLICATE_ID,
    UNDEFINED_REFERENCE,
    UNKNOWN_VALUE,
    NON_DISCRIMINATING,
    NO_SOURCE,
    RED_LINE_NOT_BINDING,
    NEVER_HOLDS,
    ALWAYS_HOLDS,
    BAND_OVERLAP,
    BAND_GAP,
    BAND_UNREACHABLE,
    BAND_VERDICT_ORDER,
    RISK_POINTS_ORDER,
    MISSING_TRANSLATION,
    UNDECLARED_LANGUAGE,
    CRITICAL_ALLOWED,
    TEST_CASE_FAILED,
    UNKNOWN_STATUS,
)
