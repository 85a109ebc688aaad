"""Stub of superdesk.metadata.item: the constants newsml_2_0.py and its parent use, with Superdesk's values
(superdesk/metadata/item.py and superdesk/utils.py SuperdeskBaseEnum at the commit named in README.md)."""
from enum import Enum
from typing import NamedTuple


class SuperdeskBaseEnum(Enum):
    @classmethod
    def values(cls):
        return [enum_member.value for enum_member in cls]


class ContentTypes(NamedTuple):
    TEXT: str
    PREFORMATTED: str
    AUDIO: str
    VIDEO: str
    PICTURE: str
    GRAPHIC: str
    COMPOSITE: str
    EVENT: str
    PLANNING: str


CONTENT_TYPE: ContentTypes = ContentTypes(
    "text", "preformatted", "audio", "video", "picture", "graphic", "composite", "event", "planning"
)

ITEM_TYPE = "type"


class Priority(SuperdeskBaseEnum):
    Flash = 1
    Urgent = 2
    Three_Paragraph = 3
    Screen_Finance = 4
    Continuous_News = 5
    Ordinary = 6
