# Every target does its own set-up: on a machine with QGIS >= 3.40 it uses that QGIS, otherwise
# tools/qgis_env.sh provisions (once, cached in /var/cache/gi_qgis_plugin) a Debian 13 root with
# QGIS 3.40 LTR and runs the command inside it.
SHELL := /bin/bash
ENV := tools/qgis_env.sh
RUN := bash $(ENV) run
SIZES ?= 10000,100000
PYTEST_ARGS ?=
export SIZES PYTEST_ARGS

.PHONY: test demo package bench env lint i18n i18n-update clean

env:
	bash $(ENV) setup

i18n: env
	$(RUN) python3 tools/i18n.py compile

i18n-update:
	python3 tools/i18n.py update

lint: env
	$(RUN) bash -c 'ruff check gi_qgis_plugin tests tools benchmarks && python3 tools/check_qt6.py && python3 tools/i18n.py check'

test: env
	$(RUN) bash tools/test.sh

demo: env
	$(RUN) python3 tools/demo.py demo-output

package: env
	$(RUN) python3 tools/package.py dist

bench: env
	$(RUN) python3 benchmarks/run.py --sizes "$(SIZES)"

clean:
	rm -rf build dist demo-output .pytest_cache tests/screenshots benchmarks/work
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
