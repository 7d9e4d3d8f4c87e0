"""Supervisor review of counter conversations: list, conversation, dashboard."""
