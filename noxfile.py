"""Development sessions: ``nox -s tests pure lint mypy docs``; ``nox -s fixtures`` rewrites the golden
files on purpose (review the diff afterwards)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "pure", "lint", "mypy"]
nox.options.reuse_existing_virtualenvs = True
# Pythons this machine lacks are skipped rather than failed; CI installs the ones it tests.
nox.options.error_on_missing_interpreters = False

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the whole test suite."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def pure(session: nox.Session) -> None:
    """The suite on the pure-Python readers (what an install without a C compiler runs)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs, env={"STATUSKIT_PURE": "1"})


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint and format check."""
    session.install("ruff")
    session.run(
        "ruff", "check", "src", "tests", "benchmarks", "fuzz", "noxfile.py", "hatch_build.py"
    )
    session.run(
        "ruff",
        "format",
        "--check",
        "src",
        "tests",
        "benchmarks",
        "fuzz",
        "noxfile.py",
        "hatch_build.py",
    )


@nox.session
def mypy(session: nox.Session) -> None:
    """mypy --strict over the package, the typing tests and this file."""
    session.install("-e", ".[test]", "mypy", "lxml-stubs", "types-python-dateutil", "nox")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation (strict: broken links fail)."""
    session.install("-e", ".", "mkdocs")
    session.run("mkdocs", "build", "--strict")


@nox.session
def fixtures(session: nox.Session) -> None:
    """Rewrite every tests/fixtures/**/<case>.expected.json (and the diff goldens in
    tests/diff_fixtures/) from the current code."""
    session.install("-e", ".[test]")
    session.run("pytest", "tests/test_golden.py", env={"STATUSKIT_REGEN": "1"})
    session.run("pytest", "tests/test_diff_golden.py", env={"STATUSKIT_REGEN": "1"})


@nox.session
def bench(session: nox.Session) -> None:
    """Print the speed ratios of benchmarks/ (never asserted in tests)."""
    session.install("-e", ".[speed]", "feedparser", "beautifulsoup4")
    session.run("python", "benchmarks/run.py", *session.posargs)
