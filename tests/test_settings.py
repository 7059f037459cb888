"""Production settings: refuse to start without a secret, and pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only what a deployment would have: nothing the test session itself set (DEBUG, async flags, ...).
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deployment_checklist_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_debug_is_off_unless_asked_for():
    result = manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", SECRET_KEY="x" * 60)
    assert result.stdout.strip().endswith("False"), result.stderr


@pytest.mark.django_db
def test_migrations_are_complete():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
