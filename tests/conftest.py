"""Hypothesis profiles: no deadline (tests never assert on time), and a reproducible run under CI."""

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None, max_examples=200)
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
