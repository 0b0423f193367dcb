#!/usr/bin/env python3
"""Writes a docker-archive (docker save layout, gzip layers) of about SIZE_MB uncompressed.

Used by bench/big-image.sh. Layers:
  0 base:     many small files under /usr (about 45 % of the size)
  1 models:   three large files under /opt/model (about 30 %)
  2 app:      small files under /app, deletes a tenth of the base's files (whiteouts)
              and empties /usr/share/doc (opaque directory)
  3 update:   overwrites some base files, deletes one model file, adds one large file
  4 config:   a few small files, nothing else
Content is random-ish: slices of a pool that is half random words, half base64 of random
bytes, so gzip compresses it about as much as binaries and text (ratio near 2). The same
seed gives the same archive.
"""
import gzip
import hashlib
import io
import json
import os
import random
import sys
import tarfile
import time
import base64

POOL_SIZE = 8 << 20


def make_pool(rng):
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10)))
        for _ in range(5000)
    ]
    out = bytearray()
    while len(out) < POOL_SIZE:
        if rng.random() < 0.5:
            out += " ".join(rng.choice(words) for _ in range(200)).encode() + b"\n"
        else:
            out += base64.b64encode(rng.randbytes(1500)) + b"\n"
    return bytes(out[:POOL_SIZE])


class Hashing(io.RawIOBase):
    """Hashes the tar stream (the diff_id) and passes it to gzip."""

    def __init__(self, sink):
        self.sink = sink
        self.sha = hashlib.sha256()
        self.size = 0

    def writable(self):
        return True

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        self.sink.write(b)
        return len(b)


def content(rng, pool, size):
    if size <= len(pool) // 2:
        start = rng.randrange(0, len(pool) - size)
        return pool[start : start + size]
    parts = []
    left = size
    while left > 0:
        n = min(left, 1 << 20)
        start = rng.randrange(0, len(pool) - n)
        parts.append(pool[start : start + n])
        left -= n
    return b"".join(parts)


class LayerWriter:
    def __init__(self, path, mtime):
        self.raw = open(path, "wb")
        self.gz = gzip.GzipFile(fileobj=self.raw, mode="wb", compresslevel=6, mtime=0)
        self.hashing = Hashing(self.gz)
        self.tar = tarfile.open(fileobj=self.hashing, mode="w|", format=tarfile.PAX_FORMAT)
        self.mtime = mtime
        self.dirs = set()

    def _dir(self, path):
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in self.dirs:
                self.dirs.add(d)
                info = tarfile.TarInfo(d + "/")
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                info.mtime = self.mtime
                self.tar.addfile(info)

    def file(self, path, data):
        self._dir(path)
        info = tarfile.TarInfo(path)
        info.size = len(data)
        info.mode = 0o644
        info.mtime = self.mtime
        self.tar.addfile(info, io.BytesIO(data))

    def empty(self, path):
        self.file(path, b"")

    def close(self):
        self.tar.close()
        self.gz.close()
        self.raw.close()
        return "sha256:" + self.hashing.sha.hexdigest(), self.hashing.size


