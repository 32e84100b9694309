"""Production settings: refuse to start without a secret and hosts; the deploy check is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7Gq2" * 12,
    "ALLOWED_HOSTS": "temaplan.example.no",
    "DATABASE_URL": "sqlite:////tmp/temaplan-deploy-check.sqlite3",
}


def temaplan(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    return subprocess.run(
        [sys.executable, "-m", "temaplan.cli", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_with_debug_off_the_app_refuses_to_start_without_a_secret_key():
    result = temaplan("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY må settes når DEBUG er av" in result.stderr


def test_with_debug_off_the_app_refuses_to_start_without_allowed_hosts():
    result = temaplan("check", **{**PRODUCTION, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS må settes når DEBUG er av" in result.stderr


def test_the_deploy_check_reports_nothing_in_production():
    result = temaplan("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_defaults_to_off():
    result = temaplan("check", SECRET_KEY="", ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "SECRET_KEY må settes" in result.stderr


def test_in_production_the_health_check_is_not_redirected_to_https_but_pages_are():
    script = (
        "import django; django.setup();"
        "from django.test import Client; c = Client();"
        "print(c.get('/healthz', HTTP_HOST='temaplan.example.no').status_code);"
        "print(c.get('/konto/logg-inn/', HTTP_HOST='temaplan.example.no').status_code)"
    )
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**base, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["200", "301"], result.stderr
