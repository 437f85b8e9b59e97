"""Indicator warehouse of the Pas-de-Calais activity report."""
