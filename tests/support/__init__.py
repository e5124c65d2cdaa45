"""Helpers shared by the tests: a real server process, clients, data reset."""
