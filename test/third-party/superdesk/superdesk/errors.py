"""Stub of superdesk.errors: ParserError keeps the cause so a failing test shows why the parser gave up."""


class SkipValue(Exception):
    pass


class ParserError(Exception):
    def __init__(self, code, exception=None, provider=None):
        super().__init__(code, repr(exception))
        self.code = code
        self.cause = exception

    @classmethod
    def newsmlTwoParserError(cls, exception=None, provider=None):
        # Superdesk's code for this error is 1005.
        return cls(1005, exception, provider)
