"""Stub of superdesk.metadata.utils: is_normal_package as Superdesk defines it."""
from superdesk.metadata.item import ITEM_TYPE, CONTENT_TYPE


def is_normal_package(doc):
    return doc[ITEM_TYPE] == CONTENT_TYPE.COMPOSITE
