"""Passwords, session tokens and session stores."""
