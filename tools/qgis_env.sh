#!/usr/bin/env bash
# Provide a QGIS >= 3.40 with Python bindings for the test, demo and bench targets.
#
#   tools/qgis_env.sh setup          make sure an environment exists (idempotent, cached)
#   tools/qgis_env.sh run CMD ...    run CMD with that environment (host or chroot), in the repo
#
# If the host already has QGIS >= 3.40 (python3 -c "import qgis.core"), it is used directly.
# Otherwise an isolated Debian 13 (trixie) root with QGIS 3.40 LTR is bootstrapped into
# $GI_ENV_DIR (default /var/cache/gi_qgis_plugin/trixie, outside the working tree) and reused on
# later runs. The repository's parent folder is bind-mounted at the same path inside the root,
# so ../shared resolves exactly as on the host.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARENT="$(dirname "$REPO")"
ENV_DIR="${GI_ENV_DIR:-/var/cache/gi_qgis_plugin/trixie}"
STAMP="$ENV_DIR/.gi_env_ready_v3"

APT_PACKAGES="python3-qgis qgis-providers qgis python3-shapely python3-numpy python3-pytest \
 python3-venv python3-pip pyqt5-dev-tools qttools5-dev-tools gdal-bin python3-gdal \
 xauth ca-certificates locales make zip unzip"
PIP_PACKAGES="pytest-qgis==5.0.2 ruff==0.14.0"
# Added to an environment that is already built, each with its own marker file (no STAMP bump,
# so a ready environment is not rebuilt; a new marker when a list grows): pdftotext/pdftoppm for
# the report tests; for tests/test_real_qgis.py a virtual X server, a small window manager, X
# input for real clicks, fonts, and Qt's own German texts (dialog buttons), as on a planner's
# desktop.
EXTRA_APT="poppler-utils xvfb openbox xdotool fonts-dejavu-core qttranslations5-l10n"
EXTRA_STAMP="$ENV_DIR/.gi_env_extra_v2_poppler_gui"
# PostgreSQL with PostGIS for the database tests (tests/helpers/postgis.py starts a throw-away
# cluster per test session). Added on top of a ready root with its own marker, so that a root
# built before keeps everything else.
PG_PACKAGES="postgresql-17 postgresql-17-postgis-3 postgresql-17-postgis-3-scripts python3-psycopg2"
PG_MARK="$ENV_DIR/.gi_env_postgis_v1"

log() { printf '[qgis-env] %s\n' "$*" >&2; }

host_has_qgis() {
  [ "${GI_FORCE_CHROOT:-0}" = "1" ] && return 1
  python3 - <<'PY' >/dev/null 2>&1
from qgis.core import Qgis
import sys
sys.exit(0 if Qgis.QGIS_VERSION_INT >= 34000 else 1)
PY
}

ensure_host_tools() {
  local need=""
  command -v debootstrap >/dev/null 2>&1 || need=" debootstrap"
  # Ubuntu hosts need Debian's archive key to verify the trixie release
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need="$need debian-archive-keyring"
  if [ -n "$need" ]; then
    log "installing$need"
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  fi
}

bind_same_path() {
  # Mount $1 at the same path inside the root; a mount left from an earlier run whose folder
  # was deleted and made anew (a fresh clone at the same place) is replaced.
  local src="$1" dst="$ENV_DIR$1"
  mkdir -p "$dst"
  if mountpoint -q "$dst"; then
    [ "$(stat -c %d:%i "$src")" = "$(stat -c %d:%i "$dst" 2>/dev/null)" ] && return 0
    umount -l "$dst" || true
  fi
  mount --rbind "$src" "$dst"
}

mounts_up() {
  for d in proc sys dev dev/pts; do
    mountpoint -q "$ENV_DIR/$d" || mount --bind "/$d" "$ENV_DIR/$d"
  done
  bind_same_path "$PARENT"
  # ../shared may be a link to elsewhere: make its target visible at the same path too
  local shared
  shared="$(readlink -f "$PARENT/shared" 2>/dev/null || true)"
  if [ -n "$shared" ] && [ -d "$shared" ] && [ "${shared#"$PARENT"/}" = "$shared" ]; then
    bind_same_path "$shared"
  fi
  cp -f /etc/resolv.conf "$ENV_DIR/etc/resolv.conf" 2>/dev/null || true
}

in_root() {
  chroot "$ENV_DIR" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 "$@"
}

wheels_for_py313() {
  # pip of Python 3.13 may reject this network's TLS chain; the host's pip downloads the wheels.
  local dir="$ENV_DIR/opt/wheels"
  mkdir -p "$dir"
  if ! ls "$dir"/pytest_qgis-*.whl >/dev/null 2>&1; then
    log "downloading wheels for Python 3.13: $PIP_PACKAGES"
    local arch
    arch="$(uname -m)"
    # shellcheck disable=SC2086
    python3 -m pip download -q --only-binary=:all: --python-version 3.13 \
        --platform "manylinux2014_$arch" --platform "manylinux_2_17_$arch" --platform any \
        -d "$dir" $PIP_PACKAGES pytest pluggy iniconfig packaging 2>/dev/null \
      || in_root python3 -m pip download -q --only-binary=:all: -d /opt/wheels $PIP_PACKAGES \
      || { log "could not download $PIP_PACKAGES (neither the host's pip nor the root's)"; exit 1; }
  fi
}

