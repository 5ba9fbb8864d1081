"""Mail text made readable: HTML to text, links, and the new text split from quotes and signature."""
from __future__ import annotations

import re
from bisect import bisect_right
from html import unescape
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser

MAX_HTML_CHARS = 1024 * 1024  # selectolax is fast, but a 25 MiB page is not worth reading
MAX_URLS = 200
MAX_URL_CHARS = 2048

_PARA = "\ue000"
_LINE = "\ue001"  # <br>: two in a row make a blank line
_SOFT = "\ue002"  # list items and table rows: a line of their own, never a blank line
_MARKERS = re.compile("[\ue000-\ue002]")
_BLOCK_OPEN = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|table|blockquote|pre|section|article|header|footer|hr)\b[^<>]*>", re.I
)
_BLOCK_CLOSE = re.compile(
    r"</(?:p|div|h[1-6]|ul|ol|table|blockquote|pre|section|article|header|footer)\s*>", re.I
)
_BR = re.compile(r"<br\b[^<>]*>", re.I)
_SOFT_TAG = re.compile(r"<(?:li|dt|dd)\b[^<>]*>|</(?:li|dt|dd)\s*>", re.I)
_WHITESPACE = re.compile(r"\s+")
_BREAKS = re.compile(r"[ \ue000-\ue002]*[\ue000-\ue002][ \ue000-\ue002]*")
_MANY_PARAS = re.compile(r"\n{3,}")
_DROP_TAGS = ["script", "style", "head", "noscript", "template", "title", "svg", "object", "iframe"]


# The HTML parsing algorithm costs (open elements) x (tags): a page nested deeper than any
# real mail is read by stripping its tags instead, which is linear.
MAX_NESTING = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})")
_NO_END_TAG = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "param",
})
_ANY_TAG = re.compile(r"<[^<>]*>")


