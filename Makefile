# The two commands: `make demo` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
MANAGE := cd example_site && ../$(BIN)/python manage.py
export NO_MKDOCS_2_WARNING := 1

.PHONY: help demo test test-install venv system-deps test-deps lint format migrations-check docs \
	pytest pytest-main pytest-subclassed pytest-browser messages admin-messages bench load clean

help:
	@echo "make demo   - install, migrate SQLite, load the demo district, serve http://127.0.0.1:8000/"
	@echo "make test   - lint, migration checks, docs build, catalogue check and the test suite"
	@echo "make test-install - build the wheel, install it into a new Wagtail project (8.0 and 7.0), use it"
	@echo "make messages - refresh and compile the Vietnamese catalogue (with the admin's)"
	@echo "make admin-messages - list the installed Wagtail admin strings that lack Vietnamese"
	@echo "make load   - 100 readers on PostgreSQL, Redis and gunicorn, with faults; writes bench/load.md"

# Tools that pip cannot install, as command:Debian-package pairs. The demo needs none. The
# catalogue needs gettext (makemessages, compilemessages); the tests also drive the system
# Chromium (Playwright never downloads a browser here), the W3C HTML checker (Java, its jar
# from npm) and xmllint for the sitemap schema; nginx and its cache purge module for the caching
# proxy's tests (tests/core/test_proxy.py); redis-server for tests/prod. A pair may name a file instead of a command.
TEST_TOOLS := msgfmt:gettext chromium:chromium java:default-jre-headless xmllint:libxml2-utils \
	npm:npm redis-server:redis-server nginx:nginx \
	/usr/lib/nginx/modules/ngx_http_cache_purge_module.so:libnginx-mod-http-cache-purge
define install_tools
	@missing=""; for pair in $(1); do \
	  { command -v $${pair%%:*} || test -e $${pair%%:*}; } >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing system packages:$$missing (install them with your package manager)"; exit 1; fi; fi
endef
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

system-deps:
	$(call install_tools,msgfmt:gettext)

# The HTML checker's jar comes from the npm registry (node_modules/ is git-ignored).
test-deps: venv
	$(call install_tools,$(TEST_TOOLS))
	@test -f $(VNU_JAR) || npm install --no-audit --no-fund --no-save --silent vnu-jar

# uv installs the same packages as pip several times faster (a new virtualenv's `.[dev]`: 20 to
# 40 s instead of 100); pip installs them when uv cannot be installed or cannot install them (uv
# reads none of pip's local indexes), or with `make NO_UV=1`.
# uv reads no pip.conf: a private index is UV_INDEX_URL (or UV_DEFAULT_INDEX) for it.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "wagtail-ward needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if [ -z "$(NO_UV)" ] && $(BIN)/python -m pip install -q uv && \
	  $(BIN)/uv pip install -q --python $(BIN)/python -e ".[dev]"; then :; \
	else \
	  $(BIN)/python -m pip install -q --upgrade pip && $(BIN)/python -m pip install -q -e ".[dev]"; \
	fi
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(MANAGE) migrate --noinput
	$(MANAGE) load_ward_demo
	@echo "Serving on http://127.0.0.1:8000/ (wards: http://lacvien.localhost:8000/, http://maychai.localhost:8000/)"
	$(MANAGE) runserver 127.0.0.1:8000

# While npm, lint, the migration checks and the docs run on one core, the other migrates the
# main sessions' SQLite test database (tests/migrated_database.py), then loads the browser
# session's demo database (tests/browser/demo_database.py): each is made once, under a lock
# the sessions wait on, and kept in build/ for the next run with the same code.
test: venv
	@{ $(BIN)/python -m tests.migrated_database; $(BIN)/python -m tests.browser.demo_database; } \
	  >/dev/null 2>&1 & \
	$(MAKE) --no-print-directory test-deps lint migrations-check docs pytest; status=$$?; wait; \
	exit $$status

