"""Validate: staging frames checked against their pandera models; failed rows kept with why."""
