"""The message catalogue (English and Dutch) for prompts and report headings, with visible fallback to English."""

from __future__ import annotations

from dataclasses import dataclass, field

from art36.models.common import LocalizedText

LANGUAGES = ("en", "nl")
DEFAULT = "en"

#: Message key -> {language: text}. Texts use str.format fields. Dutch follows the founding letter's terms
#: (betekenisvolle menselijke controle, doelwit, tijdsduur, geografisch bereik, context, mens-machine-interactie).
MESSAGES: dict[str, dict[str, str]] = {
    # --- header and navigation
    "title": {
        "en": "art36 review: meaningful human control",
        "nl": "art36-toetsing: betekenisvolle menselijke controle",
    },
    "system": {"en": "System", "nl": "Systeem"},
    "version": {"en": "Version", "nl": "Versie"},
    "classification": {"en": "Classification", "nl": "Rubricering"},
    "uses": {"en": "Intended uses", "nl": "Beoogd gebruik"},
    "checklists": {"en": "Checklists", "nl": "Checklists"},
    "saving_to": {
        "en": "Answers are saved to {path} after every answer.",
        "nl": "Antwoorden worden na elk antwoord opgeslagen in {path}.",
    },
    "keys": {
        "en": "Number: choose · Enter: keep · ? guidance · b back · s skip · j jump · l open · q save and quit",
        "nl": "Nummer: kies · Enter: behouden · ? toelichting · b terug · s overslaan · j spring · l open · q opslaan en stoppen",
    },
    "section": {"en": "section {k} of {n}", "nl": "onderdeel {k} van {n}"},
    "question_k_of_n": {"en": "question {k} of {n}", "nl": "vraag {k} van {n}"},
    "for_use": {"en": "for intended use: {use}", "nl": "voor beoogd gebruik: {use}"},
    "option_unknown": {"en": "unknown (cannot be assessed)", "nl": "onbekend (niet te beoordelen)"},
    "option_na": {"en": "not applicable", "nl": "niet van toepassing"},
    "risk": {"en": "risk", "nl": "risico"},
    "references": {"en": "References", "nl": "Bronnen"},
    "legal_status": {"en": "legal status", "nl": "juridische status"},
    "current": {"en": "Current answer: {value} (Enter keeps it)", "nl": "Huidig antwoord: {value} (Enter behoudt het)"},
    "no_answer": {"en": "No answer yet.", "nl": "Nog geen antwoord."},
    "prompt": {"en": "Answer", "nl": "Antwoord"},
    "prompt_number": {"en": "Answer (a number{unit})", "nl": "Antwoord (een getal{unit})"},
    "prompt_text": {"en": "Answer (text)", "nl": "Antwoord (tekst)"},
    "prompt_multi": {"en": "Answer (one or more numbers, e.g. 1,3)", "nl": "Antwoord (een of meer nummers, bv. 1,3)"},
    "ranges": {"en": "Bands", "nl": "Klassen"},
    "up_to": {"en": "up to {max}", "nl": "tot en met {max}"},
    "above": {"en": "above", "nl": "daarboven"},
    "guidance": {"en": "Guidance", "nl": "Toelichting"},
    "no_guidance": {"en": "This question has no guidance text.", "nl": "Bij deze vraag staat geen toelichting."},
    "applies_when": {
        "en": "Asked because its condition holds or is not yet known.",
        "nl": "Gevraagd omdat de voorwaarde geldt of nog onbekend is.",
    },
    "rationale": {"en": "Rationale", "nl": "Motivering"},
    "rationale_keep": {"en": "Rationale (Enter keeps: {text})", "nl": "Motivering (Enter behoudt: {text})"},
    "rationale_expected": {
        "en": "This criterion expects a rationale; without one the review records it as missing.",
        "nl": "Dit criterium vraagt om een motivering; zonder motivering wordt die als ontbrekend vastgelegd.",
    },
    "evidence": {
        "en": "Evidence: a file path, or doc: followed by a document reference (Enter: done)",
        "nl": "Bewijs: een bestandspad, of doc: gevolgd door een documentverwijzing (Enter: klaar)",
    },
    "evidence_has": {"en": "Evidence recorded: {n} item(s).", "nl": "Vastgelegd bewijs: {n} stuk(ken)."},
    "evidence_expected": {"en": "This criterion expects evidence.", "nl": "Dit criterium vraagt om bewijs."},
    "evidence_ok": {"en": "file found, sha256 {digest}", "nl": "bestand gevonden, sha256 {digest}"},
    "evidence_missing": {
        "en": "Not accepted as evidence: {path} (paths are relative to {base}).",
        "nl": "Niet aanvaard als bewijs: {path} (paden zijn relatief aan {base}).",
    },
    "saved": {"en": "saved ({ms:.0f} ms)", "nl": "opgeslagen ({ms:.0f} ms)"},
    # --- refusals
    "refused": {"en": "Not accepted: {why}", "nl": "Niet aanvaard: {why}"},
    "not_an_option": {
        "en": "'{detail}' is not one of the options; choose a number from the list.",
        "nl": "'{detail}' is geen van de opties; kies een nummer uit de lijst.",
    },
    "na_not_allowed": {
        "en": "this criterion does not allow 'not applicable'.",
        "nl": "bij dit criterium is 'niet van toepassing' niet toegestaan.",
    },
    "text_empty": {"en": "give some text, or u for unknown.", "nl": "geef tekst, of u voor onbekend."},
    "one_value": {"en": "choose one option only.", "nl": "kies maar één optie."},
    "repeated_choice": {"en": "an option is chosen twice.", "nl": "een optie is twee keer gekozen."},
    "nothing_to_accept": {
        "en": "there is no answer to keep yet; choose a number, or s to skip.",
        "nl": "er is nog geen antwoord om te behouden; kies een nummer, of s om over te slaan.",
    },
    "prefill_invalid": {
        "en": "the answer in the file ({detail}) is not valid here; choose again.",
        "nl": "het antwoord in het bestand ({detail}) is hier niet geldig; kies opnieuw.",
    },
    "nothing_back": {"en": "there is no earlier question.", "nl": "er is geen eerdere vraag."},
    "at_end": {"en": "there is no question here.", "nl": "hier staat geen vraag."},
    "no_such_section": {"en": "no section '{detail}'.", "nl": "geen onderdeel '{detail}'."},
    "section_empty": {
        "en": "no questions are asked in section '{detail}' now.",
        "nl": "in onderdeel '{detail}' worden nu geen vragen gesteld.",
    },
    "no_such_step": {"en": "no open question {detail}.", "nl": "geen open vraag {detail}."},
    "not_a_number": {"en": "'{detail}' is not a number.", "nl": "'{detail}' is geen getal."},
    "unknown_command": {
        "en": "'{detail}' is not an answer here; ? shows guidance, h the keys.",
        "nl": "'{detail}' is hier geen antwoord; ? toont toelichting, h de toetsen.",
    },
    # --- jump / open list
    "jump_to": {"en": "Jump to which section (number or id)?", "nl": "Naar welk onderdeel springen (nummer of id)?"},
    "open_list": {"en": "Open questions ({n}):", "nl": "Open vragen ({n}):"},
    "open_none": {"en": "No open questions.", "nl": "Geen open vragen."},
    "open_more": {"en": "... and {n} more", "nl": "... en nog {n}"},
    "end_open": {
        "en": "End of the questions; {n} still open. Enter: finish · o: go to the first open one · l: list",
        "nl": "Einde van de vragen; er staan er nog {n} open. Enter: afronden · o: naar de eerste open vraag · l: lijst",
    },
    # --- feedback
    "appeared": {"en": "New question now applies: {what}", "nl": "Nieuwe vraag is nu van toepassing: {what}"},
    "disappeared": {
        "en": "Question no longer applies (answer kept, not scored): {what}",
        "nl": "Vraag is niet meer van toepassing (antwoord bewaard, telt niet mee): {what}",
    },
    "limit": {
        "en": "[{use}] {criterion}: risk {risk} is above the {max} allowed by {profile}",
        "nl": "[{use}] {criterion}: risico {risk} ligt boven de grens {max} van {profile}",
    },
    "limit_default": {"en": "the criterion's default limit", "nl": "de standaardgrens van het criterium"},
    "limit_profile": {"en": "context profile '{profile}'", "nl": "contextprofiel '{profile}'"},
    "red_line": {
        "en": "[{use}] RED LINE {id} ({basis}) -> {verdict}: {message}",
        "nl": "[{use}] RODE LIJN {id} ({basis}) -> {verdict}: {message}",
    },
    "red_line_cleared": {
        "en": "[{use}] red line {id} no longer applies",
        "nl": "[{use}] rode lijn {id} is niet meer van toepassing",
    },
    "profile_on": {
        "en": "[{use}] context profile now applies: {id}",
        "nl": "[{use}] contextprofiel is nu van toepassing: {id}",
    },
    "profile_off": {
        "en": "[{use}] context profile no longer applies: {id}",
        "nl": "[{use}] contextprofiel is niet meer van toepassing: {id}",
    },
    "so_far": {"en": "Verdict so far", "nl": "Oordeel tot nu toe"},
    # --- start, resume, stop
    "resume": {
        "en": "An unfinished review of this system was saved {when} ({n} questions done). Resume at the first open question? [Y/n]",
        "nl": "Een onafgeronde toetsing van dit systeem is opgeslagen op {when} ({n} vragen gedaan). Verdergaan bij de eerste open vraag? [J/n]",
    },
    "start_over": {
        "en": "Not resumed. To start over, run again with --force (the saved answers stay in {path}).",
        "nl": "Niet hervat. Om opnieuw te beginnen: opnieuw starten met --force (de opgeslagen antwoorden blijven in {path}).",
    },
    "reviewer": {"en": "Your name (recorded in the answer log)", "nl": "Uw naam (vastgelegd in het antwoordlogboek)"},
    "new_intro": {
        "en": "No system file given: a new one is started. First its identity.",
        "nl": "Geen systeembestand opgegeven: er wordt een nieuw begonnen. Eerst de identiteit.",
    },
    "ask_name": {"en": "Name of the system", "nl": "Naam van het systeem"},
    "ask_version": {"en": "Version (Enter: none)", "nl": "Versie (Enter: geen)"},
    "ask_classification": {
        "en": "Classification marking (e.g. UNCLASSIFIED)",
        "nl": "Rubricering (bv. ONGERUBRICEERD)",
    },
    "ask_use": {
        "en": "Intended use {n}: a short title (Enter: no more uses)",
        "nl": "Beoogd gebruik {n}: een korte titel (Enter: geen verdere)",
    },
    "need_use": {"en": "At least one intended use is needed.", "nl": "Er is minstens één beoogd gebruik nodig."},
    "required": {"en": "This is required.", "nl": "Dit is verplicht."},
    "stopped": {
        "en": "Stopped. {n} answer(s) are saved in {path}; run the same command to resume.",
        "nl": "Gestopt. {n} antwoord(en) staan in {path}; start dezelfde opdracht opnieuw om verder te gaan.",
    },
    "stopped_early": {
        "en": "Stopped before the first answer; nothing was written.",
        "nl": "Gestopt voor het eerste antwoord; er is niets geschreven.",
    },
    "use_override": {
        "en": "Intended use {use} has its own answer, which counts for that use: {value}",
        "nl": "Beoogd gebruik {use} heeft een eigen antwoord, dat voor dat gebruik telt: {value}",
    },
    "eof": {
        "en": "End of input: no more answers can be read.",
        "nl": "Einde van de invoer: er kunnen geen antwoorden meer worden gelezen.",
    },
    "quit": {
        "en": "Saved. Run the same command to resume.",
        "nl": "Opgeslagen. Start dezelfde opdracht opnieuw om verder te gaan.",
    },
    # --- the result
    "result": {"en": "Review result", "nl": "Uitkomst van de toetsing"},
    "overall": {"en": "Overall verdict", "nl": "Eindoordeel"},
    "per_use": {"en": "Verdict per intended use", "nl": "Oordeel per beoogd gebruik"},
    "score": {"en": "score", "nl": "score"},
    "profiles": {"en": "Context profiles", "nl": "Contextprofielen"},
    "basis": {"en": "Basis", "nl": "Grondslag"},
    "red_lines": {"en": "Red lines", "nl": "Rode lijnen"},
    "conditions": {"en": "Conditions", "nl": "Voorwaarden"},
    "incomplete_why": {"en": "What keeps it incomplete", "nl": "Waarom onvolledig"},
    "written": {"en": "Written: {what}", "nl": "Geschreven: {what}"},
    "fallback_note": {
        "en": "",
        "nl": "{n} tekst(en) zijn nog niet vertaald en staan in het Engels, gemarkeerd met [en].",
    },
    # --- report headings (art36 report)
    "report.title": {"en": "Article 36 weapon review", "nl": "Artikel 36-toetsing van wapens"},
    "report.cover": {"en": "Summary", "nl": "Samenvatting"},
    "report.system": {"en": "System", "nl": "Systeem"},
    "report.system_version": {"en": "System version", "nl": "Systeemversie"},
    "report.classification": {"en": "Classification", "nl": "Rubricering"},
    "report.reviewer": {"en": "Reviewer", "nl": "Beoordelaar"},
    "report.date": {"en": "Date of review", "nl": "Datum van beoordeling"},
    "report.generated": {"en": "Report generated", "nl": "Rapport opgesteld"},
    "report.tool": {"en": "Tool", "nl": "Programma"},
    "report.checklists": {"en": "Checklists", "nl": "Checklists"},
    "report.file": {"en": "System file", "nl": "Systeembestand"},
    "report.overall": {"en": "Overall verdict", "nl": "Eindoordeel"},
    "report.verdicts": {"en": "Verdict per intended use", "nl": "Oordeel per beoogd gebruik"},
    "report.use": {"en": "Intended use", "nl": "Beoogd gebruik"},
    "report.verdict": {"en": "Verdict", "nl": "Oordeel"},
    "report.score": {"en": "Score", "nl": "Score"},
    "report.basis": {"en": "Basis", "nl": "Grondslag"},
    "report.deciding_use": {"en": "Deciding use", "nl": "Beslissend gebruik"},
    "report.profiles": {"en": "Context profiles applied", "nl": "Toegepaste contextprofielen"},
    "report.chart": {
        "en": "Section scores against what this context requires",
        "nl": "Scores per onderdeel tegenover wat deze context vereist",
    },
    "report.red_lines": {"en": "Red lines hit", "nl": "Geraakte rode lijnen"},
    "report.refusals": {"en": "Refusals", "nl": "Weigeringsgronden"},
    "report.conditions": {"en": "Conditions", "nl": "Voorwaarden"},
    "report.incomplete": {"en": "What keeps it incomplete", "nl": "Wat het onvolledig houdt"},
    "report.reasons": {"en": "Reasons for the verdict", "nl": "Redenen voor het oordeel"},
    "report.none": {"en": "None.", "nl": "Geen."},
    "report.sections": {"en": "Sections", "nl": "Onderdelen"},
    "report.criteria": {"en": "Criteria", "nl": "Criteria"},
    "report.question": {"en": "Question", "nl": "Vraag"},
    "report.answer": {"en": "Answer", "nl": "Antwoord"},
    "report.rationale": {"en": "Rationale", "nl": "Motivering"},
    "report.evidence": {"en": "Evidence", "nl": "Bewijs"},
    "report.allowed": {"en": "Allowed in this context", "nl": "Toegestaan in deze context"},
    "report.set_by": {"en": "set by", "nl": "bepaald door"},
    "report.risk": {"en": "Risk of the answer", "nl": "Risico van het antwoord"},
    "report.status": {"en": "Status", "nl": "Status"},
    "report.points": {"en": "Points", "nl": "Punten"},
    "report.weight": {"en": "Weight", "nl": "Gewicht"},
    "report.required": {"en": "Required", "nl": "Verplicht"},
    "report.sources": {"en": "Sources", "nl": "Bronnen"},
    "report.legal_source": {"en": "Legal source", "nl": "Rechtsbron"},
    "report.derivation": {"en": "How each number was derived", "nl": "Hoe elk getal is berekend"},
    "report.traceability": {"en": "Traceability", "nl": "Herleidbaarheid"},
    "report.answer_log": {"en": "Answer log", "nl": "Antwoordlogboek"},
    "report.log_file": {"en": "Log file", "nl": "Logbestand"},
    "report.signatures": {"en": "Signatures", "nl": "Handtekeningen"},
    "report.sign_reviewer": {"en": "Reviewer", "nl": "Beoordelaar"},
    "report.sign_authority": {"en": "Approving authority", "nl": "Goedkeurende autoriteit"},
    "report.name": {"en": "Name", "nl": "Naam"},
    "report.signature": {"en": "Signature", "nl": "Handtekening"},
    "report.page": {"en": "Page", "nl": "Pagina"},
    "report.not_recorded": {"en": "not recorded", "nl": "niet vastgelegd"},
    "report.legend_required": {"en": "required by this context", "nl": "vereist in deze context"},
    "report.legend_conditional": {"en": "conditional criteria", "nl": "criteria met voorwaarden"},
    "report.legend_refused": {"en": "refused criteria", "nl": "geweigerde criteria"},
    "report.notes": {"en": "Notes", "nl": "Opmerkingen"},
    "report.deciding": {"en": "Decided by", "nl": "Bepaald door"},
    "report.meets_with": {"en": "Would meet the limit", "nl": "Zou aan de grens voldoen"},
    "report.measures": {"en": "Declared measures", "nl": "Opgegeven maatregelen"},
    "report.addressed": {"en": "addressed", "nl": "geadresseerd"},
    "report.no_answer": {"en": "(no answer)", "nl": "(geen antwoord)"},
    "report.yes": {"en": "yes", "nl": "ja"},
    "report.no": {"en": "no", "nl": "nee"},
    "report.basis_clear": {
        "en": "No red line is hit, every required answer is given and every criterion is within what this context "
        "allows; score {score}.",
        "nl": "Er is geen rode lijn geraakt, elk verplicht antwoord is gegeven en elk criterium blijft binnen wat deze "
        "context toestaat; score {score}.",
    },
    "report.basis_more_1": {"en": "{first} (and {n} further reason).", "nl": "{first} (en nog {n} reden)."},
    "report.basis_more_n": {"en": "{first} (and {n} further reasons).", "nl": "{first} (en nog {n} redenen)."},
    "report.basis_plain": {"en": "Verdict {verdict}, score {score}.", "nl": "Oordeel {verdict}, score {score}."},
    "report.basis_overall": {
        "en": "The overall verdict is that of the most severe intended use, '{use}': {basis}",
        "nl": "Het eindoordeel is dat van het zwaarst beoordeelde beoogde gebruik, '{use}': {basis}",
    },
    "report.file_not_found": {"en": "(file not found)", "nl": "(bestand niet gevonden)"},
    "report.margin": {"en": "margin", "nl": "marge"},
    "report.levels_above": {"en": "levels above", "nl": "niveaus boven de grens"},
    "report.risk_short": {"en": "risk", "nl": "risico"},
    "report.limit": {"en": "limit", "nl": "grens"},
    "report.band": {"en": "band", "nl": "klasse"},
    "report.checklist": {"en": "checklist", "nl": "checklist"},
    "report.chart_of": {"en": "Chart: {use}", "nl": "Grafiek: {use}"},
    "report.schema": {"en": "schema", "nl": "schema"},
    "report.log_entries": {"en": "entries", "nl": "regels"},
    "report.log_from": {"en": "from", "nl": "van"},
    "report.log_to": {"en": "to", "nl": "tot"},
    "report.log_revised": {"en": "revised", "nl": "herzien"},
    "report.log_actions": {"en": "actions", "nl": "handelingen"},
    "report.log_unreadable": {"en": "unreadable lines", "nl": "onleesbare regels"},
    "report.log_summary": {
        "en": "{path} (sha256 {sha256}): {entries} entries by {reviewers}, from {first} to {last}, {criteria} "
        "criteria, {revised} revised, {unreadable} unreadable lines",
        "nl": "{path} (sha256 {sha256}): {entries} regels door {reviewers}, van {first} tot {last}, {criteria} "
        "criteria, {revised} herzien, {unreadable} onleesbare regels",
    },
    "report.model_band": {"en": "from {min} to {max} '{id}' ({label})", "nl": "van {min} tot {max} '{id}' ({label})"},
    "report.model_words": {
        "en": "Checklist '{id}' {version} ({title}) uses the index model '{model}'. Each answer carries a risk level, "
        "and each level is worth a fixed number of points out of 100 ({points}), whatever the context of use, so the "
        "index compares across systems. An answer that is missing or 'unknown' earns {unknown} points. A question "
        "that does not arise for this system counts as no risk; an answer of 'not applicable', where allowed, is "
        "left out. A section's index is the average of its criteria's points, each counted as often as its weight; "
        "the checklist's index is the average of its section indices, each counted as often as the section's "
        "weight; a use's score is the lowest of its checklists' indices, never their average. Bands only name the "
        "index: {bands}. The index never decides a verdict. The verdict follows the judgement rules: a red line "
        "decides whatever else; a criterion {levels} or more risk levels above the limit its context allows, or "
        "above it at {refuse_at}, refuses the use; a missing required answer makes the review incomplete unless a "
        "refusal holds anyway; a criterion one level above its limit is a condition of approval.",
        "nl": "Checklist '{id}' {version} ({title}) gebruikt het indexmodel '{model}'. Elk antwoord heeft een "
        "risiconiveau, en elk niveau is een vast aantal punten van de 100 waard ({points}), ongeacht de context van "
        "gebruik, zodat de index tussen systemen vergelijkbaar is. Een ontbrekend of 'onbekend' antwoord levert "
        "{unknown} punten op. Een vraag die voor dit systeem niet aan de orde is, telt als geen risico; een antwoord "
        "'niet van toepassing', waar toegestaan, blijft buiten beschouwing. De index van een onderdeel is het "
        "gemiddelde van de punten van zijn criteria, elk zo vaak meegeteld als zijn gewicht; de index van de "
        "checklist is het gemiddelde van de indexen van zijn onderdelen, elk zo vaak meegeteld als het gewicht van "
        "het onderdeel; de score van een gebruik is de laagste van de indexen van zijn checklists, nooit hun "
        "gemiddelde. Klassen geven de index alleen een naam: {bands}. De index beslist nooit over een oordeel. Het "
        "oordeel volgt de beoordelingsregels: een rode lijn beslist, wat er verder ook is; een criterium dat {levels} "
        "of meer risiconiveaus boven de grens ligt die zijn context toestaat, of erboven bij {refuse_at}, leidt tot "
        "weigering van het gebruik; een ontbrekend verplicht antwoord maakt de toetsing onvolledig, tenzij er toch "
        "een weigeringsgrond geldt; een criterium dat één niveau boven zijn grens ligt, is een voorwaarde voor "
        "toelating.",
    },
    "report.note_missing": {
        "en": "checklist {id} {version} was not found: question texts and sources are left out",
        "nl": "checklist {id} {version} is niet gevonden: vraagteksten en bronnen zijn weggelaten",
    },
    "report.note_changed": {
        "en": "checklist {id} on disk (sha256 {sha256}) differs from the one recorded: question texts and sources "
        "are left out; run `art36 verify` to see what changed",
        "nl": "checklist {id} op schijf (sha256 {sha256}) verschilt van de vastgelegde: vraagteksten en bronnen zijn "
        "weggelaten; `art36 verify` laat zien wat er veranderd is",
    },
    "report.report_k_of_n": {"en": "Report {k} of {n}", "nl": "Rapport {k} van {n}"},
    # --- a criterion's status and margin, a refusal's kind (en: the record's own value, so English reports
    # show exactly what the JSON holds)
    "state.meets": {"en": "meets", "nl": "voldoet"},
    "state.below": {"en": "below", "nl": "onder de maat"},
    "state.missing": {"en": "missing", "nl": "ontbreekt"},
    "state.unknown": {"en": "unknown", "nl": "onbekend"},
    "state.not_applicable": {"en": "not_applicable", "nl": "niet van toepassing"},
    "state.not_shown": {"en": "not_shown", "nl": "niet gesteld"},
    "state.information": {"en": "information", "nl": "informatie"},
    "state.one_level_short": {"en": "one_level_short", "nl": "één niveau te hoog"},
    "state.refused": {"en": "refused", "nl": "geweigerd"},
    "state.binding_law": {"en": "binding_law", "nl": "bindend recht"},
    "state.national_policy": {"en": "national_policy", "nl": "nationaal beleid"},
    "kind.criterion": {"en": "criterion", "nl": "criterium"},
    "kind.red_line": {"en": "red_line", "nl": "rode lijn"},
    # --- `art36 show`
    "show.per_use": {"en": "(context: per intended use)", "nl": "(context: per beoogd gebruik)"},
    "show.per_use_md": {
        "en": "context criterion: answered per intended use",
        "nl": "contextcriterium: per beoogd gebruik beantwoord",
    },
    "show.asked_when": {"en": "asked when: {condition}", "nl": "gevraagd als: {condition}"},
    "show.number": {"en": "a number:", "nl": "een getal:"},
    "show.number_in": {"en": "a number in {unit}:", "nl": "een getal in {unit}:"},
    "show.up_to": {"en": "(up to {max})", "nl": "(tot en met {max})"},
    "show.also": {"en": "also: {values}", "nl": "ook: {values}"},
    "show.text_answer": {"en": "; text answer", "nl": "; antwoord in tekst"},
    "show.default_limit": {"en": "default limit: {level}", "nl": "standaardgrens: {level}"},
    "show.limit_in": {"en": "limit in {profile}: {level}", "nl": "grens in {profile}: {level}"},
    "show.when": {"en": "when: {condition}", "nl": "wanneer: {condition}"},
    "show.limits": {"en": "limits: {limits}", "nl": "grenzen: {limits}"},
    "show.value": {"en": "value", "nl": "waarde"},
    "show.label": {"en": "label", "nl": "omschrijving"},
    # --- conditions in words (`show`, `init`)
    "cond.all": {"en": "all of ({items})", "nl": "alle van ({items})"},
    "cond.any": {"en": "any of ({items})", "nl": "een van ({items})"},
    "cond.not": {"en": "not ({item})", "nl": "niet ({item})"},
    "cond.risk_at_least": {
        "en": "{criterion} has risk {level} or higher",
        "nl": "{criterion} heeft risico {level} of hoger",
    },
    "cond.is": {"en": "{criterion} is {value}", "nl": "{criterion} is {value}"},
    "cond.one_of": {"en": "{criterion} is one of {values}", "nl": "{criterion} is een van {values}"},
    # --- verdicts, risk levels, legal status
    "verdict.out_of_scope": {"en": "out of scope", "nl": "buiten het toepassingsbereik"},
    "verdict.approvable": {"en": "approvable", "nl": "toelaatbaar"},
    "verdict.approvable_with_conditions": {"en": "approvable with conditions", "nl": "toelaatbaar onder voorwaarden"},
    "verdict.incomplete": {"en": "incomplete", "nl": "onvolledig"},
    "verdict.not_approvable": {"en": "not approvable", "nl": "niet toelaatbaar"},
    "verdict.prohibited": {"en": "prohibited", "nl": "verboden"},
    "risk.none": {"en": "none", "nl": "geen"},
    "risk.low": {"en": "low", "nl": "laag"},
    "risk.medium": {"en": "medium", "nl": "gemiddeld"},
    "risk.high": {"en": "high", "nl": "hoog"},
    "risk.critical": {"en": "critical", "nl": "kritiek"},
    "status.binding_treaty": {"en": "binding treaty", "nl": "bindend verdrag"},
    "status.customary": {"en": "customary law", "nl": "gewoonterecht"},
    "status.national_policy": {"en": "national policy", "nl": "nationaal beleid"},
    "status.recommendation": {"en": "recommendation", "nl": "aanbeveling"},
    "basis.binding_law": {"en": "binding law", "nl": "bindend recht"},
    "basis.national_policy": {"en": "national policy", "nl": "nationaal beleid"},
    # --- the founding letter's terms (family headings)
    "term.mhc": {"en": "meaningful human control", "nl": "betekenisvolle menselijke controle"},
    "term.target": {"en": "target", "nl": "doelwit"},
    "term.duration": {"en": "duration", "nl": "tijdsduur"},
    "term.geography": {"en": "geographic scope", "nl": "geografisch bereik"},
    "term.context": {"en": "context", "nl": "context"},
    "term.hmi": {"en": "human-machine interaction", "nl": "mens-machine-interactie"},
}

