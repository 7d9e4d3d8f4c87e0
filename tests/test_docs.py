"""The repository explains itself: documented services, no pointers outside it, docs kept current.

- Every public function and every public method of a public class in ``services/`` has a
  docstring (what it does for the user, what it returns, the refusal keys it raises).
- No file the repository ships (code, tests, resources, installer, docs, README) refers to a
  file outside the repository (someone's notes, a design page elsewhere, a machine's absolute
  path) or to an issue/ticket number: a reader of the repository has neither.
- README's "Project layout" names every package and top-level module of ``src/forsell`` and the
  top-level folders; README links every page of ``docs/``; the files the docs name exist.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "forsell"
SERVICES = SRC / "services"
DOCS = ROOT / "docs"
README = ROOT / "README.md"

#: Where the repository's own text lives; all of it is scanned for outside references.
SCANNED = ("src", "tests", "resources", "installer", "docs", ".ci")
SCANNED_FILES = ("README.md", "pyproject.toml")
TEXT_SUFFIXES = {
    ".py",
    ".md",
    ".sh",
    ".toml",
    ".yaml",
    ".yml",
    ".json",
    ".csv",
    ".ts",
    ".txt",
    ".ini",
    ".cfg",
    ".spec",
    ".in",
    "",
}

#: (what it catches, pattern). Each names something only the authors' machines or trackers had.
OUTSIDE_REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a notes file of the project's authors",
        re.compile(r"\b(?:RECIPES|PROVIDERS|DESIGN|STYLE|QA-LABELS)\.md\b"),
    ),
    ("a notes folder outside the repository", re.compile(r"(?<![\w-])notes/\w")),
    ("a shared folder next to the repository", re.compile(r"\.\./shared\b")),
    ("an absolute path on the authors' machine", re.compile(r"(?<![\w.$}~])/work/")),
    ("a home folder on someone's machine", re.compile(r"(?<![\w.$}~])/(?:home|Users)/\w")),
    ("an absolute path to a virtual environment", re.compile(r"(?<![\w.$}~-])/[\w./-]*venv/bin/")),
    (
        "an issue or ticket number",
        re.compile(r"\b(?:issues?|tickets?|task)\s*(?:no\.?\s*)?#?\d+\b", re.IGNORECASE),
    ),
    ("a pull request number", re.compile(r"\b(?:PR|pull request)\s*#?\d+\b")),
    ("the issue that asked for it", re.compile(r"\b(?:the|this|that) issue(?:'s)?\b(?! date)")),
)


def _public_defs(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Module-level functions and methods of module-level classes, without a leading ``_``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if not node.name.startswith("_"):
                yield node.name, node
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(
                    item, ast.FunctionDef | ast.AsyncFunctionDef
                ) and not item.name.startswith("_"):
                    yield f"{node.name}.{item.name}", item


def undocumented(source: str) -> list[str]:
    """Names of public service functions/methods in ``source`` that have no docstring."""
    return [
        name for name, node in _public_defs(ast.parse(source)) if ast.get_docstring(node) is None
    ]


def outside_references(text: str) -> list[tuple[int, str, str]]:
    """(line number, what, the matched text) for each reference that leaves the repository."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for what, pattern in OUTSIDE_REFERENCES:
            match = pattern.search(line)
            if match:
                found.append((number, what, match.group(0)))
    return found


def shipped_text_files() -> Iterator[Path]:
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                yield path
    for name in SCANNED_FILES:
        yield ROOT / name


# --- docstrings -------------------------------------------------------------------------------


def test_every_public_service_function_and_method_has_a_docstring() -> None:
    modules = sorted(SERVICES.rglob("*.py"))
    assert len(modules) > 20, "services/ not found"
    missing = [
        f"{path.relative_to(SRC)}: {name}"
        for path in modules
        for name in undocumented(path.read_text(encoding="utf-8"))
    ]
    assert not missing, "public service API without a docstring:\n" + "\n".join(missing)


def test_the_docstring_check_sees_methods_functions_and_properties() -> None:
    source = '''
def sell(): pass
def _helper(): pass
class Till:
    def pay(self):
        """Takes the money."""
    @property
    def total(self): return 0
    def _rule(self): pass
class _Private:
    def open(self): pass
'''
    assert undocumented(source) == ["sell", "Till.total"]


# --- no references outside the repository -------------------------------------------------


