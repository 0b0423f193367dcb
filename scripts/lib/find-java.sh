# shellcheck shell=bash
# shellcheck disable=SC2034 # the STOWAGE_FOUND_* results are read by the sourcing script
# Finds a JDK 21 or newer for Stowage. Sourced by ./stowage and scripts/test.
#
# Call stowage_find_java. On success it returns 0 and sets
#   STOWAGE_FOUND_JAVA_HOME     the JDK's home directory
#   STOWAGE_FOUND_JAVA_VERSION  its version, e.g. 25.0.3
# On failure it returns 1 and sets STOWAGE_FIND_JAVA_ERROR to a one-line reason.
#
# Order: $STOWAGE_JAVA_HOME (used as given; an error if it is not a JDK 21+),
# then $JAVA_HOME if it is a JDK 21+, then the newest JDK 21+ among
# /usr/lib/jvm/*, /usr/java/*, /opt/java/*, /opt/*jdk*,
# /Library/Java/JavaVirtualMachines/*/Contents/Home, ~/.sdkman/candidates/java/*.
# A JDK's version comes from its `release` file (JAVA_VERSION), or from
# `bin/java -version` when that file is missing.
#
# Uses only shell builtins on the common path: the launcher runs it on every call.

STOWAGE_MIN_JAVA=21

# Sets _stowage_jv to the version of the JDK at $1 ("25.0.3", "1.8.0_292") and
# _stowage_jv_major to its feature release (25, 8); returns 1 if $1 is not a JDK.
_stowage_java_version() {
  local home=$1 line v=
  _stowage_jv='' _stowage_jv_major=''
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  if [[ -r $home/release ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      if [[ $line == JAVA_VERSION=* ]]; then
        v=${line#JAVA_VERSION=}
        v=${v//\"/}
        break
      fi
    done <"$home/release"
  fi
  if [[ -z $v ]]; then
    # e.g. openjdk version "21.0.4" 2024-07-16
    line=$("$home/bin/java" -version 2>&1) || return 1
    [[ $line =~ version\ \"([^\"]+)\" ]] || return 1
    v=${BASH_REMATCH[1]}
  fi
  [[ $v =~ ^1\.([0-9]+) ]] || [[ $v =~ ^([0-9]+) ]] || return 1
  _stowage_jv=$v
  _stowage_jv_major=$((10#${BASH_REMATCH[1]}))
}

# Returns 0 when version $1 is newer than version $2 (numeric, field by field).
_stowage_version_newer() {
  local -a a b
  local i x y
  IFS='._+-' read -r -a a <<<"$1"
  IFS='._+-' read -r -a b <<<"$2"
  for ((i = 0; i < ${#a[@]} || i < ${#b[@]}; i++)); do
    x=${a[i]:-0} y=${b[i]:-0}
    [[ $x =~ ^[0-9]+$ ]] || x=0
    [[ $y =~ ^[0-9]+$ ]] || y=0
    ((10#$x > 10#$y)) && return 0
    ((10#$x < 10#$y)) && return 1
  done
  return 1
}

stowage_find_java() {
  STOWAGE_FOUND_JAVA_HOME='' STOWAGE_FOUND_JAVA_VERSION='' STOWAGE_FIND_JAVA_ERROR=''
  if [[ -n ${STOWAGE_JAVA_HOME:-} ]]; then
    if ! _stowage_java_version "$STOWAGE_JAVA_HOME"; then
      STOWAGE_FIND_JAVA_ERROR="STOWAGE_JAVA_HOME=$STOWAGE_JAVA_HOME is not a JDK (no bin/java and bin/javac)"
      return 1
    fi
    if ((_stowage_jv_major < STOWAGE_MIN_JAVA)); then
      STOWAGE_FIND_JAVA_ERROR="STOWAGE_JAVA_HOME=$STOWAGE_JAVA_HOME is Java $_stowage_jv; Stowage needs $STOWAGE_MIN_JAVA or newer"
      return 1
    fi
    STOWAGE_FOUND_JAVA_HOME=$STOWAGE_JAVA_HOME STOWAGE_FOUND_JAVA_VERSION=$_stowage_jv
    return 0
  fi
  if [[ -n ${JAVA_HOME:-} ]] && _stowage_java_version "$JAVA_HOME" &&
    ((_stowage_jv_major >= STOWAGE_MIN_JAVA)); then
    STOWAGE_FOUND_JAVA_HOME=$JAVA_HOME STOWAGE_FOUND_JAVA_VERSION=$_stowage_jv
    return 0
  fi
  local home best='' best_version=''
  local had_nullglob=0
  shopt -q nullglob && had_nullglob=1
  shopt -s nullglob
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home \
    "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [[ -L $home && ${home##*/} == current ]] && continue # sdkman's alias of another entry
    _stowage_java_version "$home" || continue
    ((_stowage_jv_major >= STOWAGE_MIN_JAVA)) || continue
    if [[ -z $best ]] || _stowage_version_newer "$_stowage_jv" "$best_version"; then
      best=$home best_version=$_stowage_jv
    fi
  done
  ((had_nullglob)) || shopt -u nullglob
  if [[ -z $best ]]; then
    STOWAGE_FIND_JAVA_ERROR="no JDK $STOWAGE_MIN_JAVA or newer found (looked at \$STOWAGE_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm, /usr/java, /opt/java, /opt/*jdk*, /Library/Java/JavaVirtualMachines, ~/.sdkman); install one or set STOWAGE_JAVA_HOME"
    return 1
  fi
  STOWAGE_FOUND_JAVA_HOME=$best STOWAGE_FOUND_JAVA_VERSION=$best_version
}
