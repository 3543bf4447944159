"""Run settings: private and debug-free unless asked, one declaration for CLI and environment."""

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.settings import Settings, from_env, parse_args
from sightings.store import DATASET


def test_settings001_defaults_are_safe(monkeypatch):
    for name in ("HOST", "PORT", "DATA", "DEBUG"):
        monkeypatch.delenv(f"STRAITWATCH_{name}", raising=False)
    assert parse_args([]) == Settings(host="127.0.0.1", port=8050, data=DATASET, debug=False)


def test_settings002_command_line_wins_over_environment(monkeypatch):
    monkeypatch.setenv("STRAITWATCH_PORT", "9000")
    monkeypatch.setenv("STRAITWATCH_HOST", "0.0.0.0")
    assert parse_args([]).port == 9000 and parse_args([]).host == "0.0.0.0"
    assert parse_args(["--port", "8060", "--host", "127.0.0.1"]) == Settings(
        host="127.0.0.1", port=8060, data=DATASET, debug=False)


@pytest.mark.parametrize(("value", "debug"), [("1", True), ("true", True), ("yes", True), ("", False),
                                              ("0", False), ("off", False)])
def test_settings003_debug_only_when_asked(value, debug):
    assert from_env({"STRAITWATCH_DEBUG": value}).debug is debug


def test_settings004_help_lists_every_setting():
    done = subprocess.run([sys.executable, "app.py", "--help"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == 0
    for flag in ("--host", "--port", "--data", "--debug", "STRAITWATCH_HOST", "127.0.0.1"):
        assert flag in done.stdout


def test_settings005_bad_data_file_fails_with_a_clear_message(tmp_path):
    bad = tmp_path / "sightings.csv"
    bad.write_text("event_date,ships\n2022-02-30,ten\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "app.py", "--data", str(bad)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: cannot serve {bad}: missing required column(s): report_date")
    assert "Traceback" not in done.stderr