def main():
    out = sys.argv[1]
    size_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 1100
    work = out + ".d"
    os.makedirs(work, exist_ok=True)
    rng = random.Random(42)
    pool = make_pool(rng)
    total = size_mb << 20

    def small_size():
        # Mostly small files, a few tens of kilobytes.
        return int(min(rng.lognormvariate(8.3, 1.2), 2 << 20))

    # Layer 0: base, about 45 % in small files.
    base_files = []
    w = LayerWriter(os.path.join(work, "layer0.tar.gz"), 1700000000)
    budget = int(total * 0.45)
    i = 0
    while budget > 0:
        p = "usr/%s/lib%04d/file%06d.%s" % (
            rng.choice(["lib", "share/doc", "share/locale", "bin", "include"]),
            i % 700,
            i,
            rng.choice(["so", "txt", "h", "mo", "py"]),
        )
        data = content(rng, pool, small_size())
        w.file(p, data)
        base_files.append(p)
        budget -= len(data)
        i += 1
    diff0 = w.close()

    # Layer 1: three large model files, 30 %.
    w = LayerWriter(os.path.join(work, "layer1.tar.gz"), 1700000100)
    big = int(total * 0.10)
    for n in range(3):
        w.file("opt/model/weights%d.bin" % n, content(rng, pool, big))
    diff1 = w.close()

    # Layer 2: app files (15 %), whiteouts of a tenth of the base, opaque /usr/share/doc.
    w = LayerWriter(os.path.join(work, "layer2.tar.gz"), 1700000200)
    budget = int(total * 0.15)
    i = 0
    while budget > 0:
        data = content(rng, pool, small_size())
        w.file("app/src/mod%03d/part%06d.js" % (i % 300, i), data)
        budget -= len(data)
        i += 1
    removed = [p for p in base_files if not p.startswith("usr/share/doc/")]
    rng.shuffle(removed)
    for p in removed[: len(base_files) // 10]:
        d, _, name = p.rpartition("/")
        w.empty(d + "/.wh." + name)
    w.empty("usr/share/doc/.wh..wh..opq")
    diff2 = w.close()

    # Layer 3: overwrite 5 % of the base, delete one model, add one large file.
    w = LayerWriter(os.path.join(work, "layer3.tar.gz"), 1700000300)
    kept = [p for p in base_files if not p.startswith("usr/share/doc/")]
    for p in kept[: len(kept) // 20]:
        w.file(p, content(rng, pool, small_size()))
    w.empty("opt/model/.wh.weights1.bin")
    w.file("opt/cache/archive.bin", content(rng, pool, int(total * 0.08)))
    diff3 = w.close()

    # Layer 4: configuration.
    w = LayerWriter(os.path.join(work, "layer4.tar.gz"), 1700000400)
    for n in range(20):
        w.file("etc/app/conf%02d.yaml" % n, content(rng, pool, 2000))
    diff4 = w.close()

    commands = [
        "/bin/sh -c #(nop) ADD file:0000 in / ",
        "COPY models/ /opt/model/ # buildkit",
        "RUN /bin/sh -c build-app && rm -rf /usr/share/doc # buildkit",
        "RUN /bin/sh -c update && rm /opt/model/weights1.bin # buildkit",
        "COPY conf/ /etc/app/ # buildkit",
    ]
    diffs = [diff0, diff1, diff2, diff3, diff4]
    history = []
    for n, c in enumerate(commands):
        history.append({"created": "2026-01-01T00:00:0%dZ" % n, "created_by": c})
        if n == 0:
            history.append({"created_by": '/bin/sh -c #(nop)  CMD ["sh"]', "empty_layer": True})
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {"Cmd": ["sh"]},
        "rootfs": {"type": "layers", "diff_ids": [d for d, _ in diffs]},
        "history": history,
    }
    config_bytes = json.dumps(config).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    with open(os.path.join(work, config_name), "wb") as f:
        f.write(config_bytes)
    names = []
    for n in range(5):
        src = os.path.join(work, "layer%d.tar.gz" % n)
        with open(src, "rb") as f:
            h = hashlib.sha256()
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        name = h.hexdigest() + ".tar.gz"
        os.replace(src, os.path.join(work, name))
        names.append(name)
    manifest = [{"Config": config_name, "RepoTags": ["big-image:bench"], "Layers": names}]
    with open(os.path.join(work, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as t:
        for name in ["manifest.json", config_name] + names:
            t.add(os.path.join(work, name), arcname=name)
    for name in ["manifest.json", config_name] + names:
        os.remove(os.path.join(work, name))
    os.rmdir(work)
    print(
        "wrote %s: %d layers, %d MiB uncompressed, %d MiB file"
        % (out, len(names), sum(s for _, s in diffs) >> 20, os.path.getsize(out) >> 20)
    )


if __name__ == "__main__":
    main()
