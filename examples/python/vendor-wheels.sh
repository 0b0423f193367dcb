#!/usr/bin/env bash
# Re-creates wheels/ from Debian bookworm's packages (PyPI is not reachable where the
# examples are built). Run from examples/python on a machine whose engine has the
# local python:3.11-slim-bookworm image (scripts/base-images) and reaches Debian's
# mirror:
#
#   bash vendor-wheels.sh
#
# For each Debian package named below, the module files it installs are packed, with
# the name and version Debian's package metadata gives, into a pure-Python wheel by
# pip. The wheels are committed, so builds need no network: the Dockerfiles install
# them with `pip install --no-index --find-links`.
set -euo pipefail

packages=(python3-bottle)
docker=${STOWAGE_DOCKER:-/usr/bin/docker}
out=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)/wheels
mkdir -p "$out"

# shellcheck disable=SC2016 # expanded inside the container
"$docker" run --rm --network=host -v "$out:/out" python:3.11-slim-bookworm bash -euc '
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-setuptools python3-wheel >/dev/null
  cd /tmp
  for pkg in "$@"; do
    apt-get download -qq "$pkg"
    dpkg-deb -x "$pkg"_*.deb "root-$pkg"
    site="root-$pkg/usr/lib/python3/dist-packages"
    info=$(find "$site" -maxdepth 1 -name "*.egg-info" -o -maxdepth 1 -name "*.dist-info" | head -n 1)
    meta=$info; [[ -d $info ]] && meta=$(find "$info" -name PKG-INFO -o -name METADATA | head -n 1)
    name=$(sed -n "s/^Name: //p" "$meta" | head -n 1)
    version=$(sed -n "s/^Version: //p" "$meta" | head -n 1)
    src="src-$pkg"
    mkdir -p "$src"
    find "$site" -mindepth 1 -maxdepth 1 ! -name "*-info" ! -name __pycache__ -exec cp -r {} "$src/" \;
    python3 -c "
import pathlib, sys
name, version, src = sys.argv[1:]
root = pathlib.Path(src)
modules = sorted(p.stem for p in root.glob(\"*.py\"))
packages = sorted(str(p.parent.relative_to(root)).replace(\"/\", \".\") for p in root.rglob(\"__init__.py\"))
(root / \"setup.py\").write_text(
    \"from setuptools import setup\\n\"
    f\"setup(name={name!r}, version={version!r}, py_modules={modules!r}, packages={packages!r})\\n\")
" "$name" "$version" "$src"
    pip wheel --quiet --no-deps --no-build-isolation --no-index -w /out "./$src"
    echo "$pkg $(dpkg-deb -f "$pkg"_*.deb Version) -> $(ls /out | grep -i "^${name}-")"
  done
' vendor-wheels "${packages[@]}"
