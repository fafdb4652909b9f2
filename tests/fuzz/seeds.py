#!/usr/bin/env python3
"""seeds.py OUT_DIR SHARED_DIR ROOT — build the fuzzers' seed corpora.

Run by run.sh before each fuzzing round. Seeds come from the repository's own
test pages and messages (tests/pages, examples, tests/fuzz/*.txt) and, when
SHARED_DIR is present, from a sample of the shared corpus pages. Nothing from
SHARED_DIR is ever written into the repository: seeds go to OUT_DIR.
"""
import gzip
import hashlib
import json
import os
import re
import struct
import sys

MAX_PAGE = 64 * 1024     # bigger pages make each run slow without new paths
SHARED_PAGES = 120       # a sample is enough to seed the structure


def write(out, target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def frame(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj, separators=(',', ':')).encode()
    return struct.pack('=I', len(body)) + body


def repo_pages(root):
    for base in ('examples', 'tests/pages'):
        for dirpath, _, files in os.walk(os.path.join(root, base)):
            for f in sorted(files):
                if f.endswith('.html'):
                    yield open(os.path.join(dirpath, f), 'rb').read()


def shared_pages(shared):
    paths = []
    for dirpath, _, files in os.walk(os.path.join(shared, 'corpus')):
        for f in files:
            if f.endswith(('.html', '.html.gz')) and f != 'expected.html':
                paths.append(os.path.join(dirpath, f))
    paths.sort()
    step = max(1, len(paths) // (SHARED_PAGES * 3))
    taken = 0
    for p in paths[::step]:
        data = open(p, 'rb').read()
        if p.endswith('.gz'):
            data = gzip.decompress(data)
        if len(data) <= MAX_PAGE:
            taken += 1
            yield data
        if taken >= SHARED_PAGES:
            break


def main():
    out, shared, root = sys.argv[1:4]
    here = os.path.join(root, 'tests', 'fuzz')
    pages = [p[:MAX_PAGE] for p in repo_pages(root)]
    if os.path.isdir(os.path.join(shared, 'corpus')):
        pages += list(shared_pages(shared))
    else:
        print('seeds: %s not found, using the repository pages only' % shared)

    messages = [line.strip().encode() for line in open(os.path.join(here, 'native-messages.txt'))
                if line.strip() and not line.startswith('#')]
    for i, page in enumerate(pages):
        write(out, 'extract', bytes([0x87 if i % 2 else 0x07]) + page)
        write(out, 'encoding', b'\x00' + page)
        write(out, 'bypass', page[:16384])
        title = re.search(rb'<title[^>]*>(.*?)</title>', page, re.S | re.I)
        if title:
            write(out, 'filename', title.group(1)[:300])
        for href in re.findall(rb'href="([^"]{1,200})"', page)[:5]:
            write(out, 'url', b'https://example.org/a/b/c.html?x=1\n' + href)
        if i < 40:
            text = page.decode('utf-8', 'replace')
            write(out, 'native', frame({'id': i, 'type': 'extract', 'html': text,
                                        'url': 'https://example.org/p',
                                        'formats': ['text', 'html', 'markdown']}))
    # The same text in other encodings, with and without a BOM or <meta>.
    sample = ('<html><head><title>Caf\u00e9 \u65e5\u672c \u0416</title></head><body><p>'
              'Caf\u00e9 cr\u00e8me, \u65e5\u672c\u8a9e\u306e\u6587\u7ae0, \u0416\u0443\u0440\u043d\u0430\u043b'
              '</p></body></html>')
    for codec, label in (('utf-16-le', 'utf-16le'), ('utf-16-be', 'utf-16be'),
                         ('shift_jis', 'shift_jis'), ('euc_jp', 'euc-jp'),
                         ('gb18030', 'gb18030'), ('cp1251', 'windows-1251'),
                         ('koi8_r', 'koi8-r'), ('iso2022_jp', 'iso-2022-jp')):
        body = sample.encode(codec, 'replace')
        meta = ('<meta charset="%s">' % label).encode(codec, 'replace')
        for data in (body, meta + body, b'\xff\xfe' + body, b'\xfe\xff' + body):
            write(out, 'encoding', b'\x00' + data)
            write(out, 'extract', b'\x07' + data)
    # Requests from the protocol tests, alone and as one stream.
    stream = b''
    for m in messages:
        write(out, 'native', frame(m))
        write(out, 'request', m)
        stream += frame(m)
    write(out, 'native', stream)
    write(out, 'native', struct.pack('=I', 0xFFFFFFFF) + b'{"id":1')
    for line in open(os.path.join(here, 'url-pairs.txt'), 'rb'):
        if line.strip() and not line.startswith(b'#'):
            write(out, 'url', line.rstrip(b'\n').replace(b'\t', b'\n', 1))
    for line in open(os.path.join(here, 'titles.txt'), 'rb'):
        if line.strip() and not line.startswith(b'#'):
            write(out, 'filename', line.rstrip(b'\n'))


if __name__ == '__main__':
    main()
