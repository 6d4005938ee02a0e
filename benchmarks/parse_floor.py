"""The parse floor: find every *.yaml/*.yml under the given paths, read it and parse it with libyaml, nothing else.

``python benchmarks/parse_floor.py DIR`` prints the number of files and documents parsed.
"""

import contextlib
import sys
from pathlib import Path

import yaml


def main(argv: list[str]) -> int:
    count = 0
    for root in argv:
        for path in sorted(p for p in Path(root).rglob("*") if p.suffix in (".yaml", ".yml")):
            text = path.read_text(encoding="utf-8")
            with contextlib.suppress(yaml.YAMLError):  # a broken file still costs its parse
                yaml.load(text, Loader=yaml.CSafeLoader)
            count += 1
    print(f"parsed {count} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