def nesting(html: str) -> int:
    """How deep elements nest at most, counted cheaply (tags that close themselves not counted)."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in _NO_END_TAG:
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def html_to_text(html: str) -> tuple[str, list[str], list[str]]:
    """Readable text of an HTML body, with its link URLs and <img src> URLs."""
    html = _MARKERS.sub("", html[:MAX_HTML_CHARS])
    html = _BLOCK_OPEN.sub(_PARA + r"\g<0>", html)
    html = _BLOCK_CLOSE.sub(r"\g<0>" + _PARA, html)
    html = _BR.sub(_LINE, html)
    html = _SOFT_TAG.sub(_SOFT + r"\g<0>", html)
    if nesting(html) > MAX_NESTING:
        links, images = _urls_by_pattern(html)
        return _layout(unescape(_ANY_TAG.sub(" ", _without_code(html)))), links, images
    tree = LexborHTMLParser(html)
    links, images = _urls(tree)
    tree.strip_tags(_DROP_TAGS)
    # text between table tags would be moved out of the table by the parser: mark cells in the tree
    for cell in tree.css("td, th"):
        cell.insert_child(" ")
    for row in tree.css("tr"):
        row.insert_child(_SOFT)
    root = tree.body or tree.root
    raw = root.text(deep=True, separator="", strip=False) if root is not None else ""
    return _layout(raw), links, images


_HREF = re.compile(r"""\bhref[ \t\r\n]*=[ \t\r\n]*["']?(https?://[^"'\s<>]+)""", re.I)
_SRC = re.compile(r"""<img\b[^<>]*?\bsrc[ \t\r\n]*=[ \t\r\n]*["']?([^"'\s<>]+)""", re.I)
_CODE_OPEN = re.compile(r"<(script|style)\b", re.I)
_CODE_CLOSE = {tag: re.compile(f"</{tag}", re.I) for tag in ("script", "style")}


def _urls_by_pattern(html: str) -> tuple[list[str], list[str]]:
    """Links and images of a page not worth parsing, found by patterns."""
    images = [u for u in _unique(m.group(1) for m in _SRC.finditer(html)) if not u[:5].lower().startswith("data:")]
    return _unique(m.group(1) for m in _HREF.finditer(html))[:MAX_URLS], images[:MAX_URLS]


def _without_code(html: str) -> str:
    """The page without <script> and <style> contents (searched forward only: linear)."""
    out, pos = [], 0
    while (match := _CODE_OPEN.search(html, pos)) is not None:
        out.append(html[pos:match.start()])
        close = _CODE_CLOSE[match.group(1).lower()].search(html, match.end())
        if close is None:
            return "".join(out)
        pos = close.start()
    out.append(html[pos:])
    return "".join(out)


def _layout(raw: str) -> str:
    """Whitespace collapsed, the block markers turned into line breaks."""
    text = _WHITESPACE.sub(" ", raw)
    text = _BREAKS.sub(_break, text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_PARAS.sub("\n\n", text).strip()


def html_urls(html: str) -> tuple[list[str], list[str]]:
    """Link URLs and <img src> URLs of an HTML body, when its text is not needed."""
    html = html[:MAX_HTML_CHARS]
    if nesting(html) > MAX_NESTING:
        return _urls_by_pattern(html)
    return _urls(LexborHTMLParser(html))


def _urls(tree: LexborHTMLParser) -> tuple[list[str], list[str]]:
    links = _unique((a.attrs.get("href") or "").strip() for a in tree.css("a[href], area[href]"))
    links = [u for u in links if u[:8].lower().startswith(("http://", "https://"))]
    images = _unique((img.attrs.get("src") or "").strip() for img in tree.css("img[src]"))
    images = [u for u in images if not u[:5].lower().startswith("data:")]
    return links[:MAX_URLS], images[:MAX_URLS]


def _break(match: re.Match) -> str:
    run = match.group(0)
    return "\n\n" if _PARA in run or run.count(_LINE) > 1 else "\n"


URL = re.compile(r"\bhttps?://[^\s<>\"'\])}]+", re.I)  # a link written out


def find_links(text: str) -> list[str]:
    """http(s) URLs written out in plain text."""
    if "://" not in text:
        return []
    return _unique(m.group(0).rstrip(".,;:!?") for m in URL.finditer(text))[:MAX_URLS]


def _unique(urls) -> list[str]:
    seen: dict[str, None] = {}
    for url in urls:
        if url and len(url) <= MAX_URL_CHARS:
            seen.setdefault(url, None)
    return list(seen)


# --- replies ------------------------------------------------------------------------------

# An attribution line ("On Tue, 3 Nov 2026, Anna <a@b> wrote:") per language: the verb, the
# words such a line may begin with (else a digit of the date must come before the verb), and
# whether only ":" may follow the verb (else a name and address may, up to the ":").
# Checked with str.find, never a regex with nested ranges: those backtrack quadratically.
_ATTRIBUTIONS = (
    ("wrote", ("on",), True),                                            # en
    ("skrev", ("den", "på", "man", "tir", "ons", "tor", "fre", "lør", "søn"), False),  # da, sv, nb
    ("schrieb", ("am",), False),                                         # de
    ("napisał", ("w dniu",), False),                                     # pl
    ("a écrit", ("le",), False),                                         # fr
    ("schreef", ("op",), False),                                         # nl
    ("kirjoitti", (), False),                                            # fi
    ("escribió", ("el",), False),                                        # es
    ("ha scritto", ("il",), False),                                      # it
)
_ATTRIBUTION_WORD = re.compile("|".join(re.escape(v) for v, _, _ in _ATTRIBUTIONS))
_DIGIT = re.compile(r"\d")
_COLON_OPTIONAL = ("a écrit", "ha scritto")


def _word_at(s: str, i: int, n: int) -> bool:
    """Whether s[i:i+n] stands as a word of its own."""
    return (i == 0 or not s[i - 1].isalnum()) and (i + n == len(s) or not s[i + n].isalnum())


def _is_attribution(line: str) -> bool:
    """Does this line introduce a quoted earlier message? Linear in the line's length."""
    s = line.strip().lower()
    if not s or len(s) > 800:
        return False
    digit = _DIGIT.search(s)
    first_digit = digit.start() if digit else len(s)
    body = s[:-1].rstrip() if s.endswith(":") else s
    for verb, leads, strict in _ATTRIBUTIONS:
        i = s.find(verb)
        while i >= 0:
            if _word_at(s, i, len(verb)) and i <= 400:
                led = any(s.startswith(w) and _word_at(s, 0, len(w)) for w in leads)
                end = i + len(verb)
                if (led or first_digit < i) and (
                        (strict and s.endswith(":") and end == len(body))
                        or (not strict and s.endswith(":") and len(s) - end <= 300)
                        or (verb in _COLON_OPTIONAL and end == len(body))):
                    return True
            i = s.find(verb, i + 1)
    return False


# "-----Original Message-----" and "---------- Forwarded message ---------" as mail clients
# write them in the owners' languages (_FORWARDED: those that pass a mail on)
_ORIGINAL = ("original message", "oprindelig meddelelse", "ursprüngliche nachricht",
             "ursprungligt meddelande", "opprinnelig melding", "wiadomość oryginalna", "message d'origine",
             "oorspronkelijk bericht", "alkuperäinen viesti", "mensaje original", "messaggio originale")
_FORWARDED = ("forwarded message", "videresendt meddelelse", "weitergeleitete nachricht",
              "vidarebefordrat meddelande", "videresendt melding", "przekazana wiadomość",
              "wiadomość przekazana dalej", "message transféré", "doorgestuurd bericht", "välitetty viesti",
              "edelleenlähetetty viesti", "mensaje reenviado", "messaggio inoltrato")
_SEPARATOR = re.compile(
    r"^\s*[-_=*]{2,}\s*(?:" + "|".join(re.escape(s) for s in _ORIGINAL + _FORWARDED) + r")\s*[-_=*]*\s*$",
    re.I,
)
# Apple Mail's line above a forwarded mail: "Begin forwarded message:", "Start på videresendt e-mail:" ...
_FORWARD_INTRO = re.compile(
    r"^\s*(?:begin\ forwarded\ message|start\ på\ videresendt\ e-?mail|anfang\ der\ weitergeleiteten\ nachricht"
    r"|vidarebefordrat\ brev|videresendt\ melding|début\ du\ message\ réexpédié|begin\ doorgestuurd\ bericht"
    r"|inicio\ del\ mensaje\ reenviado|inizio\ messaggio\ inoltrato|początek\ przekazywanej\ wiadomości"
    r"|välitetty\ viesti\ alkaa)\s*:\s*$",
    re.I | re.X,
)
# Outlook's header block: From / Sent in each language ("Van:", "Lähettäjä:", "Da:", "Enviado el:")
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|fra|från|von|od|de|van|lähettäjä|da)\s*:\*?\s*\S", re.I)
_OUTLOOK_SENT = re.compile(
    r"^\s*\*?(?:sent|date|sendt|dato|skickat|datum|gesendet|wysłano|wysłane|data|envoyé|verzonden"
    r"|lähetetty|päivämäärä|enviado(?:\ el)?|fecha|inviato)\s*:",
    re.I | re.X,
)
# ... and its To or Subject line ("Til:", "Betreff:", "Aihe:", "Asunto:" ...)
_OUTLOOK_TO = re.compile(
    r"^\s*\*?(?:to|til|till|an|do|à|para|a|aan|vastaanottaja|cc|subject|emne|ämne|betreff|temat|objet"
    r"|onderwerp|aihe|asunto|oggetto)\s*:", re.I)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_SIGNATURE = re.compile(r"^-- ?$")
_MOBILE = re.compile(
    r"""^\s*(?:
        sent\ from\ (?:my\ |outlook\ for\ |mail\ for\ |yahoo\ mail\ ).{1,40}
      | get\ outlook\ for\ .{1,30}
      | sendt\ fra\ (?:min\ |mit\ |outlook\ ).{1,40}
      | skickat\ från\ (?:min\ |mitt\ |outlook\ ).{1,40}
      | von\ meinem\ .{1,40}\ gesendet.{0,5}
      | gesendet\ von\ (?:meinem\ )?.{1,40}
      | wysłane\ z\ .{1,40}
      | envoyé\ de\ mon\ .{1,40}
    )\s*$""",
    re.I | re.X,
)


# run on the lower-cased text; each branch starts with a literal, which the regex engine scans fast
_CANDIDATE = re.compile(
    r"wrote|skrev|schrieb|napisał|écrit|schreef|kirjoitti|escribió|ha scritto"
    r"|\n[ \t]*(?:--|__|==|\*\*|\*?(?:from|fra|från|von|od|de|van|lähettäjä|da)[ \t]*:)"
    r"|:[ \t]*(?:\n|$)"
)
_QUOTE_LINE = re.compile(r"^[ \t]*>", re.M)
_SIGNATURE_CANDIDATE = re.compile(
    r"^-- ?$|^[ \t]*(?:sent|get|sendt|skickat|von|gesendet|wysłane|envoyé)\b", re.I | re.M
)


def _is_quote(line: str) -> bool:
    return line.lstrip(" \t").startswith(">")


def _starts_quote(lines: list[str], i: int) -> bool:
    """Does the quoted earlier message begin at line i?"""
    line = lines[i]
    if not line.strip() or _is_quote(line) or len(line) > 600:
        return False
    if _ATTRIBUTION_WORD.search(line.lower()) and _is_attribution(line):
        return True
    if ("--" in line or "__" in line) and _SEPARATOR.match(line):
        return True
    if line.rstrip().endswith(":") and _FORWARD_INTRO.match(line):
        return True
    # a mail client may wrap a long attribution line once
    if i + 1 < len(lines) and len(lines[i + 1]) < 300 and not _is_quote(lines[i + 1]):
        joined = line + " " + lines[i + 1]
        if _ATTRIBUTION_WORD.search(joined.lower()) and _is_attribution(joined):
            return True
    if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_SENT.match(l) for l in lines[i + 1:i + 5]) and (
            "@" in line or any(_OUTLOOK_TO.match(l) for l in lines[i + 1:i + 6])):
        return True  # not "De: 10:00 a 12:00" above "Fecha: 5 de marzo" in a programme
    if line.rstrip().endswith(":") and "@" in line and len(line) < 300:
        following = next((l for l in lines[i + 1:i + 3] if l.strip()), "")
        return _is_quote(following)
    return False


