"""What the renderers' tests share: the sample rendered once per kind, the tools that read
the files back, and the folder the pictures of the pages go to."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from temaplan.reports.rendering import render

from .sample_document import sample_document

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
NBSP = "\u00a0"


@functools.cache
def rendered(kind: str) -> bytes:
    return render(sample_document(), kind)


def written(kind: str) -> Path:
    """The sample's file of `kind` in test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"resultatrapport-2020.{kind}"
    path.write_bytes(rendered(kind))
    return path


def plain(text: str) -> str:
    """Text with its no-break spaces as spaces: «41,7 %» either way."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


def run(*command: str | Path, timeout: int = 120) -> str:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=True, timeout=timeout
    ).stdout


def has(tool: str) -> bool:
    return shutil.which(tool) is not None
