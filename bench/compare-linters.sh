#!/usr/bin/env bash
# Whole-process speed and reliability comparison: `stowage lint` against the Node
# linters dockerfilelint and dockerfile-utils (npm, versions pinned in bench/node/).
#
#   bench/compare-linters.sh            # everything (about 30 minutes on 2 cores at 71ecaf0)
#   SKIP_RELIABILITY=1 bench/compare-linters.sh
#   SKIP_TIMING=1 bench/compare-linters.sh
#
# Environment:
#   STOWAGE          Stowage checkout to run (its ./stowage launcher); default: the
#                    checkout this script sits in
#   FIXTURES         folder with official/ (default /work/shared/fixtures/dockerfiles,
#                    else ../shared/fixtures/dockerfiles beside the checkout)
#   BUILDKIT_FIXTURES buildkit-parser fixtures for the reliability edge set (optional)
#   OUT              work and result folder (default /tmp/stowage-linter-compare)
#   RUNS, WARMUP     hyperfine runs / warm-ups for one-process commands (5 / 1)
#   LOOP_RUNS        hyperfine runs for the per-file dockerfile-utils loop on the
#                    official corpus (3); LOOP_LARGE_RUNS the same on the large corpus (1,
#                    one run is about 5 minutes; 0 skips it)
#   LARGE_RUNS, LARGE_WARMUP  the same for the large corpus (default RUNS / WARMUP)
#   REPEAT           copies of the official corpus in the large corpus (7)
#   SERVER           1 (default): also time `stowage lint` through the launcher's warm
#                    server (docs/server.md; started here, stopped when idle); 0 skips it.
#                    Every other stowage run is one-shot (STOWAGE_SERVER=off).
#   SERVER_WARM_RUNS lints of the large corpus through the server before the timings
#                    (0; the server warms up on its first command, see docs/server.md)
#
# Network: only `npm ci` (the npm registry), and only when bench/node/node_modules is
# missing or incomplete. Results: $OUT/results.md (also printed), $OUT/*.json (hyperfine),
# $OUT/reliability/*.tsv.
set -euo pipefail

die() {
  printf 'compare-linters: %s\n' "$1" >&2
  exit 1
}
log() { printf '== %s\n' "$*" >&2; }

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
STOWAGE=${STOWAGE:-$repo}
STOWAGE=$(cd "$STOWAGE" 2>/dev/null && pwd) || die "STOWAGE is not a folder: ${STOWAGE}"
stowage=$STOWAGE/stowage
[[ -x $stowage ]] || die "no executable launcher at $stowage (set STOWAGE to a Stowage checkout)"

if [[ -z ${FIXTURES:-} ]]; then
  for c in /work/shared/fixtures/dockerfiles "$repo/../shared/fixtures/dockerfiles"; do
    if [[ -d $c/official ]]; then FIXTURES=$c; break; fi
  done
fi
[[ -n ${FIXTURES:-} && -d $FIXTURES/official ]] \
  || die "cannot find the official Dockerfile fixtures; set FIXTURES to the folder holding official/"
FIXTURES=$(cd "$FIXTURES" && pwd)
BUILDKIT_FIXTURES=${BUILDKIT_FIXTURES:-$FIXTURES/../buildkit-parser}

OUT=${OUT:-/tmp/stowage-linter-compare}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
LOOP_RUNS=${LOOP_RUNS:-3}
LOOP_LARGE_RUNS=${LOOP_LARGE_RUNS:-1}
REPEAT=${REPEAT:-7}
LARGE_RUNS=${LARGE_RUNS:-$RUNS}
LARGE_WARMUP=${LARGE_WARMUP:-$WARMUP}
SERVER=${SERVER:-1}
SERVER_WARM_RUNS=${SERVER_WARM_RUNS:-0}
mkdir -p "$OUT"
# One-shot JVMs unless a command asks for the warm server (the `stowage-server` rows).
export STOWAGE_SERVER=off

