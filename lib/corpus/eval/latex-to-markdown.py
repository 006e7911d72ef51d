"""Converts the Mueller report's LaTeX (iandennismiller/mueller-report) to Markdown with pandoc-style notes.
Markup only: \\footnote{} -> [^N] with the definition under "## Notes"; \\textit{} -> *...*; LaTeX quote and dash
ligatures, ~, \\S, \\_, \\@, \\dots to their characters. The words are not touched."""
import re, sys

def inline(s):
    s = re.sub(r'\\textit\{([^{}]*)\}', r'*\1*', s)
    s = s.replace('\\null', '').replace('\\dots\\ ', '… ').replace('\\dots', '…')
    s = s.replace('\\S~', '§ ').replace('\\_', '_').replace('\\@', '@').replace('\\&', '&').replace('.\\ ', '. ')
    s = s.replace('``', '“').replace("''", '”').replace('---', '—').replace('--', '–').replace('~', ' ')
    assert '\\' not in s, s[max(0, s.index('\\') - 40): s.index('\\') + 40]
    return s

src = open(sys.argv[1]).read()
notes = []
out = []
i = 0
pat = re.compile(r'%\s*(\d+)\s*\n\\footnote\{')
while True:
    m = pat.search(src, i)
    if not m:
        out.append(src[i:]); break
    out.append(src[i:m.start()])
    n = m.group(1)
    depth, j = 1, m.end()
    while depth:
        if src[j] == '{': depth += 1
        elif src[j] == '}': depth -= 1
        j += 1
    body = src[m.end():j - 1]
    notes.append((n, ' '.join(l.strip() for l in body.split('\n'))))
    out.append(f'[^{n}]')
    i = j
text = ''.join(out)
paras = []
for block in re.split(r'\n\s*\n', text):
    block = block.strip()
    if not block: continue
    h = re.match(r'\\subsubsection\{(.*)\}$', block)
    if h: paras.append('### ' + inline(h.group(1))); continue
    paras.append(inline(' '.join(l.strip() for l in block.split('\n'))))
md = '\n\n'.join(paras) + '\n\n## Notes\n\n' + '\n\n'.join(f'[^{n}]: {inline(b)}' for n, b in notes) + '\n'
sys.stdout.write(md)