FALLBACK_MARK = "[en] "


@dataclass
class Translator:
    """Messages and checklist texts in one language; what is missing shows in English, marked ``[en]``."""

    lang: str = DEFAULT
    #: Texts that had to fall back to English (counted once each), for a notice to the reader.
    fallbacks: set[str] = field(default_factory=set)

    def __call__(self, key: str, **fields: object) -> str:
        entry = MESSAGES.get(key)
        if entry is None:
            return key
        text = entry.get(self.lang)
        if text is None:
            text = entry.get(DEFAULT, key)
            if self.lang != DEFAULT and text:
                self.fallbacks.add(key)
                text = FALLBACK_MARK + text
        return text.format(**fields) if fields else text

    def text(self, value: LocalizedText | None) -> str:
        """A checklist text in this language, or in English marked ``[en]`` (then any language) if untranslated."""
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            if self.lang != DEFAULT:
                self.fallbacks.add(value)
                return FALLBACK_MARK + value
            return value
        if value.get(self.lang):
            return value[self.lang]
        fallback = value.get(DEFAULT) or next(iter(value.values()), "")
        if self.lang != DEFAULT and fallback:
            self.fallbacks.add(fallback)
            return FALLBACK_MARK + fallback
        return fallback


def missing(lang: str) -> list[str]:
    """Message keys without a text in ``lang`` (a test keeps this empty for every supported language)."""
    return [key for key, entry in MESSAGES.items() if lang not in entry]


def t(key: str, lang: str = DEFAULT) -> str:
    """The message ``key`` in ``lang`` (English when that language lacks it; the key itself when unknown)."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry.get(DEFAULT) or key
