"""`indicators serve`: a local `prefect server` and the flow served as a scheduled deployment.

The deployment `build_warehouse/scheduled` runs on a cron schedule (default: Mondays at
06:00, Europe/Paris) with `only_changed`: a run reads and loads only when a file of
`raw/report/` or `raw/reference/` is new or changed, and does nothing else otherwise.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from pipelines.run.server import running_server
from pipelines.settings import Settings, use_prefect_api

DEPLOYMENT_NAME = "scheduled"
DEFAULT_CRON = "0 6 * * 1"
DEFAULT_TIMEZONE = "Europe/Paris"


def serve(
    settings: Settings,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    port: int = 4200,
    report_dir: Path | None = None,
    reference_dir: Path | None = None,
) -> None:
    """Start the server (unless PREFECT_API_URL names a running one) and serve until Ctrl-C;
    the runs use the settings' warehouse and task runner."""
    existing = settings.prefect_api_url
    started = running_server(
        port, home=settings.prefect_home, timeout=settings.server_startup_timeout_s
    )
    with nullcontext(existing) if existing else started as api_url:
        use_prefect_api(api_url)  # the runs' processes inherit it
        from prefect.schedules import Cron
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from pipelines.run.flows import flow_for

        with temporary_settings({PREFECT_API_URL: api_url}):
            ui = api_url.removesuffix("/api")
            print(f"Prefect UI: {ui}  (PREFECT_API_URL={api_url})", flush=True)
            print(
                f"serving build_warehouse/{DEPLOYMENT_NAME} on '{cron}' ({timezone}); "
                "Ctrl-C stops the deployment and the server",
                flush=True,
            )
            # served as a flow object (`Flow.serve`, the runner's add_flow): each run executes
            # this object, its task runner included, not the module's flow re-imported
            flow_for(settings).serve(
                name=DEPLOYMENT_NAME,
                schedules=[Cron(cron, timezone=timezone)],
                parameters={
                    "warehouse": str(settings.warehouse),
                    "only_changed": True,
                    "report_dir": str(report_dir) if report_dir else None,
                    "reference_dir": str(reference_dir) if reference_dir else None,
                },
                description="Build the indicator warehouse when raw/ has new or changed files.",
                print_starting_message=False,
            )
