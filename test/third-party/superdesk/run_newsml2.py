"""Runs Superdesk's own NewsML-G2 feed parser on one file and prints what it ingested as JSON.

CaptionDesk's test (electron/core/package/newsml-superdesk.test.ts) runs this with Debian's
/usr/bin/python3 (python3-lxml, python3-arrow) and this folder first on sys.path, so that
`superdesk` and `flask` are the stubs here and the parser is Superdesk's unmodified file.
Exit 2 when the parser refuses the file or aborts, with its reason on stderr.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lxml import etree  # noqa: E402
from superdesk.io.feed_parsers.newsml_2_0 import NewsMLTwoFeedParser  # noqa: E402


def main(path):
    root = etree.parse(path).getroot()
    parser = NewsMLTwoFeedParser()
    if not parser.can_parse(root):
        print("Superdesk's parser does not take this root: " + root.tag, file=sys.stderr)
        return 2
    try:
        items = parser.parse(root)
    except Exception as ex:  # the parser wraps every failure in ParserError
        cause = getattr(ex, "cause", None)
        print("Superdesk's parser aborted: %s: %r" % (type(ex).__name__, cause or ex), file=sys.stderr)
        return 2
    json.dump(items, sys.stdout, default=lambda v: v.isoformat(), ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
