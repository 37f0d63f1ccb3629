"""Faults injected into worker pipelines through RunSettings.worker_hook (tests only).

An article whose text holds one of these markers makes the worker misbehave:
SLEEP-FOREVER hangs it, CRASH-NOW kills it (like a segfault or the OOM killer),
CRASH-ONCE:<path> kills it only when <path> does not exist yet (creating it first).
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

HOOK = "worker_faults:install"


@Language.component("test_faults")
def faults(doc: Doc) -> Doc:
    text = doc.text
    if "SLEEP-FOREVER" in text:
        time.sleep(3600)
    if "CRASH-NOW" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if once := re.search(r"CRASH-ONCE:(\S+)", text):
        marker = Path(once.group(1))
        if not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return doc


def install(nlp: Language) -> None:
    if "test_faults" not in nlp.pipe_names:
        nlp.add_pipe("test_faults", first=True)
