"""GraphQL documents for every query and mutation the rule tests send."""

from __future__ import annotations

ME = "query Me { me { id userName firstName lastName email photoURL } }"
USER = "query User($id: ID!) { user(id: $id) { id userName firstName lastName email photoURL } }"
EVENTS = """
query Events($first: Int, $after: String, $filter: EventFilterInput) {
  events(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title } }
  }
}
"""
EVENT = """
query Event($id: ID!) {
  event(id: $id) {
    id title dateTime location description attendeeCount viewerHasJoined
    creator { id }
    channel { id name private creator { id } members { id } }
  }
}
"""
EVENT_CHAT_MESSAGES = "query EventChat($id: ID!) { event(id: $id) { channel { messages { totalCount } } } }"
ATTENDEES = """
query Attendees($id: ID!, $first: Int, $after: String) {
  event(id: $id) {
    attendees(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id } }
    }
  }
}
"""
JOINED_EVENTS = "query Joined { joinedEvents { id } }"
CHANNELS = "query Channels { channels { id name private creator { id } } }"
CHANNEL = """
query Channel($id: ID!) {
  channel(id: $id) { id name description private editedAt creator { id } members { id } viewerIsMember }
}
"""
MESSAGES = """
query Messages($id: ID!, $last: Int, $before: String, $first: Int, $after: String) {
  channel(id: $id) {
    messages(last: $last, before: $before, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id body editedAt creator { id } } }
    }
  }
}
"""

SIGN_UP = """
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { token user { id userName firstName lastName email photoURL } }
}
"""
SIGN_IN = """
mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token user { id } }
}
"""
SIGN_OUT = "mutation SignOut { signOut }"
UPDATE_ME = "mutation UpdateMe($input: UpdateMeInput!) { updateMe(input: $input) { id firstName lastName } }"
CREATE_EVENT = """
mutation CreateEvent($input: CreateEventInput!) {
  createEvent(input: $input) {
    id title dateTime location description attendeeCount viewerHasJoined
    creator { id }
    channel { id private creator { id } members { id } }
  }
}
"""
JOIN_EVENT = "mutation Join($id: ID!) { joinEvent(eventId: $id) { id attendeeCount viewerHasJoined } }"
LEAVE_EVENT = "mutation Leave($id: ID!) { leaveEvent(eventId: $id) { id attendeeCount viewerHasJoined } }"
CREATE_CHANNEL = """
mutation CreateChannel($input: CreateChannelInput!) {
  createChannel(input: $input) { id name description private creator { id } members { id } }
}
"""
UPDATE_CHANNEL = """
mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {
  updateChannel(id: $id, input: $input) { id name description editedAt }
}
"""
DELETE_CHANNEL = "mutation DeleteChannel($id: ID!) { deleteChannel(id: $id) }"
ADD_MEMBER = """
mutation AddMember($channelId: ID!, $userId: ID!) {
  addChannelMember(channelId: $channelId, userId: $userId) { id members { id } }
}
"""
REMOVE_MEMBER = """
mutation RemoveMember($channelId: ID!, $userId: ID!) {
  removeChannelMember(channelId: $channelId, userId: $userId) { id members { id } }
}
"""
POST_MESSAGE = """
mutation Post($channelId: ID!, $body: String!) {
  postMessage(channelId: $channelId, body: $body) { id body channelId creator { id } }
}
"""
UPDATE_MESSAGE = """
mutation UpdateMessage($id: ID!, $body: String!) { updateMessage(id: $id, body: $body) { id body editedAt } }
"""
DELETE_MESSAGE = "mutation DeleteMessage($id: ID!) { deleteMessage(id: $id) }"
