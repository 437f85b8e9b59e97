"""Failures reach people: a one-line summary posted to a webhook, when one is configured.

The URL is the run's setting `INDICATORS_FAILURE_WEBHOOK` (a chat's incoming webhook, an
alerting relay).
The body is JSON `{"text": "<one line>"}`. Notifying never fails the run it reports on.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

logger = logging.getLogger(__name__)


def notify_failure(summary: str, url: str | None) -> bool:
    """POST the summary to the webhook; True when it was accepted (2xx); no URL: nothing."""
    if not url:
        return False
    line = " ".join(summary.split())
    request = urllib.request.Request(
        url,
        data=json.dumps({"text": line}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError) as err:
        logger.warning("failure webhook %s not reached: %s", url, err)
        return False
