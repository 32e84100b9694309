"""A django-tasks backend that runs each task in a thread of the web process.

Enough for the embedded single-server install: the editor's request returns at once and the
page watches the task's progress. Tasks record their own progress and outcome in their
models, since the result object lives only in this process.
"""

from __future__ import annotations

import threading

from django.db import connections
from django_tasks.backends.immediate import ImmediateBackend


class ThreadBackend(ImmediateBackend):
    def _execute_task(self, task_result) -> None:
        run = super()._execute_task

        def work() -> None:
            try:
                run(task_result)
            finally:
                connections.close_all()  # the thread's own connections

        threading.Thread(target=work, name=f"task-{task_result.id}", daemon=True).start()
