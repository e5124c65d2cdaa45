"""SQLModel tables, named as in the earlier system's MySQL schema so its databases can be adopted."""

from app.models.channel import GENERAL_CHANNEL_NAME, Channel
from app.models.event import Event
from app.models.membership import ChannelMember, EventAttendee
from app.models.message import Message
from app.models.signin import SignInLogEntry
from app.models.user import User

__all__ = [
    "GENERAL_CHANNEL_NAME",
    "Channel",
    "ChannelMember",
    "Event",
    "EventAttendee",
    "Message",
    "SignInLogEntry",
    "User",
]
