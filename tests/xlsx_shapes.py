# xlsx_shapes.py KIND OUT.xlsx [ARGS]: writes workbooks in the XML shapes Excel saves
# (as in the Excel-made reference files of libxlsxwriter's tests: shared strings with
# t="s", rich-text runs and _xHHHH_ escapes, phonetic runs, dates as serial numbers in a
# built-in or a custom date style, the 1900 and 1904 date systems, hidden rows of a
# filter, rows in sorted order, inline strings, booleans, formula strings), with Python's
# zipfile only. KIND:
#   edited ROWS.json [1904]  a Papers sheet: ROWS = [{"Key": ..., "Status": ..., "Date":
#                            "date:2024-03-05" | number, ...}], the first row's columns
#   bomb                     a sheet part that inflates 1000x (80 MiB of empty comments)
#   far-row, far-col, bad-xml, bad-string, long-cell   one bound or flaw each
import json, sys, zipfile, datetime

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')

def excel_text(s):
    # Excel escapes control characters as _xHHHH_ (a carriage return of a CRLF too)
    return ''.join('_x%04X_' % ord(c) if ord(c) < 0x20 and c not in '\t\n' else c for c in esc(s))

def col_name(c):
    n = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        n = chr(65 + r) + n
    return n

def package(out, sheet_xml, strings_xml=None, date1904=False, sheet_name='Papers'):
    z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
               '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               '</Types>')
    z.writestr('_rels/.rels', HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>')
    # Excel lists the sheets in tab order; the Papers sheet is the second, its part sheet2.xml
    z.writestr('xl/workbook.xml', HEAD + '<workbook xmlns="%s" xmlns:r="%s"><fileVersion appName="xl" lastEdited="5" '
               'lowestEdited="5" rupBuild="9303"/><workbookPr %sdefaultThemeVersion="124226"/><bookViews><workbookView '
               'xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660" activeTab="1"/></bookViews><sheets>'
               '<sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="%s" sheetId="2" r:id="rId2"/></sheets>'
               '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>' % (NS, R_NS, 'date1904="1" ' if date1904 else '', esc(sheet_name)))
    z.writestr('xl/_rels/workbook.xml.rels', HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
               '</Relationships>')
    # cellXfs: 0 General, 1 built-in date 14, 2 a custom date format, 3 wrapped text
    z.writestr('xl/styles.xml', HEAD + '<styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" '
               'formatCode="yyyy\\-mm\\-dd;@"/></numFmts><fonts count="1"><font><sz val="11"/><color theme="1"/>'
               '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill>'
               '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
               '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
               '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
               '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
               '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
               '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
               '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>'
               '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
               '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
               '</styleSheet>' % NS)
    z.writestr('xl/worksheets/sheet1.xml', HEAD + '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr">'
               '<is><t>Summary</t></is></c></row></sheetData></worksheet>' % NS)
    z.writestr('xl/worksheets/sheet2.xml', sheet_xml)
    if strings_xml is not None:
        z.writestr('xl/sharedStrings.xml', strings_xml)
    z.close()

def sheet(rows_xml, dim='A1'):
    return (HEAD + '<worksheet xmlns="%s" xmlns:r="%s"><sheetPr filterMode="1"/><dimension ref="%s"/><sheetViews>'
            '<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>%s</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
            % (NS, R_NS, dim, rows_xml))

def edited(out, rows, date1904):
    cols = list(rows[0].keys())
    strings, index = [], {}
    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]
    epoch = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    xml = ['<row r="1" spans="1:%d">' % len(cols)]
    xml += ['<c r="%s1" t="s"><v>%d</v></c>' % (col_name(c), sst(h)) for c, h in enumerate(cols)]
    xml.append('</row>')
    # rows sorted by key, descending (a sorted sheet); every third one hidden (a filter)
    body = sorted(rows[1:], key=lambda r: r.get('Key', ''), reverse=True)
    for i, r in enumerate(body):
        n = i + 2
        xml.append('<row r="%d" spans="1:%d"%s>' % (n, len(cols), ' hidden="1"' if i % 3 == 2 else ''))
        for c, h in enumerate(cols):
            v = r.get(h)
            ref = col_name(c) + str(n)
            if v is None or v == '':
                continue
            if isinstance(v, bool):
                xml.append('<c r="%s" t="b"><v>%d</v></c>' % (ref, v))
            elif isinstance(v, (int, float)):
                xml.append('<c r="%s"><v>%s</v></c>' % (ref, repr(v)))
            elif v.startswith('date:'):
                y, m, d = map(int, v[5:].split('-'))
                xml.append('<c r="%s" s="%d"><v>%d</v></c>' % (ref, 1 + (n % 2), (datetime.date(y, m, d) - epoch).days))
            elif v.startswith('inline:'):
                xml.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, excel_text(v[7:])))
            elif v.startswith('formula:'):
                xml.append('<c r="%s" t="str"><f>"%s"</f><v>%s</v></c>' % (ref, esc(v[8:]), esc(v[8:])))
            else:
                xml.append('<c r="%s" s="3" t="s"><v>%d</v></c>' % (ref, sst(v)))
        xml.append('</row>')
    si = []
    for s in strings:
        if '|' in s and not s.startswith('|'):   # a rich-text string: two runs, the second bold
            a, b = s.split('|', 1)
            si.append('<si><r><t xml:space="preserve">%s</t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr>'
                      '<t xml:space="preserve">%s</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>'
                      % (excel_text(a), excel_text(b)))
        else:
            si.append('<si><t%s>%s</t></si>' % (' xml:space="preserve"' if s != s.strip() else '', excel_text(s)))
    strings_xml = HEAD + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (NS, len(strings), len(strings), ''.join(si))
    package(out, sheet(''.join(xml), 'A1:%s%d' % (col_name(len(cols) - 1), len(rows))), strings_xml, date1904)

kind, out = sys.argv[1], sys.argv[2]
if kind == 'edited':
    edited(out, json.load(open(sys.argv[3])), len(sys.argv) > 4 and sys.argv[4] == '1904')
elif kind == 'bomb':
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Key</t></is></c></row>' + '<!---->' * (12 << 20)
    package(out, sheet(rows))
else:
    head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Key</t></is></c></row>'
    body = {'far-row': '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
            'far-col': '<row r="2"><c r="XFE2"><v>1</v></c></row>',
            'bad-xml': '<row r="2"><c r="A2"><v>1</v></row>',
            'bad-string': '<row r="2"><c r="A2" t="s"><v>7</v></c></row>',
            'long-cell': '<row r="2"><c r="A2" t="inlineStr"><is><t>%s</t></is></c></row>' % ('x' * 70000)}[kind]
    package(out, sheet(head + body), HEAD + '<sst xmlns="%s" count="1" uniqueCount="1"><si><t>Key</t></si></sst>' % NS)
