"""One line per refused request in the log.

Django logs a 403 (PermissionDenied) and a 400 (SuspiciousOperation, BadRequest) with the whole
traceback, although a refusal is the code working as meant: the reader pressed «Rediger», the
access helper said no. This filter, on the console handler (config/settings.py LOGGING), turns
any record of a 4xx answer into one line that ends with the reason the code gave. A 5xx keeps
its traceback: that one is a fault to be found.
"""

from __future__ import annotations

import logging


class OneLineRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if not isinstance(status, int) or not 400 <= status < 500 or not record.exc_info:
            return True
        exception = record.exc_info[1]
        message = record.getMessage()
        text = str(exception).strip() if exception is not None else ""
        if text and text not in message:
            message = f"{message} ({type(exception).__name__}: {text})"
        record.msg, record.args = message.replace("\n", " "), ()
        record.exc_info, record.exc_text = None, None
        return True
