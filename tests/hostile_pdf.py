"""Hostile and ordinary PDFs made from raw bytes for the tests and benchmarks (nothing from the net).

:func:`build` writes numbered objects with a correct cross-reference table; :func:`text_pdf`
makes a PDF whose pages show the given text through a Type0 font and a ToUnicode CMap, so
any character (Japanese, U+0000, a lone surrogate) comes out of pypdf's extraction as written.
The other builders make one attack each, as the reviewer of issue 19 described them.
"""

from __future__ import annotations

import zlib


def build(objects: dict[int, bytes], root: int = 1, trailer: bytes = b"", version: bytes = b"1.7") -> bytes:
    """A PDF file holding ``objects`` (number -> body), the catalog at ``root``."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (size, root) + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, compress: bool = False, extra: bytes = b"") -> bytes:
    """A stream object body (FlateDecode when ``compress``)."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def to_unicode(codes: dict[int, str]) -> bytes:
    """A ToUnicode CMap mapping two-byte codes to text, as UTF-16BE (lone surrogates kept)."""
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(codes.items())
    for start in range(0, len(items), 100):
        block = items[start:start + 100]
        lines.append(b"%d beginbfchar" % len(block))
        for code, text in block:
            target = text.encode("utf-16-be", "surrogatepass").hex().upper().encode()
            lines.append(b"<%04X> <%s>" % (code, target))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


def font_objects(first: int, codes: dict[int, str]) -> dict[int, bytes]:
    """A Type0 font (Identity-H) at ``first``, its CID font at +1, its ToUnicode stream at +2."""
    return {
        first: b"<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (first + 1, first + 2),
        first + 1: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        first + 2: stream(to_unicode(codes)),
    }


def show(lines: list[str], codes: dict[str, int]) -> bytes:
    """A content stream showing each line of text on its own line."""
    shown = {line: b"<" + "".join(f"{codes[c]:04X}" for c in line).encode() + b"> Tj T*" for line in set(lines)}
    ops = [b"BT /F1 10 Tf 12 TL 40 800 Td", *(shown[line] for line in lines), b"ET"]
    return b"\n".join(ops)


def text_pdf(*pages: str, compress: bool = False) -> bytes:
    """A PDF with one page per text; each page shows its text line by line."""
    chars = sorted({c for page in pages for c in page if c != "\n"})
    codes = {c: n + 1 for n, c in enumerate(chars)}
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    objects.update(font_objects(3, {n: c for c, n in codes.items()}))
    kids = []
    for k, page in enumerate(pages):
        number = 10 + 2 * k
        kids.append(b"%d 0 R" % number)
        objects[number] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                           b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects[number + 1] = stream(show(page.split("\n"), codes), compress)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    return build(objects)


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages hold only an image, as a scanner makes them: no extractable text."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: stream(b"\xff" * 16, extra=b" /Type /XObject /Subtype /Image /Width 4 /Height 4 "
                                              b"/ColorSpace /DeviceGray /BitsPerComponent 8")}
    kids = []
    for k in range(pages):
        number = 10 + 2 * k
        kids.append(b"%d 0 R" % number)
        objects[number] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                           b"/Resources << /XObject << /Im1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects[number + 1] = stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q")
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return build(objects)


def shared_stream_pdf(pages: int, line: str, repeats: int, pad: int = 0) -> bytes:
    """``pages`` pages that all show one compressed content stream of ``repeats`` lines of ``line``.

    ``pad`` adds that many bytes of comment lines to the stream: content that costs parsing
    but shows no text.
    """
    chars = sorted(set(line))
    codes = {c: n + 1 for n, c in enumerate(chars)}
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               6: stream(show([line] * repeats, codes) + (b"\n%" + b"x" * 1000) * (pad // 1002), compress=True),
               7: (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                   b"/Resources << /Font << /F1 3 0 R >> >> /Contents 6 0 R >>")}
    objects.update(font_objects(3, {n: c for c, n in codes.items()}))
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join([b"7 0 R"] * pages) + b"] /Count %d >>" % pages
    return build(objects)


def deep_page_tree(depth: int) -> bytes:
    """A page tree of ``depth`` nested /Pages nodes (pypdf's page tree depth limit)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for level in range(depth):
        number = 2 + level
        objects[number] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1)
    leaf = 2 + depth
    objects[leaf] = b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (leaf + 1)
    objects[leaf + 1] = stream(b"")
    return build(objects)


def array_stream_pdf(parts: int) -> bytes:
    """A page whose /Contents is an array of ``parts`` streams (pypdf's array-based stream limit)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               4: stream(b"BT ET"),
               5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    objects[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                  b"/Contents [" + b" ".join([b"4 0 R"] * parts) + b"] >>")
    return build(objects)


def big_array_pdf(elements: int) -> bytes:
    """A page with an array of ``elements`` numbers (pypdf's element count limit)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Junk [" + b"0 " * elements + b"] >>"}
    return build(objects)


def big_to_unicode_pdf(entries: int) -> bytes:
    """A font whose ToUnicode CMap maps ``entries`` codes in one range (pypdf's ToUnicode size limit)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <%08X> <4E00> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end" % (entries - 1))
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                   b"/Contents 4 0 R >>"),
               4: stream(b"BT /F1 10 Tf 40 800 Td <00000001> Tj ET")}
    objects.update(font_objects(5, {}))
    objects[7] = stream(cmap)
    return build(objects)


def encrypted_pdf(handler: bytes = b"/Unknown") -> bytes:
    """A PDF encrypted with a security handler pypdf does not know."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               4: b"<< /Filter " + handler + b" /V 1 /R 2 /O (x) /U (x) /P -4 >>"}
    return build(objects, trailer=b"/Encrypt 4 0 R /ID [<00> <00>] ")


def self_catalog_pdf() -> bytes:
    """A catalog whose /Pages is the catalog itself."""
    return build({1: b"<< /Type /Catalog /Pages 1 0 R /Kids [1 0 R] /Count 1 >>"})


def form_pdf(invocations: int, line: str, repeats: int) -> bytes:
    """One page drawing the same form XObject ``invocations`` times; the form shows ``repeats`` lines."""
    chars = sorted(set(line))
    codes = {c: n + 1 for n, c in enumerate(chars)}
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
               6: stream(show([line] * repeats, codes), compress=True,
                         extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                               b"/Resources << /Font << /F1 3 0 R >> >>"),
               7: (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                   b"/XObject << /Fm1 6 0 R >> >> /Contents 8 0 R >>"),
               8: stream(show([line], codes) + b"\n" + b"q /Fm1 Do Q\n" * invocations)}
    objects.update(font_objects(3, {n: c for c, n in codes.items()}))
    return build(objects)


def many_big_streams_pdf(parts: int, size: int) -> bytes:
    """A page whose /Contents is an array of ``parts`` distinct streams, each decoding to ``size`` bytes."""
    body = stream(b"%" + b"x" * (size - 1), compress=True)
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"}
    objects.update({10 + k: body for k in range(parts)})
    objects[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                  b"/Contents [" + b" ".join(b"%d 0 R" % (10 + k) for k in range(parts)) + b"] >>")
    return build(objects)
