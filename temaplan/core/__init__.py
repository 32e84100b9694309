"""The shared toolkit every app stands on: versioning and edit conflicts, Norwegian number
formatting, the htmx save step, chart rendering, workbooks and the task backend.

It imports no other Temaplan app, so anything here can be used from any layer."""
