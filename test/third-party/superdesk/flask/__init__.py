"""Stub of flask for running Superdesk's NewsML-G2 parser outside Superdesk (CaptionDesk test only).

The parser reads two things from the app: config["QCODE_MISSING_VOC"] (absent: Superdesk's
default, "continue") and app.subjects (IPTC subject names; our newsml.xml has no subj: codes).
"""


class _App:
    config = {}
    subjects = {}


current_app = _App()
