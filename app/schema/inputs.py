"""GraphQL input types."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A new account.")
class SignUpInput:
    email: str = strawberry.field(description="A valid email address, unique among users.")
    password: str = strawberry.field(description="At least 6 characters and at most 72 bytes.")
    password_conf: str = strawberry.field(description="The password again.")
    user_name: str = strawberry.field(description="A unique handle without spaces.")
    first_name: str = strawberry.field(default="", description="Given name, at most 128 characters.")
    last_name: str = strawberry.field(default="", description="Family name, at most 128 characters.")


@strawberry.input(description="Changes to the viewer's profile; omitted fields keep their value.")
class UpdateMeInput:
    first_name: str | None = strawberry.field(default=None, description="Given name, at most 128 characters.")
    last_name: str | None = strawberry.field(default=None, description="Family name, at most 128 characters.")


@strawberry.input(description="A new meetup event.")
class CreateEventInput:
    title: str = strawberry.field(description="At most 255 characters.")
    date_time: str = strawberry.field(description="ISO 8601 date-time, such as 2027-01-31T19:30:00+01:00.")
    location: str = strawberry.field(description="At most 255 characters.")
    description: str = strawberry.field(default="", description="At most 255 characters.")


@strawberry.input(description="Which events to list.")
class EventFilterInput:
    search: str | None = strawberry.field(
        default=None,
        description="Case-insensitive text to find in the title, location or description.",
    )
    creator_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only events this user published."
    )
    joined: bool | None = strawberry.field(
        default=None, description="true: only events the viewer joined; false: only the others."
    )


@strawberry.input(description="A new chat channel.")
class CreateChannelInput:
    name: str = strawberry.field(description="At most 255 characters.")
    description: str | None = strawberry.field(default=None, description="At most 255 characters.")
    private: bool = strawberry.field(default=False, description="Whether only members may read and post.")
    member_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Users to add as members; the creator is always one."
    )


@strawberry.input(description="Changes to a channel; give at least one field.")
class UpdateChannelInput:
    name: str | None = strawberry.field(default=None, description="At most 255 characters.")
    description: str | None = strawberry.field(default=None, description="At most 255 characters.")