# --- tools ------------------------------------------------------------------------
for t in node npm hyperfine bash find sort; do
  command -v "$t" >/dev/null 2>&1 || die "missing tool: $t (install it first; hyperfine is the Debian package 'hyperfine')"
done
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 \
  || die "missing GNU time at /usr/bin/time (Debian package 'time')"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 18)) || die "Node 18+ needed, found $(node --version)"

nm=$bench/node/node_modules
dfl=$nm/.bin/dockerfilelint
du=$nm/.bin/dockerfile-utils
if [[ ! -x $dfl || ! -x $du || ! -f $nm/.package-lock.json ]] \
  || ! cmp -s <(node -p "JSON.stringify(require('$bench/node/package.json').dependencies)") \
              <(node -p "const l=require('$nm/.package-lock.json').packages; JSON.stringify({'dockerfile-utils': (l['node_modules/dockerfile-utils']||{}).version, 'dockerfilelint': (l['node_modules/dockerfilelint']||{}).version})"); then
  log "installing the pinned Node linters (npm ci in bench/node)"
  (cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed in $bench/node"
fi
[[ -x $dfl && -x $du ]] || die "npm ci did not install dockerfilelint and dockerfile-utils"
dfl_version=$(node -p "require('$nm/dockerfilelint/package.json').version")
du_version=$(node -p "require('$nm/dockerfile-utils/package.json').version")

log "building / warming up stowage ($STOWAGE)"
warm=$(mktemp)
printf 'FROM alpine:3.19\nRUN echo ok\n' >"$warm"
set +e
"$stowage" lint --no-shellcheck --format json "$warm" >/dev/null 2>"$OUT/warmup.err"
rc=$?
set -e
rm -f "$warm"
((rc == 0 || rc == 1)) || die "stowage warm-up run failed (exit $rc): $(head -c 2000 "$OUT/warmup.err")"
rm -f "$OUT/warmup.err"
stowage_version=$("$stowage" --version 2>/dev/null | head -1 || true)
stowage_commit=$(git -C "$STOWAGE" rev-parse --short HEAD 2>/dev/null || echo unknown)
java_version=$(STOWAGE_ROOT=$STOWAGE bash -c 'source "$STOWAGE_ROOT/scripts/lib/find-java.sh" && stowage_find_java \
  && "$STOWAGE_FOUND_JAVA_HOME/bin/java" -version 2>&1 | head -1' 2>/dev/null || echo "java: unknown")

# --- corpora ----------------------------------------------------------------------
corpus=$OUT/corpus
rm -rf "$corpus"
mkdir -p "$corpus/official" "$corpus/large" "$corpus/edge" "$OUT"
log "building corpora under $corpus"
src=$FIXTURES/official
i=0
: >"$corpus/official.map.tsv"
while IFS= read -r -d '' f; do
  i=$((i + 1))
  name=$(printf '%03d.Dockerfile' "$i")
  cp -- "$f" "$corpus/official/$name"
  printf '%s\t%s\n' "$name" "${f#"$src"/}" >>"$corpus/official.map.tsv"
done < <(find "$src" -type f ! -path "$src/templates/*" ! -name README.md ! -name manifest.tsv -print0 | LC_ALL=C sort -z)
n_official=$i
((n_official > 0)) || die "no files found under $src"
n=0
for ((k = 1; k <= REPEAT; k++)); do
  for f in "$corpus"/official/*.Dockerfile; do
    n=$((n + 1))
    cp -- "$f" "$corpus/large/$(printf '%04d.Dockerfile' "$n")"
  done
done
n_large=$n
# Reliability-only edge set: BuildKit's parser test files and bench/edge-cases.
: >"$corpus/edge.map.tsv"
e=0
add_edge() { # FILE LABEL
  e=$((e + 1))
  local name
  name=$(printf 'e%02d.Dockerfile' "$e")
  cp -- "$1" "$corpus/edge/$name"
  printf '%s\t%s\n' "$name" "$2" >>"$corpus/edge.map.tsv"
}
if [[ -d $BUILDKIT_FIXTURES ]]; then
  while IFS= read -r -d '' f; do
    add_edge "$f" "buildkit-parser/${f#"$BUILDKIT_FIXTURES"/}"
  done < <(find "$BUILDKIT_FIXTURES" -type f -name Dockerfile -print0 | LC_ALL=C sort -z)
fi
for f in "$bench"/edge-cases/*.Dockerfile; do
  [[ -f $f ]] && add_edge "$f" "bench/edge-cases/${f##*/}"
