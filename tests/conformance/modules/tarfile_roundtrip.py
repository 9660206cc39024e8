# tarfile (CPython's module): writing plain and gzip archives from files and
# memory, listing, reading members, extracting with the data filter,
# archives in memory, and what is not an archive.
import io, os, tarfile, tempfile, time
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    for name, data in [('a.txt', b'hello\n'), ('sub/b.bin', bytes(range(256)) * 10)]:
        with open(os.path.join(src, name), 'wb') as f:
            f.write(data)
    for mode, ext in [('w', 'tar'), ('w:gz', 'tar.gz'), ('w:', 'tar2')]:
        path = os.path.join(d, 'out.' + ext)
        with tarfile.open(path, mode) as tf:
            tf.add(src, arcname='src')
            info = tarfile.TarInfo('mem.txt')
            payload = b'from memory'
            info.size = len(payload)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(payload))
        print(mode, tarfile.is_tarfile(path))
        with tarfile.open(path) as tf:
            print(sorted(m.name for m in tf.getmembers()))
            print([(m.name, m.size, m.isdir(), m.isfile()) for m in sorted(tf.getmembers(), key=lambda m: m.name)])
            print(tf.extractfile('src/a.txt').read(), tf.extractfile('mem.txt').read())
            out = os.path.join(d, 'x' + ext)
            tf.extractall(out, filter='data')
            print(open(os.path.join(out, 'src/sub/b.bin'), 'rb').read() == bytes(range(256)) * 10)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as tf:
        tf.add(os.path.join(src, 'a.txt'), arcname='only.txt')
    buf.seek(0)
    with tarfile.open(fileobj=buf, mode='r:*') as tf:
        print(tf.getnames())
    try:
        tarfile.open(os.path.join(src, 'a.txt'))
    except tarfile.ReadError as e:
        print('ReadError', str(e).splitlines()[0])
