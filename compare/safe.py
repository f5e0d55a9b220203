"""Text from an input made safe for a terminal: control characters and escape sequences shown, not
obeyed. An article, a cable's ID, subject or signer, or a file name can carry ESC (a terminal's
escape sequences: retitle the window, clear the screen, move the cursor), BEL, or a C1 control
(U+0080-U+009F; U+009B is a one-character CSI): each is written as a visible escape (`\\x1b`), so that
what reaches a terminal is only text. Tabs and line breaks stay in multi-line text; in one-line
fields (`one_line=True`) they are shown too.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls; also the bidirectional overrides and isolates,
# which reorder what a terminal shows (a "Trojan Source" file name)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    c = m.group()
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def safe(text: object, one_line: bool = False) -> str:
    """`text` as a string with every control character (and escape sequence's introducer) visible."""
    s = str(text)
    return (_CONTROL_LINE if one_line else _CONTROL).sub(_visible, s)


# What JSON leaves raw (it escapes only U+0000-U+001F) but a terminal obeys: DEL, the C1 controls and
# the bidirectional controls; only inside strings can they stand, so \u escapes keep the JSON valid
# and its values the same.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with what a terminal would obey escaped."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