def test_nothing_refers_to_files_outside_the_repository_or_to_issue_numbers() -> None:
    this_file = Path(__file__).resolve()
    problems = []
    scanned = 0
    for path in shipped_text_files():
        if path.resolve() == this_file:  # it spells the patterns out
            continue
        scanned += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [
            f"{path.relative_to(ROOT)}:{n}: {what}: {hit!r}"
            for n, what, hit in outside_references(text)
        ]
    assert scanned > 200, "the repository's files were not found"
    assert not problems, "say it in place or point into the repository (docs/…):\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize(
    "line",
    [
        "# PulseAudio's first callback can take ~2 s (RECIPES.md)",
        '"""The layer rule of DESIGN.md, checked on the source."""',
        "The API the UI codes against (``/work/notes/review.md``)",
        "see ../shared/PROVIDERS.md",
        "    /work/venv/bin/python tests/bench/bench_scoring.py",
        "    /opt/app/.venv/bin/python make_demo.py",
        "# holds the GIL the GUI thread needs (issue 4: GUI lag)",
        '"""Product synonyms (issue 5 item 4): edited in the catalog."""',
        "fixed in Issue #12",
        "as discussed in PR #31",
        "# the issue's sizes (100k products, 1M lines)",
        "the rules the issue names",
        "key file at /home/aigerim/keys",
    ],
)
def test_the_reference_check_catches(line: str) -> None:
    assert outside_references(line), line


@pytest.mark.parametrize(
    "line",
    [
        "# PulseAudio's first callback can take ~2 s (docs/recipes.md)",
        ".venv/bin/forsell-cashier doctor",
        'APP="$REPO/.venv/bin/forsell-cashier"',
        "formats: resources/scorecards/README.md",
        "tokens_issued counts single-use tokens",
        "a receipt issued by the cash register; the issue date is printed",
        "def test_registration_issues_a_working_token(backend) -> None:",
        "background: #2f6fd6; color: #ffffff;",
        "backup in ~/.local/share/forsell-cashier and /tmp/forsell-demo",
        "the till's notes and coins in the drawer",
    ],
)
def test_the_reference_check_leaves_ordinary_text_alone(line: str) -> None:
    assert outside_references(line) == [], line


# --- README and docs/ kept current ----------------------------------------------------------


def _layout_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Project layout", 1)[1]
    return section.split("```", 2)[1]


def test_readme_layout_names_every_package_module_and_folder() -> None:
    block = _layout_block()
    names = {p.name + "/" for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    names |= {p.name for p in SRC.glob("*.py") if p.stem not in {"__init__", "__main__"}}
    names |= {"resources/", "installer/", "tests/", "docs/"}
    assert len(names) >= 13
    missing = sorted(n for n in names if not re.search(rf"(?m)^\s*{re.escape(n)}(\s|$)", block))
    assert not missing, f"README's Project layout does not list: {missing}"


def test_readme_links_every_page_of_docs_and_each_link_resolves() -> None:
    text = README.read_text(encoding="utf-8")
    pages = sorted(p.name for p in DOCS.glob("*.md"))
    assert {"architecture.md", "threads.md", "recipes.md", "providers.md"} <= set(pages)
    unlinked = [p for p in pages if f"](docs/{p})" not in text]
    assert not unlinked, f"README does not link: {unlinked}"
    for page in [README, *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


#: Files a page of docs/ describes as being built right now (they appear with that work).
BEING_BUILT: set[str] = set()


def _exists_in_repository(name: str) -> bool:
    if "/" not in name:
        return (
            any(ROOT.glob(f"src/**/{name}"))
            or any(ROOT.glob(f"tests/**/{name}"))
            or any(ROOT.glob(f"resources/**/{name}"))
            or any(ROOT.glob(f"installer/**/{name}"))
        )
    candidates = [ROOT / name, SRC / name]
    if any(c.exists() for c in candidates):
        return True
    return any(str(p).endswith("/" + name) for p in ROOT.glob(f"src/**/{Path(name).name}"))


def test_the_files_the_docs_name_exist() -> None:
    pattern = re.compile(r"`([\w./-]+\.(?:py|md|sh|yaml|json|csv|sqlite))(?::[^`]*)?`")
    missing = []
    for page in sorted(DOCS.glob("*.md")):
        for name in pattern.findall(page.read_text(encoding="utf-8")):
            if name.startswith(("cashier.", "keys.", "shot.", "display.", "dist/")):
                continue  # files the app, a recipe or the package build creates at run time
            if name in BEING_BUILT:
                continue
            if not _exists_in_repository(name):
                missing.append(f"{page.name}: {name}")
    assert not missing, "docs name files that are not in the repository:\n" + "\n".join(missing)
