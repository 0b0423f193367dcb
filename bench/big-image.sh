#!/usr/bin/env bash
# Measures `stowage image` on a generated image of about 1.1 GiB against `gzip -dc` of its layers.
#
# Writes $OUT/big.tar once (bench/big-image.py: docker-archive, 5 gzip layers, 85,000 files,
# three 110 MiB files, whiteouts and an opaque directory), extracts its layer blobs, then runs,
# RUNS times in turn (so both see the same machine load):
#   gzip -dc LAYERS... > /dev/null                       (one core, the baseline)
#   ./stowage image --format json docker-archive:big.tar > /dev/null
# each under /usr/bin/time -v, and prints wall time, CPU time and peak RSS of every run and the
# median ratio. Needs python3, gzip, GNU time; the launcher builds the jar if needed.
#
# Environment: OUT (default /tmp/stowage-big-image), SIZE_MB (default 1100), RUNS (default 5),
# STOWAGE (checkout whose ./stowage runs; default this one).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${STOWAGE:-$(dirname "$here")}
out=${OUT:-/tmp/stowage-big-image}
size_mb=${SIZE_MB:-1100}
runs=${RUNS:-5}
image=$out/big.tar

mkdir -p "$out"
if [[ ! -f $image ]]; then
  python3 "$here/big-image.py" "$image" "$size_mb"
fi
if [[ ! -d $out/layers ]]; then
  mkdir -p "$out/layers.tmp"
  tar -xf "$image" -C "$out/layers.tmp"
  mv "$out/layers.tmp" "$out/layers"
fi
layers=("$out"/layers/*.tar.gz)

# One warm-up run builds the jar and the start-up cache outside the measurements.
"$root/stowage" image --format json "docker-archive:$image" >/dev/null

measure() { # label command... ; appends "label wall user sys rss" to $out/runs.tsv
  local label=$1 t
  shift
  t=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null
  printf '%s %s\n' "$label" "$(cat "$t")" >>"$out/runs.tsv"
  rm -f "$t"
}

: >"$out/runs.tsv"
for ((i = 1; i <= runs; i++)); do
  measure gzip gzip -dc "${layers[@]}"
  measure stowage "$root/stowage" image --format json "docker-archive:$image"
done

python3 - "$out/runs.tsv" "$image" <<'EOF'
import statistics, sys, os
rows = [l.split() for l in open(sys.argv[1])]
def col(label, i):
    return [float(r[i]) for r in rows if r[0] == label]
print("image: %s (%d MiB)" % (sys.argv[2], os.path.getsize(sys.argv[2]) >> 20))
print("%-8s %10s %10s %10s %12s" % ("", "wall s", "user s", "sys s", "peak RSS MB"))
for label in ("gzip", "stowage"):
    for r in rows:
        if r[0] == label:
            print("%-8s %10s %10s %10s %12.0f" % (label, r[1], r[2], r[3], int(r[4]) / 1024))
gz, st = statistics.median(col("gzip", 1)), statistics.median(col("stowage", 1))
print("median wall: gzip %.2f s, stowage %.2f s, ratio %.2f (target <= 1.3)" % (gz, st, st / gz))
print("peak RSS of stowage: max %.0f MB (target <= 512)" % (max(col("stowage", 4)) / 1024))
EOF