done
n_edge=$e
log "official: $n_official files; large: $n_large files; edge: $n_edge files"

# --- timing -----------------------------------------------------------------------
q() { printf '%q' "$1"; }
batch_js=$bench/dockerfile-utils-batch.js
rss_kib() { # COMMAND... -> peak RSS in KiB of one run (largest process in the tree)
  local err
  err=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$err" || true
  awk -F': ' '/Maximum resident set size/ {print $2}' "$err"
  rm -f "$err"
}

if [[ -z ${SKIP_TIMING:-} ]]; then
  biggest=$(ls -S "$corpus/official" | head -1)
  for c in official large; do
    dir=$corpus/$c
    if [[ $c == official ]]; then
      loop_runs=$LOOP_RUNS runs=$RUNS warmup=$WARMUP
    else
      loop_runs=$LOOP_LARGE_RUNS runs=$LARGE_RUNS warmup=$LARGE_WARMUP
    fi
    log "timing on the $c corpus"
    server_cmd=()
    if ((SERVER)); then
      # The first call starts the server, which then warms up on that command for about 30 s
      # (docs/server.md, "Warm-up"); SERVER_WARM_RUNS more served lints of the large corpus
      # can follow; hyperfine's warm-up runs (at least 5) come on top.
      STOWAGE_SERVER=on CI='' "$stowage" lint --no-shellcheck --format json "$dir" >/dev/null || true
      sleep 40
      if [[ $c == official ]]; then
        for ((i = 0; i < SERVER_WARM_RUNS; i++)); do
          STOWAGE_SERVER=on CI='' "$stowage" lint --no-shellcheck --format json "$corpus/large" >/dev/null || true
        done
      fi
      server_cmd=(--command-name stowage-server
        "STOWAGE_SERVER=on CI= $(q "$stowage") lint --no-shellcheck --format json $(q "$dir") >/dev/null")
      ((warmup >= 5)) || warmup=5
    fi
    hyperfine --style basic --shell bash -i --warmup "$warmup" --runs "$runs" \
      --export-json "$OUT/time-$c-batch.json" \
      "${server_cmd[@]}" \
      -n stowage "$(q "$stowage") lint --no-shellcheck --format json $(q "$dir") >/dev/null" \
      -n dockerfilelint "cd $(q "$dir") && $(q "$dfl") -o json ./*.Dockerfile >/dev/null" \
      -n dockerfile-utils-api "cd $(q "$dir") && node $(q "$batch_js") ./*.Dockerfile >/dev/null" >&2
    ((loop_runs > 0)) || continue
    hyperfine --style basic --shell bash -i --warmup 0 --runs "$loop_runs" \
      --export-json "$OUT/time-$c-loop.json" \
      -n dockerfile-utils-loop "cd $(q "$dir") && for f in ./*.Dockerfile; do $(q "$du") lint \"\$f\" >/dev/null || true; done" >&2
  done
  log "peak memory (GNU time -v)"
  {
    for c in official large; do
      dir=$corpus/$c
      printf 'stowage\t%s\t%s\n' "$c" "$(rss_kib "$stowage" lint --no-shellcheck --format json "$dir")"
      if ((SERVER)); then
        # The client process (the launcher's JVM); the server's own memory is not counted.
        printf 'stowage-server\t%s\t%s\n' "$c" \
          "$(STOWAGE_SERVER=on CI='' rss_kib "$stowage" lint --no-shellcheck --format json "$dir")"
      fi
      printf 'dockerfilelint\t%s\t%s\n' "$c" "$(cd "$dir" && rss_kib "$dfl" -o json ./*.Dockerfile)"
      printf 'dockerfile-utils-api\t%s\t%s\n' "$c" "$(cd "$dir" && rss_kib node "$batch_js" ./*.Dockerfile)"
      # The loop's peak is one process: measure it on the largest file.
      printf 'dockerfile-utils-loop\t%s\t%s\n' "$c" "$(rss_kib "$du" lint "$corpus/official/$biggest")"
    done
  } >"$OUT/rss.tsv"
