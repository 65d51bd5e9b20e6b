#!/usr/bin/env python3
# Usage: python3 scripts/gen_html_tables.py HTMLparser.c > cleaner/src/html/html_tables.cc
# Writes cleaner/src/html/html_tables.cc from libxml2 2.9.14's HTMLparser.c tables.
import re, sys
src = open(sys.argv[1]).read()
el = src[src.index('html40ElementTable[] = {'):src.index('typedef struct {\n    const char *oldTag')]
elems = {}
for m in re.finditer(r'\{\s*"([a-z0-9]+)",\s*(\d),\s*(\d),\s*(\d),\s*(\d),', el):
    elems[m.group(1)] = m.group(5) == '1'
sc = src[src.index('htmlStartClose[] = {'):src.index('htmlNoContentElements')]
pairs = re.findall(r'\{ "([a-z0-9]+)", "([a-z0-9]+)" \}', sc)
pcdata = re.findall(r'"([a-z0-9]+)"', src[src.index('allowPCData[] = {'):src.index('};', src.index('allowPCData[] = {'))])
en = src[src.index('html40EntitiesTable[] = {'):]
en = en[:en.index('};')]
ents = re.findall(r'\{\s*(\d+),\s*"([A-Za-z0-9]+)"', en)
prio = dict(div=150, td=160, th=160, tr=170, thead=180, tbody=180, tfoot=180, table=190, head=200, body=200, html=220)
names = sorted(set(elems) | {a for p in pairs for a in p} | set(pcdata))
idx = {n: i for i, n in enumerate(names)}
out = []
w = out.append
w('// libxml2 2.9.14\'s HTML tables (HTMLparser.c: html40ElementTable, htmlStartClose,')
w('// htmlEndPriority, allowPCData, html40EntitiesTable), as data for the native')
w('// parse. Written by a script from that file; edit the script, not the lists.')
w('// libxml2 is Copyright (C) 1998-2012 Daniel Veillard, under the MIT licence.')
w('#include "html/html_tables.h"')
w('')
w('namespace newsclean {')
w('')
w('const KnownTag kKnownTags[] = {')
for n in names:
    closes = sorted(idx[new] for old, new in pairs if old == n)
    mask = [0, 0]
    for c in closes:
        mask[c // 64] |= 1 << (c % 64)
    w('    {"%s", %s, %s, %d, {0x%xull, 0x%xull}},' % (
        n, 'true' if elems.get(n) else 'false', 'true' if n in pcdata else 'false',
        prio.get(n, 100), mask[0], mask[1]))
w('};')
w('const std::size_t kKnownTagCount = sizeof kKnownTags / sizeof kKnownTags[0];')
w('')
w('const NamedChar kNamedChars[] = {')
for v, n in sorted(ents, key=lambda e: e[1]):
    w('    {"%s", %s},' % (n, v))
w('};')
w('const std::size_t kNamedCharCount = sizeof kNamedChars / sizeof kNamedChars[0];')
w('')
w('}  // namespace newsclean')
assert len(names) <= 128, len(names)
print('\n'.join(out))
