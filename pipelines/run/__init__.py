"""Run: the Prefect flow and its steps, task runners, the Prefect server and the command line."""
