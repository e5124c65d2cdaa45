"""The GraphQL schema: strawberry types adapting the operations in `app.resolvers`."""

from app.schema.errors import ErrorCodes, LoggingSchema
from app.schema.executor import PerEventMemoExecutor
from app.schema.mutation import Mutation
from app.schema.query import Query
from app.schema.subscription import Subscription

schema = LoggingSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=[ErrorCodes],
    execution_context_class=PerEventMemoExecutor,
)

__all__ = ["schema"]