fi

# --- reliability ------------------------------------------------------------------
# classify TOOL RC STDERR-FILE -> ok | syntax | crash
classify() {
  local tool=$1 rc=$2 err=$3
  case $tool in
    stowage)
      if grep -qE '^(Exception in thread|[[:space:]]+at [a-zA-Z_$][[:alnum:]_$.]*\()|(Exception|Error)(: |$)' "$err"; then
        echo crash
      elif ((rc == 0 || rc == 1)); then echo ok
      elif ((rc == 2)); then echo syntax
      else echo crash; fi
      ;;
    *)
      # Node: an uncaught exception prints "XxxError: ..." and a stack ("    at ...").
      # dockerfilelint exits with the issue count (mod 256); dockerfile-utils with 1
      # when a diagnostic is an error; both print findings on stdout.
      if grep -qE '(^|[[:space:]])[A-Za-z]*Error:|^[[:space:]]+at .*\(.*:[0-9]+:[0-9]+\)' "$err" || ((rc >= 128)); then
        echo crash
      else echo ok; fi
      ;;
  esac
}
error_line() { # first telling line of a stderr file
  grep -m1 -E '[A-Za-z]*(Error|Exception)\b' "$1" 2>/dev/null || head -1 "$1"
}

if [[ -z ${SKIP_RELIABILITY:-} ]]; then
  rel=$OUT/reliability
  rm -rf "$rel"
  mkdir -p "$rel"
  errf=$(mktemp)
  for set in official edge; do
    for tool in stowage dockerfilelint dockerfile-utils; do
      log "reliability: $tool, one process per file, $set set"
      out=$rel/$tool-$set.tsv
      : >"$out"
      for f in "$corpus/$set"/*.Dockerfile; do
        set +e
        case $tool in
          stowage) "$stowage" lint --no-shellcheck --format json "$f" >/dev/null 2>"$errf" ;;
          dockerfilelint) (cd "$corpus/$set" && "$dfl" "${f##*/}") >/dev/null 2>"$errf" ;;
          dockerfile-utils) "$du" lint "$f" >/dev/null 2>"$errf" ;;
        esac
        rc=$?
        set -e
        class=$(classify "$tool" "$rc" "$errf")
        line=""
        [[ $class == ok ]] || line=$(error_line "$errf" | tr '\t' ' ' | cut -c1-200)
        printf '%s\t%s\t%s\t%s\n' "${f##*/}" "$rc" "$class" "$line" >>"$out"
      done
    done
  done
  rm -f "$errf"
fi

