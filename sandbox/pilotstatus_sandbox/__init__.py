"""A local, stateful Pilot Status API for development and tests."""
