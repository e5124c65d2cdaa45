"""Musician Meetup: GraphQL and legacy REST API for meetups and real-time chat."""