def _quote_start(text: str, lines: list[str]) -> int | None:
    """Index of the line where the quoted earlier message begins, if any."""
    # only lines near a cheap whole-text match are worth the full per-line checks
    lower = "\n" + text.lower()  # so that the first line also follows a newline
    starts: list[int] = []
    checked: set[int] = set()
    if len(lower) != len(text) + 1:  # lower() changed some lengths: offsets would not map back
        return next((i for i in range(len(lines)) if _starts_quote(lines, i)), None)
    for match in _CANDIDATE.finditer(lower):
        if not starts:
            starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        # the match is in `lower` (one char ahead of `text`); a leading "\n" belongs to its line
        position = match.start() if match.group(0)[0] != "\n" else match.start() + 1
        i = bisect_right(starts, position - 1) - 1
        for j in (i - 1, i):
            if j >= 0 and j not in checked:
                checked.add(j)
                if _starts_quote(lines, j):
                    if _OUTLOOK_FROM.match(lines[j]) and j and _UNDERSCORES.match(lines[j - 1]):
                        return j - 1
                    return j
    return None


# an address in a quote's From line: bounded parts, no "@" inside either (linear on any line)
_ADDRESS = re.compile(r"[^\s<>()\[\]:;,\"'@]{1,64}@[^\s<>()\[\]:;,\"'@]{1,255}")
_AUTHOR_LINE = 300  # characters of an attribution or From line looked at


