"""Contracts: the indicator and entity catalogs and the pandera models of staging tables."""
