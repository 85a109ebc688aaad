"""Stub of the superdesk package: only what newsml_2_0.py and its parent class import (CaptionDesk test only)."""
from superdesk import etree  # noqa: F401  (newsml_2_0.py does `from superdesk import etree as sd_etree`)


def get_resource_service(name):
    # Only reached for subject vocabularies with a scheme, which our newsml.xml does not use.
    raise RuntimeError("no Superdesk resource service in this test: " + name)