def quote_author(quoted: str) -> str:
    """The line that says whose a quoted earlier message is: the first attribution ("On ..., Anna
    <anna@example.org> wrote:") or header block's From line ("Fra: Anna <...>") in its first
    lines (a bump may quote its earlier bumps, each under its own attribution), cut to 300
    characters; "" when there is none."""
    for line in quoted.split("\n", 12)[:12]:
        line = line.lstrip(" \t>")
        if len(line) > 600:
            continue  # no attribution is this long (as _starts_quote)
        if _OUTLOOK_FROM.match(line) or (_ATTRIBUTION_WORD.search(line.lower()) and _is_attribution(line)):
            return line.strip()[:_AUTHOR_LINE]
    return ""


def address_in(line: str) -> str:
    """The address in an attribution or From line (quote_author's), lower-case, or ""."""
    match = _ADDRESS.search(line)
    address = match.group(0).lower().rstrip(".") if match else ""
    return address if "." in address.rpartition("@")[2] else ""


def is_forward(quoted: str) -> bool:
    """Does the quote begin as a mail passed on ("---------- Forwarded message ---------",
    "Begin forwarded message:")?"""
    for line in quoted.split("\n", 6)[:6]:
        line = line.lstrip(" \t>")
        if line.strip():
            return bool((("--" in line or "__" in line) and _SEPARATOR.match(line)
                         and any(f in line.lower() for f in _FORWARDED)) or _FORWARD_INTRO.match(line))
    return False


def split_reply(text: str) -> tuple[str, str, str]:
    """Split a body into (new text, quoted earlier messages, signature)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = _quote_start(text, lines)
    head = lines[:start] if start is not None else lines
    head_text = "\n".join(head) if start is not None else text
    if not _QUOTE_LINE.search(head_text) and not _SIGNATURE_CANDIDATE.search(head_text):
        return head_text.strip(), "\n".join(lines[len(head):]).strip(), ""
    own: list[str] = []
    quoted: list[str] = []
    signature: list[str] = []
    for line in head:
        if signature:
            (quoted if _is_quote(line) else signature).append(line)
        elif _is_quote(line):
            quoted.append(line)  # inline replies: the answers between quotes stay new text
        elif _SIGNATURE.match(line) or _MOBILE.match(line):
            signature.append(line)
        else:
            own.append(line)
    quoted.extend(lines[len(head):])
    return ("\n".join(own).strip(), "\n".join(quoted).strip(), "\n".join(signature).strip())