# --- report -----------------------------------------------------------------------
results=$OUT/results.md
OUT=$OUT N_OFFICIAL=$n_official N_LARGE=$n_large N_EDGE=$n_edge \
STOWAGE_VERSION="$stowage_version ($stowage_commit)" DFL_VERSION=$dfl_version DU_VERSION=$du_version \
JAVA_VERSION=$java_version CORPUS=$corpus node - >"$results" <<'EOF'
const fs = require('fs');
const path = require('path');
const env = process.env;
const out = env.OUT;
const lines = [];
const p = (s = '') => lines.push(s);
const read = f => { try { return fs.readFileSync(path.join(out, f), 'utf8'); } catch { return null; } };
p(`Date: ${new Date().toISOString().slice(0, 10)}; ${require('os').cpus().length} CPUs; Node ${process.version}; ${env.JAVA_VERSION}`);
p(`Versions: stowage ${env.STOWAGE_VERSION}; dockerfilelint ${env.DFL_VERSION}; dockerfile-utils ${env.DU_VERSION}`);
p();
const rss = {};
for (const l of (read('rss.tsv') || '').split('\n').filter(Boolean)) {
  const [tool, corpus, kib] = l.split('\t');
  rss[`${tool}/${corpus}`] = kib ? `${(Number(kib) / 1024).toFixed(0)} MiB` : 'n/a';
}
const label = {
  'stowage': 'stowage lint (1 process, one-shot JVM)',
  'stowage-server': 'stowage lint through the warm server (client process; peak RSS of the client)',
  'dockerfilelint': 'dockerfilelint (1 process, all files as arguments)',
  'dockerfile-utils-loop': 'dockerfile-utils lint (1 process per file, shell loop)',
  'dockerfile-utils-api': 'dockerfile-utils library API (1 Node process, bench script)',
};
const rows = [];
for (const corpus of ['official', 'large']) {
  const n = Number(corpus === 'official' ? env.N_OFFICIAL : env.N_LARGE);
  const res = [];
  for (const kind of ['batch', 'loop']) {
    const j = read(`time-${corpus}-${kind}.json`);
    if (j) res.push(...JSON.parse(j).results);
  }
  const base = res.find(r => r.command === 'stowage');
  for (const name of ['stowage-server', 'stowage', 'dockerfilelint', 'dockerfile-utils-loop', 'dockerfile-utils-api']) {
    const r = res.find(x => x.command === name);
    if (!r) continue;
    const sd = r.stddev == null ? 'n/a' : r.stddev.toFixed(3);
    rows.push(`| ${label[name]} | ${corpus} (${n}) | ${r.mean.toFixed(3)} ± ${sd} (${r.times.length} runs) | ${(n / r.mean).toFixed(0)} | ${base ? (r.mean / base.mean).toFixed(2) + '×' : 'n/a'} | ${rss[`${name}/${corpus}`] || 'n/a'} |`);
  }
}
if (rows.length) {
  p('| tool | corpus (files) | mean ± σ s | files/s | time vs stowage | peak RSS |');
  p('| --- | --- | --- | --- | --- | --- |');
  rows.forEach(r => p(r));
  p();
  p('Peak RSS: GNU time -v, one run; for the per-file loop, one process on the largest official file.');
  p();
}
const maps = {};
for (const set of ['official', 'edge']) {
  maps[set] = {};
  const m = fs.existsSync(path.join(env.CORPUS, `${set}.map.tsv`)) ? fs.readFileSync(path.join(env.CORPUS, `${set}.map.tsv`), 'utf8') : '';
  for (const l of m.split('\n').filter(Boolean)) { const [a, b] = l.split('\t'); maps[set][a] = b; }
}
const relRows = [];
const examples = [];
for (const set of ['official', 'edge']) {
  for (const tool of ['stowage', 'dockerfilelint', 'dockerfile-utils']) {
    const t = read(`reliability/${tool}-${set}.tsv`);
    if (t == null) continue;
    const recs = t.split('\n').filter(Boolean).map(l => l.split('\t'));
    const count = c => recs.filter(r => r[2] === c).length;
    relRows.push(`| ${tool} | ${set} (${recs.length}) | ${count('ok')} | ${count('syntax')} | ${count('crash')} |`);
    for (const r of recs.filter(r => r[2] === 'crash').slice(0, 6)) {
      examples.push(`- ${tool}, ${maps[set][r[0]] || r[0]} (exit ${r[1]}): \`${r[3]}\``);
    }
  }
}
if (relRows.length) {
  p('Reliability, one process per file:');
  p();
  p('| tool | set (files) | ran cleanly | syntax error reported (exit 2) | crashed |');
  p('| --- | --- | --- | --- | --- |');
  relRows.forEach(r => p(r));
  p();
  p(examples.length ? 'Crashes (up to 6 per tool and set):' : 'No crashes.');
  examples.forEach(e => p(e));
}
process.stdout.write(lines.join('\n') + '\n');
EOF
cat "$results"
log "results: $results"
