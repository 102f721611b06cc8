#!/usr/bin/env python3
"""Writes a minimal .docx from a UTF-8 text file: each line a paragraph, and each run of lines
with tabs a Word table (cells split at tabs). Used to build the demo corpus's DOCX report.

    python3 tools/make_docx.py tools/demo-src/2019.txt corpora/bailu-fictional/2019.docx
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def table(rows):
    out = ['<w:tbl>']
    for row in rows:
        out.append('<w:tr>' + ''.join(f'<w:tc>{paragraph(c)}</w:tc>' for c in row) + '</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def main(src, dst):
    lines = open(src, encoding='utf-8').read().splitlines()
    body, rows = [], []
    for line in lines:
        if '\t' in line:
            rows.append(line.split('\t'))
            continue
        if rows:
            body.append(table(rows))
            rows = []
        body.append(paragraph(line))
    if rows:
        body.append(table(rows))
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/document.xml', document)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
