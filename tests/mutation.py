"""The full mutation check: for each registered rule, run the test suite with that rule's check switched off.

    .venv/bin/python tests/mutation.py [--without-cases] [CODE ...]

A rule passes ("caught") when the suite fails without it. ``--without-cases`` leaves out the rule case files
(test_rule_case, test_rules_mutation.py), to see which rules other tests also pin down. Prints one line per rule
and a summary; exits 1 if any rule was not caught. The fast version runs in the suite: test_rules_mutation.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from art36 import rules  # noqa: E402
from rule_cases import MUTATE_ENV  # noqa: E402

CASE_TESTS = ("--deselect", "tests/test_rules.py::test_rule_case", "--ignore", "tests/test_rules_mutation.py")


def first_failure(output: str) -> str:
    for line in output.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line.split(" ", 1)[1].split(" - ")[0]
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codes", nargs="*", help="Only these rules (default: every registered rule).")
    parser.add_argument("--without-cases", action="store_true", help="Leave out the rule case files.")
    parser.add_argument("--deselect", action="append", default=[], help="Leave out this test (failing already).")
    args = parser.parse_args()
    codes = args.codes or [r.code for r in rules.all_rules()]
    extra = (*(CASE_TESTS if args.without_cases else ()), *(f"--deselect={test}" for test in args.deselect))
    missed: list[str] = []
    start = time.perf_counter()
    for code in codes:
        t0 = time.perf_counter()
        env = {**os.environ, MUTATE_ENV: code}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-W", "ignore", *extra],
            cwd=HERE.parent,
            env=env,
            capture_output=True,
            text=True,
        )
        caught = done.returncode != 0
        if not caught:
            missed.append(code)
        what = first_failure(done.stdout) if caught else "NOT CAUGHT: the suite passes without this rule"
        print(f"{code}  {'caught' if caught else 'MISSED'}  {time.perf_counter() - t0:6.1f} s  {what}", flush=True)
    total = time.perf_counter() - start
    print(
        f"{len(codes) - len(missed)} of {len(codes)} rules caught in {total:.0f} s"
        + (f"; missed: {missed}" if missed else "")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