# The wheel as a user installs it, in a new `wagtail start` project set up as
# docs/installation.md says, on the newest and the oldest supported Wagtail (tests/install/).
test-install: venv
	rm -rf build/install-wheel
	$(BIN)/python -m build --no-isolation --wheel --outdir build/install-wheel . >/dev/null
	$(BIN)/python tests/install/check_install.py --wheel build/install-wheel/*.whl \
	  --wagtail "wagtail>=8.0,<8.1"
	$(BIN)/python tests/install/check_install.py --wheel build/install-wheel/*.whl \
	  --wagtail "wagtail>=7.0,<7.1"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: venv
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/django-admin makemigrations --check --dry-run --pythonpath .
	$(MANAGE) makemigrations --check --dry-run

docs: venv
	$(BIN)/mkdocs build --strict --quiet --site-dir build/site

# The sessions run on every core (pytest-xdist hands tests out in collection order; the browser
# session by file, each process with a demo of its own); `make pytest XDIST=` runs them in one
# process. Each session ends with its slowest tests, for whoever makes it faster next.
XDIST ?= -n auto
DURATIONS ?= --durations=15

# The suite includes the catalogue check (tests/test_catalogue.py). The browser tests run in a
# session of their own (tests/browser/conftest.py says why); the families' main tests run a
# second time through a project's own pages over their mixins (tests/families.py).
# The browser session runs alongside the two others: alone it leaves two thirds of two cores
# idle, waiting on Chromium and its demo servers (190 s of CPU in 270 s), time the other
# sessions' CPU-bound workers fill. Those run niced, so that Chromium and the demo servers,
# whose answers the browser tests wait for with timeouts, get a core first when they need one.
# The browser session's output is kept in build/pytest-browser.log and printed after theirs.
BROWSER_LOG := build/pytest-browser.log
pytest: venv test-deps
	@mkdir -p build; \
	$(MAKE) --no-print-directory pytest-browser >$(BROWSER_LOG) 2>&1 & browser=$$!; \
	nice -n 5 $(MAKE) --no-print-directory pytest-main pytest-subclassed; status=$$?; \
	wait $$browser || status=1; \
	echo "== The browser session, run alongside the others ($(BROWSER_LOG)):"; \
	cat $(BROWSER_LOG); exit $$status

pytest-main: venv test-deps
	$(BIN)/pytest $(XDIST) $(DURATIONS)

pytest-subclassed: venv test-deps
	WARD_TEST_PAGES=subclassed $(BIN)/pytest $(XDIST) $(DURATIONS) -q tests/news tests/schedule \
		tests/training/test_status.py tests/training/test_api_and_queries.py \
		tests/training/test_registry_and_box.py tests/training/test_admin_form.py \
		tests/procedures/test_pages.py tests/procedures/test_api_admin.py \
		tests/procedures/test_import.py tests/portal_decree/test_compliance.py \
		tests/portal_decree/test_compliance_procedures.py

# The browser tests drive the demo, which always runs on its own SQLite database.
pytest-browser: venv test-deps
	$(BIN)/pytest $(XDIST) $(if $(XDIST),--dist loadfile) $(DURATIONS) tests/browser

# makemessages keeps django.po to the package's own strings; the compiled django.mo also holds
# the admin's translations of admin_locale/vi/ (and djangojs.mo its JavaScript strings), so
# compile with wagtail_ward.admin_locale, never with compilemessages alone.
messages: venv system-deps
	cd wagtail_ward && DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=.. ../$(BIN)/django-admin makemessages -l vi --no-obsolete --add-location file
	$(BIN)/python -m wagtail_ward.admin_locale

# After a Wagtail or wagtail-localize upgrade: the admin strings that have no Vietnamese yet.
admin-messages: venv
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/django-admin ward_admin_messages --pythonpath .

bench: venv
	$(BIN)/python -m bench

# Load and faults (docs/load.md): its own PostgreSQL, Redis and gunicorn on loopback, a few
# minutes (LOAD_SECONDS, default 150), then bench/load.md.
load: venv
	$(call install_tools,pg_ctlcluster:postgresql redis-server:redis-server)
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) build site .tox example_site/db.sqlite3
