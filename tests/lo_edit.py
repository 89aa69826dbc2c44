# lo_edit.py IN.xlsx OUT.xlsx EDITS.json: edits the Papers sheet of a workbook in
# LibreOffice (headless, through its UNO API: the program a reading group would use) and
# saves it as Excel 2007+ XML, as a user does. EDITS: {"cells": [[key, column, value]],
# "rekey": [[old, new]], "sort": column, "filter": [column, value]}: a cell of the row
# with that Key (a column not there is added after the last one; "date:YYYY-MM-DD" is a
# real date, a number a number, null clears); a Key changed; the rows sorted by a column,
# descending; the rows whose column is not value hidden by a standard filter.
import json, os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

src, dst, edits = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), json.load(open(sys.argv[3]))
profile = tempfile.mkdtemp(prefix='lo-profile-')
pipe = 'litsurvey_lo_%d' % os.getpid()
office = subprocess.Popen(['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
                           '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
                           '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            time.sleep(0.25)
    else:
        sys.exit('LibreOffice did not start')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
    sheet = doc.Sheets.getByName('Papers')
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    ncol, nrow = cursor.RangeAddress.EndColumn + 1, cursor.RangeAddress.EndRow + 1
    head = [sheet.getCellByPosition(c, 0).getString() for c in range(ncol)]
    keycol = head.index('Key')
    rows = {sheet.getCellByPosition(keycol, r).getString(): r for r in range(1, nrow)}
    formats = doc.NumberFormats
    locale = uno.createUnoStruct('com.sun.star.lang.Locale')
    datefmt = formats.queryKey('YYYY-MM-DD', locale, False)
    if datefmt == -1:
        datefmt = formats.addNew('YYYY-MM-DD', locale)
    for key, column, value in edits.get('cells', []):
        if column not in head:
            head.append(column)
            sheet.getCellByPosition(len(head) - 1, 0).setString(column)
        cell = sheet.getCellByPosition(head.index(column), rows[key])
        if value is None:
            cell.setString('')
        elif isinstance(value, (int, float)):
            cell.setValue(value)
        elif value.startswith('date:'):
            y, m, d = map(int, value[5:].split('-'))
            import datetime
            cell.setValue((datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days)
            cell.NumberFormat = datefmt
        else:
            cell.setString(value)
    for old, new in edits.get('rekey', []):
        sheet.getCellByPosition(keycol, rows[old]).setString(new)
    whole = sheet.getCellRangeByPosition(0, 0, len(head) - 1, nrow - 1)
    if 'sort' in edits:
        field = uno.createUnoStruct('com.sun.star.table.TableSortField')
        field.Field = head.index(edits['sort'])
        field.IsAscending = False
        whole.sort((prop('ContainsHeader', True), prop('SortFields', uno.Any('[]com.sun.star.table.TableSortField', (field,)))))
    if 'filter' in edits:
        column, value = edits['filter']
        desc = whole.createFilterDescriptor(True)
        f = uno.createUnoStruct('com.sun.star.sheet.TableFilterField')
        f.Field = head.index(column)
        f.Operator = uno.Enum('com.sun.star.sheet.FilterOperator', 'EQUAL')
        f.IsNumeric = False
        f.StringValue = value
        desc.FilterFields = (f,)
        desc.ContainsHeader = True
        whole.filter(desc)
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()
    subprocess.run(['rm', '-rf', profile])
