"""The operations: validation, authorization, persistence and publishing, once for every adapter.

Functions here take a `RequestContext` and plain arguments, return models or plain
values, and raise `app.errors.DomainError` subclasses. They know nothing of
strawberry or Starlette, so GraphQL and the REST shim cannot disagree on a rule.
"""
