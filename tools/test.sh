#!/usr/bin/env bash
# The whole check, run inside the QGIS environment: translations, lint, Qt6 check, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tools/i18n.py compile
echo "== lint (ruff) =="
ruff check gi_qgis_plugin tests tools benchmarks
echo "== Qt6 readiness =="
python3 tools/check_qt6.py
echo "== translations =="
python3 tools/i18n.py check && echo "German catalogue complete"
echo "== tests =="
# shellcheck disable=SC2086
exec python3 -m pytest ${PYTEST_ARGS:-}
