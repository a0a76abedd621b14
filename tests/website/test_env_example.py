"""site/env.example names every environment variable the project reads, and only those."""

import ast
import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = BASE_DIR / "site" / "env.example"
READERS = [
    *sorted((BASE_DIR / "website" / "settings").glob("*.py")),
    BASE_DIR / "website" / "wsgi.py",
    BASE_DIR / "site" / "gunicorn.conf.py",
]
# os.environ.get("X"), os.getenv("X"), os.environ.setdefault("X", ...), env_bool("X"), ...
READ_CALLS = {"get", "getenv", "setdefault", "env_bool", "env_list"}
VARIABLE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


def variables_read(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args:
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else function.id
            first = node.args[0]
            if called in READ_CALLS and isinstance(first, ast.Constant):
                if called in {"get", "setdefault"} and "environ" not in ast.unparse(function):
                    continue
                names.add(first.value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(ast.literal_eval(node.slice))
    return names


def example_lines() -> list[str]:
    return ENV_EXAMPLE.read_text().splitlines()


def test_env_example_lists_every_variable_the_settings_read_and_no_other():
    read = set().union(*(variables_read(path) for path in READERS))
    listed = {match[1] for line in example_lines() if (match := VARIABLE.match(line))}

    assert read - listed == set(), "read but missing from site/env.example"
    assert listed - read == set(), "in site/env.example but read nowhere"


def test_every_variable_in_env_example_follows_a_comment_saying_what_it_is():
    lines = example_lines()
    for number, line in enumerate(lines):
        if not VARIABLE.match(line):
            continue
        above = number - 1
        while above >= 0 and VARIABLE.match(lines[above]):
            above -= 1
        assert (
            above >= 0 and lines[above].startswith("# ") and not lines[above].startswith("# ---")
        ), f"{line!r} has no comment of its own"