ensure_extras() {
  [ -f "$EXTRA_STAMP" ] && return 0
  (
    flock 9
    if [ ! -f "$EXTRA_STAMP" ]; then
      log "installing $EXTRA_APT inside the environment"
      in_root apt-get update -qq
      # shellcheck disable=SC2086
      in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        $EXTRA_APT >/dev/null
      touch "$EXTRA_STAMP"
    fi
  ) 9>"$ENV_DIR.extras.lock"
}

setup_chroot() {
  [ -f "$STAMP" ] && { mounts_up; ensure_extras; return 0; }
  ensure_host_tools
  if [ ! -x "$ENV_DIR/usr/bin/apt-get" ]; then
    log "bootstrapping Debian trixie into $ENV_DIR (a few minutes, once)"
    mkdir -p "$ENV_DIR"
    debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
      trixie "$ENV_DIR" >"$ENV_DIR.debootstrap.log" 2>&1 \
      || { tail -20 "$ENV_DIR.debootstrap.log" >&2; exit 1; }
  fi
  mounts_up
  log "installing QGIS 3.40 LTR and tools inside the environment"
  in_root apt-get update -qq
  in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $APT_PACKAGES >/dev/null
  in_root sed -i 's/^# *de_DE.UTF-8/de_DE.UTF-8/' /etc/locale.gen
  in_root locale-gen >/dev/null 2>&1 || true
  wheels_for_py313
  in_root python3 -m venv --system-site-packages /opt/gi-venv
  in_root /opt/gi-venv/bin/pip install -q --no-index --find-links /opt/wheels $PIP_PACKAGES
  touch "$STAMP"
  ensure_extras
  log "environment ready"
}

apt_in_root() {
  # apt-get inside the root; another set-up may hold the dpkg lock: wait for it and retry
  local try out
  for try in $(seq 1 40); do
    if out=$(in_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 -qq "$@" 2>&1); then
      return 0
    fi
    if printf '%s' "$out" | grep -qiE 'lock|temporarily unavailable'; then
      log "apt is busy (another set-up), waiting ($try)"
      sleep 15
      continue
    fi
    printf '%s\n' "$out" | tail -20 >&2
    return 1
  done
  log "apt stayed locked for 10 minutes"
  return 1
}

ensure_postgis_chroot() {
  [ -f "$PG_MARK" ] && return 0
  (
    flock 8
    [ -f "$PG_MARK" ] && exit 0
    log "adding PostgreSQL with PostGIS inside the environment (for the database tests)"
    # the tests start their own cluster: no default cluster, and no service started inside the
    # root (it would listen on the host's port 5432)
    mkdir -p "$ENV_DIR/etc/postgresql-common/createcluster.d"
    echo "create_main_cluster = false" >"$ENV_DIR/etc/postgresql-common/createcluster.d/gi-no-main.conf"
    local own_policy=0
    if [ ! -e "$ENV_DIR/usr/sbin/policy-rc.d" ]; then
      printf '#!/bin/sh\nexit 101\n' >"$ENV_DIR/usr/sbin/policy-rc.d"
      chmod 755 "$ENV_DIR/usr/sbin/policy-rc.d"
      own_policy=1
    fi
    status=0
    apt_in_root update && apt_in_root install -y --no-install-recommends $PG_PACKAGES || status=$?
    [ "$own_policy" = 1 ] && rm -f "$ENV_DIR/usr/sbin/policy-rc.d"
    [ "$status" = 0 ] || { log "could not install $PG_PACKAGES"; exit 1; }
    # a cluster created anyway by an older postgresql-common is removed (never started)
    if [ -d "$ENV_DIR/etc/postgresql/17/main" ]; then
      in_root pg_dropcluster 17 main >/dev/null 2>&1 || true
    fi
    touch "$PG_MARK"
  ) 8>"$ENV_DIR.postgis.lock"
}

ensure_postgis_host() {
  # host QGIS: PostgreSQL with PostGIS from the host's packages when missing (as root only)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL with PostGIS (for the database tests)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgis python3-psycopg2 >/dev/null
  else
    log "PostgreSQL with PostGIS is missing: install the packages postgresql and postgis for the database tests"
  fi
}

setup_host() {
  # Host QGIS: a venv that sees the system's qgis, numpy and shapely.
  local venv="${GI_VENV:-$REPO/.venv}"
  if [ ! -x "$venv/bin/pytest" ]; then
    python3 -m venv --system-site-packages "$venv"
    "$venv/bin/pip" install -q pytest $PIP_PACKAGES
  fi
}

case "${1:-}" in
  setup)
    if host_has_qgis; then setup_host; ensure_postgis_host; else setup_chroot; ensure_postgis_chroot; fi ;;
  run)
    shift
    if host_has_qgis; then
      setup_host
      ensure_postgis_host
      export PATH="${GI_VENV:-$REPO/.venv}/bin:$PATH"
      cd "$REPO" && exec "$@"
    else
      setup_chroot
      ensure_postgis_chroot
      cmd=$(printf '%q ' "$@")
      envs=()
      for v in GI_REQUIRE_SHARED_DATA GI_REQUIRE_REALAPP CI SIZES PYTEST_ARGS GI_BENCH_1M; do
        [ -n "${!v:-}" ] && envs+=("$v=${!v}")
      done
      exec chroot "$ENV_DIR" /usr/bin/env -i \
        PATH=/opt/gi-venv/bin:/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root "${envs[@]}" \
        bash -c "mkdir -p /tmp/runtime-root && chmod 700 /tmp/runtime-root && cd '$REPO' && $cmd"
    fi ;;
  *)
    echo "usage: $0 setup | run CMD ..." >&2; exit 2 ;;
esac
