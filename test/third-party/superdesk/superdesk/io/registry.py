"""Stub of superdesk.io.registry: keeps the parsers registered at import, as Superdesk's registry does."""

registered_feed_parsers = {}


def register_feed_parser(name, parser):
    registered_feed_parsers[name] = parser
