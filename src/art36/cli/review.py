"""`art36 review`: walk a reviewer through a system file question by question, saving every answer at once."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from art36 import echo, fileio, load, pipeline
from art36.catalog import Catalog, LoadedChecklist, builtin_names
from art36.catalog import _is_path as is_checklist_path
from art36.cli import review_view as view
from art36.cli.exits import Exit
from art36.cli.term import Signals, Stopped, Term
from art36.i18n import Translator
from art36.models.checklist import AnswerType
from art36.models.system import Answer, Evidence, SystemDescription
from art36.review import choices, document, engine, feedback
from art36.review.session import Autosave, Paths, SessionFile, now, read_session, recover_done
from art36.textsafe import folded, one_line

COMMANDS = {"?", "b", "s", "j", "l", "q", "h"}


@dataclass(frozen=True)
class Settings:
    system: Path | None
    checklists: tuple[str, ...]
    lang: str
    reviewer: str | None
    output: Path | None
    force: bool
    in_place: bool


class _Abort(Exception):
    """A problem that ends the command before any question: message and exit code."""

    def __init__(self, message: str, code: int = Exit.USAGE) -> None:
        super().__init__(message)
        self.code = code


def run(settings: Settings, term: Term | None = None) -> int:
    term = term or Term()
    tr = Translator(settings.lang)
    signals = Signals()
    signals.install()
    review = _Review(settings, term, tr, signals)
    try:
        return review.run()
    except _Abort as exc:
        try:
            if review.marking:  # the system file's marking comes with any message about it, as in every report
                term.write(f"{one_line(str(settings.system))}: classification: {one_line(review.marking)}\n")
            term.write(f"art36: error: {exc}\n")
        except Stopped:  # stdout is full or closed: the message goes to stderr
            sys.stderr.write(f"art36: error: {exc}\n")
        return exc.code
    finally:
        signals.restore()


class _Review:
    def __init__(self, settings: Settings, term: Term, tr: Translator, signals: Signals) -> None:
        self.settings, self.term, self.tr, self.signals = settings, term, tr, signals
        self.catalog = Catalog()
        self.autosave: Autosave | None = None
        self._state: engine.State | None = None
        #: The system file's classification marking, once read (valid file or not).
        self.marking = ""

    # --- set-up ------------------------------------------------------------------------------------------------

    def _load_system(self, path: Path) -> tuple[SystemDescription, str]:
        text, problem = load.read_text(path, str(path))
        loaded = load.load(text, str(path), SystemDescription) if text is not None else None
        if loaded is None or loaded.model is None:
            found = loaded.diagnostics if loaded is not None else (problem,) if problem else ()
            problems = "\n".join(f"  {one_line(str(d.location))}: {one_line(d.message)}" for d in found[:10])
            self.marking = pipeline.marking_of(loaded, text) if loaded is not None and text is not None else ""
            raise _Abort(f"{one_line(str(path))} is not a valid system file:\n{problems}", Exit.FINDINGS)
        self.marking = loaded.model.classification
        return loaded.model, _header_comments(text or "")

    def _checklists(self, refs: tuple[str, ...], base: Path | None) -> list[LoadedChecklist]:
        found: list[LoadedChecklist] = []
        for ref in refs:
            resolved = self.catalog.resolve(ref, base)
            if not isinstance(resolved, LoadedChecklist):
                detail = echo.elsewhere(resolved)  # another file's problems: by code and position only
                raise _Abort(
                    f"checklist {echo.path(ref)} cannot be used"
                    + (f": {detail}" if detail else f" (built in: {', '.join(builtin_names())})")
                )
            if all(c.checklist.id != resolved.checklist.id for c in found):
                found.append(resolved)
        return found

    def _new_system(self, refs: tuple[str, ...]) -> SystemDescription:
        term, tr = self.term, self.tr
        term.say(tr("new_intro"), "bold")
        name = self._ask_required(tr("ask_name"))
        version = term.ask(tr("ask_version") + ":").strip()
        classification = self._ask_required(tr("ask_classification"))
        uses: list[tuple[str, str]] = []
        while True:
            title = term.ask(tr("ask_use", n=len(uses) + 1) + ":").strip()
            if not title:
                if uses:
                    break
                term.say(tr("need_use"), "yellow")
                continue
            uid = document.slug(title)
            while uid in {u for u, _ in uses}:
                uid += "-2"
            uses.append((uid, title))
        return document.new_system(name, classification, list(refs or ("mhc", "art36-core")), uses, version)

    def _check_evidence_place(self, system: SystemDescription, base: Path) -> None:
        """Refuse, before any question, a save place from which `score` could not read the cited evidence."""
        from art36.evidence import EvidenceFiles, Problem

        files = EvidenceFiles(base=str(base))
        blocks = [system.answers, *(u.answers for u in system.uses), *(u.context for u in system.uses)]
        outside = sorted(
            {
                e.path
                for block in blocks
                for answer in block.values()
                for e in answer.evidence
                if e.path and isinstance(p := files.check(e.path), Problem) and p.kind == "outside"
            }
        )
        if outside:
            raise _Abort(
                f"{len(outside)} evidence file(s) would lie outside the folder of {folded(str(base))}, "
                f"where `art36 score` does not read evidence (first: {echo.path(outside[0])}); save the review beside "
                "the input (leave out -o), or keep the evidence inside the output's folder"
            )

    def _ask_required(self, prompt: str) -> str:
        while True:
            value = self.term.ask(prompt + ":").strip()
            if value:
                return value
            self.term.say(self.tr("required"), "yellow")

    def _output(self, system: SystemDescription | None) -> Path:
        s = self.settings
        if s.in_place and s.system is not None:
            return s.system
        if s.output is not None:
            return s.output
        if s.system is not None:
            stem = s.system.name.removesuffix(s.system.suffix)
            return s.system.parent / f"{stem}.reviewed.yaml"
        assert system is not None
        return Path(f"{document.slug(system.name)}.yaml")

    def _guard_outputs(self, paths: Paths, system: SystemDescription | None) -> None:
        """Never overwrite without --force, never write onto an input (but the system file when updating it in
        place), and never onto anything but a regular file or a new path: checked before anything is written."""
        s = self.settings
        inputs = [str(ref) for ref in s.checklists]
        if s.system is not None and system is not None:  # named in the file: relative to its folder
            inputs += [str(s.system.parent / ref) for ref in system.checklists]
            inputs += [str(s.system.parent / e.path) for e in _cited(system)]
        for target in paths.outputs():
            if s.system is not None and target.exists() and target.resolve() == s.system.resolve():
                if target == paths.system and s.in_place:
                    continue
                raise _Abort(f"refusing to write over the input file {target} (use --in-place to update it)")
        for target in (paths.system, paths.review, paths.log, paths.session):
            own = [str(s.system)] if s.system is not None and not (target == paths.system and s.in_place) else []
            try:
                fileio.check_target(target, [*own, *inputs])
            except fileio.OutputError as exc:
                raise _Abort(str(exc)) from None
        fileio.protect(None)
        for target in paths.outputs():
            if target == paths.system and s.in_place:
                continue
            if target.is_dir():
                raise _Abort(f"{target} is a directory")
            if target.exists() and not s.force:
                raise _Abort(f"{target} already exists; use --force to overwrite it, or -o to write elsewhere")

    # --- the review --------------------------------------------------------------------------------------------

    def run(self) -> int:
        try:
            return self._run()
        except Stopped as stop:
            if self.term.failed:  # stdout is full or closed: an I/O error (exit 2); the answers given are saved
                sys.stderr.write(f"art36: error: cannot write to stdout: {self.term.failed}\n")
                return Exit.USAGE
            self.term.say("")
            if stop.reason == "eof":
                self.term.say(self.tr("eof"), "yellow")
            if self.autosave is None:
                self.term.say(self.tr("stopped_early"), "yellow")
            else:
                path = folded(self.autosave.paths.system)
                self.term.say(self.tr("stopped", n=self._answered(self._state), path=path), "yellow")
            return Exit.STOPPED

    def _run(self) -> int:
        s, term, tr = self.settings, self.term, self.tr
        header = ""
        resumed: SessionFile | None = None
        system: SystemDescription | None = None
        if s.system is not None:
            system, header = self._load_system(s.system)
        output = self._output(system) if system is not None or s.output is not None else None
        if output is None:  # a new system without -o: its name gives the file name
            system = self._new_system(s.checklists)
            output = self._output(system)
        paths = Paths.for_output(output)
        saved = read_session(paths.session) if not s.force else None
        if saved is not None and paths.system.exists():
            resumed = self._offer_resume(paths, saved)
            if resumed is None:
                term.say(tr("start_over", path=folded(paths.system)))
                return Exit.STOPPED
            system, header = self._load_system(paths.system)
        else:
            self._guard_outputs(paths, system)
        if system is None:  # -o given for a new system: ask its identity now
            system = self._new_system(s.checklists)
        assert output is not None
        base = Path(os.path.dirname(output) or ".")
        if resumed is None:  # paths in the file are relative to it: keep them naming the same files from `base`
            system = _rebase_paths(system, s.system.parent if s.system is not None else Path("."), base)
            self._check_evidence_place(system, base)
        # --checklist paths are relative to the current folder (as in `score`); the file's own, to the saved file
        refs = s.checklists or system.checklists
        loaded = self._checklists(tuple(refs), None if s.checklists else base)
        reviewer = s.reviewer or (resumed.reviewer if resumed else "") or self._ask_required(tr("reviewer"))
        session = resumed or SessionFile(
            input=str(s.system or ""),
            reviewer=reviewer,
            lang=s.lang,
            checklists=list(refs),
            started=now(),
        )
        session.reviewer = reviewer
        self.autosave = Autosave(paths, session, header or _header(system))
        view.header(term, tr, system, [c.checklist.id for c in loaded])
        term.say(tr("saving_to", path=folded(paths.system)), "dim")
        term.say(tr("keys"), "dim")
        done = recover_done(paths, system) if resumed else frozenset()
        state = engine.start(system, [c.checklist for c in loaded], done)
        with self.signals.saving():
            self.autosave.start(state.system)
        self._state = state
        final = self._loop(state, loaded)
        if final is None:
            term.say(tr("quit"), "yellow")
            return Exit.OK
        return self._finish(paths, reviewer)

    def _offer_resume(self, paths: Paths, saved: SessionFile) -> SessionFile | None:
        system, _ = self._load_system(paths.system)
        done = len(recover_done(paths, system))
        answer = self.term.ask(self.tr("resume", when=folded(saved.started), n=done)).strip().lower()
        return saved if answer in ("", "y", "yes", "j", "ja") else None

    def _answered(self, state: engine.State | None) -> int:
        if state is None:
            return 0
        return sum(1 for s in state.visible_steps() if state.answer(s.key) is not None)

    def _loop(self, state: engine.State, loaded: list[LoadedChecklist]) -> engine.State | None:
        term, tr = self.term, self.tr
        self._state = state
        result = feedback.evaluate(state.system, loaded)
        while True:
            step = state.step()
            if step is None:
                open_steps = state.open_steps()
                if not open_steps:
                    return state
                choice = term.ask(tr("end_open", n=len(open_steps))).strip().lower()
                if choice == "o":
                    state = self._apply(state, engine.Jump(open_steps[0].key)) or state
                elif choice == "l":
                    self._list_open(state)
                elif choice == "b":
                    state = self._apply(state, engine.Back()) or state
                elif choice == "":
                    return state
                self._state = state
                continue
            view.question(term, tr, state, step)
            action = self._read_action(state, step)
            if isinstance(action, str):  # "quit"
                return None
            if action is None:
                continue
            before_section = (step.checklist.id, step.section.id)
            t0 = time.perf_counter()
            applied = engine.apply(state, action)
            if isinstance(applied, engine.Refused):
                term.say(_refused(tr, applied), "red")
                continue
            new_state, change = applied
            if change is not None:
                with self.signals.saving():
                    assert self.autosave is not None
                    self.autosave.save(new_state.system, change)
                term.say("  " + tr("saved", ms=(time.perf_counter() - t0) * 1000), "dim")  # the acknowledgement
            if isinstance(action, engine.Give | engine.Accept | engine.Skip):
                new_result = result
                if change is not None and change.changed:
                    new_result = feedback.evaluate(new_state.system, loaded)
                    for item in feedback.notices(result, new_result, step.criterion.id):
                        view.notice(term, tr, item)
                    appeared, gone = engine.visibility_changes(state, new_state, step.criterion.id)
                    for s in appeared:
                        term.say("  " + tr("appeared", what=view.step_label(tr, s)), "cyan", hang=4)
                    for s in gone:
                        term.say("  " + tr("disappeared", what=view.step_label(tr, s)), "dim", hang=4)
                result = new_result
                nxt = new_state.step()
                if nxt is None or (nxt.checklist.id, nxt.section.id) != before_section:
                    view.so_far(term, tr, result)
            state = new_state
            self._state = state

    def _apply(self, state: engine.State, action: engine.Action) -> engine.State | None:
        applied = engine.apply(state, action)
        if isinstance(applied, engine.Refused):
            self.term.say(_refused(self.tr, applied), "red")
            return None
        return applied[0]

    def _read_action(self, state: engine.State, step: engine.Step) -> engine.Action | str | None:
        """The reviewer's next action; None after a command that only showed something (ask again)."""
        term, tr = self.term, self.tr
        criterion = step.criterion
        prompt = {
            AnswerType.NUMBER: tr("prompt_number", unit=f", {criterion.unit}" if criterion.unit else ""),
            AnswerType.TEXT: tr("prompt_text"),
            AnswerType.MULTI_CHOICE: tr("prompt_multi"),
        }.get(criterion.answer_type, tr("prompt"))
        while True:
            raw = term.ask(prompt + ">")
            text = raw.strip()
            command = text.lower()
            if command == "":
                if state.answer(step.key) is None:
                    term.say(tr("refused", why=tr("nothing_to_accept")), "red")
                    continue
                return engine.Accept()
            if command in ("?", "h", "l"):  # show something, then ask again (the question stays on screen)
                self._command(state, step, command)
                continue
            if command in COMMANDS:
                return self._command(state, step, command)
            value = choices.parse(criterion, text)
            if isinstance(value, engine.Refused):
                term.say(_refused(tr, value), "red")
                continue
            problem = engine.check_value(criterion, value)
            if problem is not None:
                term.say(_refused(tr, problem), "red")
                continue
            old = state.answer(step.key)
            rationale = self._rationale(step, old.rationale if old else "")
            evidence = self._evidence(step, old.evidence if old else ())
            return engine.Give(value, rationale, evidence)

    def _command(self, state: engine.State, step: engine.Step, command: str) -> engine.Action | str | None:
        term, tr = self.term, self.tr
        if command == "?":
            view.guidance(term, tr, step)
            return None
        if command == "h":
            term.say(tr("keys"), "dim")
            return None
        if command == "b":
            return engine.Back()
        if command == "s":
            return engine.Skip()
        if command == "q":
            return "quit"
        if command == "l":
            self._list_open(state)
            return None
        sections = state.plan.sections
        for i, (checklist_id, section) in enumerate(sections, 1):
            term.say(
                f"{i:>2}) {folded(checklist_id)}:{folded(section.id)} — {folded(tr.text(section.title))}", indent=1
            )
        target = term.ask(tr("jump_to")).strip()
        if target.isdigit() and 1 <= int(target) <= len(sections):
            checklist_id, section = sections[int(target) - 1]
            target = f"{checklist_id}:{section.id}"
        return engine.Jump(target) if target else None

    def _list_open(self, state: engine.State) -> None:
        open_steps = state.open_steps()
        if not open_steps:
            self.term.say(self.tr("open_none"))
            return
        self.term.say(self.tr("open_list", n=len(open_steps)), "bold")
        for s in open_steps[:20]:
            self.term.say("- " + view.step_label(self.tr, s), indent=2, hang=2)
        if len(open_steps) > 20:
            self.term.say(self.tr("open_more", n=len(open_steps) - 20), indent=2)

    def _rationale(self, step: engine.Step, current: str) -> str:
        term, tr = self.term, self.tr
        prompt = tr("rationale_keep", text=folded(current)[:60]) if current else tr("rationale")
        text = term.ask(prompt + ">").strip()
        result = text or current
        if not result and step.criterion.rationale_required:
            term.say(tr("rationale_expected"), "yellow")
        return result

    def _evidence(self, step: engine.Step, current: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        if not step.criterion.evidence_required:
            return current
        term, tr = self.term, self.tr
        term.say(tr("evidence_expected") + " " + tr("evidence_has", n=len(current)), "dim")
        assert self.autosave is not None
        base = self.autosave.paths.system.parent
        from art36.evidence import EvidenceFiles

        files = EvidenceFiles(base=str(base))
        items = list(current)
        while True:
            text = term.ask(tr("evidence") + ">").strip()
            if not text:
                return tuple(items)
            if text.lower().startswith("doc:"):
                reference = text[4:].strip()
                if reference:
                    items.append(Evidence(document=reference))
                continue
            checked = files.check(text)
            digest = files.digest(text) if isinstance(checked, str) else None
            if digest is None:  # checked as `score` checks it: inside the folder, a regular file, readable
                why = checked.message if checked is not None and not isinstance(checked, str) else ""
                term.say(tr("evidence_missing", path=folded(text), base=folded(base)) + f" {folded(why)}", "red")
                continue
            term.say("  " + tr("evidence_ok", digest=digest[:16]), "dim")
            items.append(Evidence(path=text))

    # --- the end -----------------------------------------------------------------------------------------------

    def _finish(self, paths: Paths, reviewer: str) -> int:
        """Score the saved file exactly as `art36 score` does, show it, and save the review as JSON."""
        term, tr = self.term, self.tr
        fileio.protect(None)
        job = pipeline.Job(display=str(paths.system), path=str(paths.system), checklists=self.settings.checklists)
        outcome = pipeline.run(job)
        if outcome.result is None:
            for d in outcome.report.diagnostics:
                term.say(f"{d.location}: {d.severity.value}: {folded(d.message)}", "red")
            return Exit.FINDINGS
        review = outcome.result.model_copy(update={"reviewer": reviewer, "created_at": datetime.now(UTC)})
        view.result(term, tr, review)
        fileio.write_atomic([review.model_dump_json(indent=2) + "\n"], paths.review)
        fileio.protect(None)
        assert self.autosave is not None
        self.autosave.finish()
        term.say("")
        term.say(tr("written", what=f"{folded(paths.system)}, {folded(paths.review)}, {folded(paths.log)}"), hang=2)
        if tr.fallbacks and tr("fallback_note", n=len(tr.fallbacks)):
            term.say(tr("fallback_note", n=len(tr.fallbacks)), "dim")
        return Exit.OK


#: Refusals whose detail is a value read from the file (not typed by the reviewer): quoted as art36.echo allows.
_FROM_FILE = frozenset({"prefill_invalid"})


def _refused(tr: Translator, refused: engine.Refused) -> str:
    """Why an action was refused, in the reviewer's language; a value from the file is a bounded excerpt."""
    detail = echo.value(refused.detail) if refused.reason in _FROM_FILE else folded(refused.detail)
    return tr("refused", why=tr(refused.reason, detail=detail))


def _cited(system: SystemDescription) -> list[Evidence]:
    """Every evidence item the system file cites (answers and uses)."""
    blocks = [system.answers, *(u.answers for u in system.uses), *(u.context for u in system.uses)]
    return [e for block in blocks for answer in block.values() for e in answer.evidence if e.path]


def _header_comments(text: str) -> str:
    """The comment lines at the top of the input file, kept at the top of the saved file."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or (lines and not line.strip()):
            lines.append(line)
            continue
        break
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def _header(system: SystemDescription) -> str:
    return f"# System description written by `art36 review`. Classification: {folded(system.classification)}\n"


def _rebase_paths(system: SystemDescription, source: Path, target: Path) -> SystemDescription:
    """Checklist and evidence paths are relative to the system file: keep them naming the same files from the
    folder the reviewed file is saved in."""
    if source.resolve() == target.resolve():
        return system

    def moved(path: str) -> str:
        return path if os.path.isabs(path) else os.path.relpath(source / path, target)

    def answers(block: dict[str, Answer]) -> dict[str, Answer]:
        return {
            cid: answer.model_copy(
                update={
                    "evidence": tuple(
                        e.model_copy(update={"path": moved(e.path)}) if e.path else e for e in answer.evidence
                    )
                }
            )
            for cid, answer in block.items()
        }

    uses = tuple(
        u.model_copy(update={"answers": answers(u.answers), "context": answers(u.context)}) for u in system.uses
    )
    checklists = tuple(moved(ref) if is_checklist_path(ref) else ref for ref in system.checklists)
    return system.model_copy(update={"answers": answers(system.answers), "uses": uses, "checklists": checklists})
