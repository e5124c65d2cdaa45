"""GraphQL documents used by the production tests."""

ME = "query Me { me { id userName firstName lastName } }"
CHANNELS = "query Channels { channels { id name } }"
SIGN_IN = """
mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token user { id userName firstName } }
}
"""
SIGN_OUT = "mutation SignOut { signOut }"
UPDATE_ME = "mutation UpdateMe($input: UpdateMeInput!) { updateMe(input: $input) { firstName lastName } }"
CREATE_CHANNEL = """
mutation CreateChannel($input: CreateChannelInput!) { createChannel(input: $input) { id name description } }
"""
POST_MESSAGE = """
mutation Post($channelId: ID!, $body: String!) { postMessage(channelId: $channelId, body: $body) { id body } }
"""
HISTORY = """
query History($id: ID!, $after: String) {
  channel(id: $id) {
    name
    messages(first: 100, after: $after) { edges { cursor node { id body creator { userName } } } }
  }
}
"""
MESSAGE_ADDED = """
subscription Watch($channelId: ID!) { messageAdded(channelId: $channelId) { id body creator { userName } } }
"""
