"""Publish: a checked warehouse made the published one; exports and the static site from it."""
