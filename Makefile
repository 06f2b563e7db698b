# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warlog.db
OUT    ?= out

.PHONY: run test install clean chromium postgres

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	rm -f $(DB)
	$(BIN)/warlog extract examples/ --db $(DB)
	$(BIN)/warlog events --db $(DB)
	mkdir -p $(OUT)
	for f in csv json geojson parquet; do $(BIN)/warlog export --db $(DB) --format $$f --output $(OUT)/events.$$f || exit 1; done
	@echo "Store: $(DB)  exports: $(OUT)/events.{csv,json,geojson,parquet}"

# The browser tests drive Debian's chromium; install it when missing (they skip without it).
chromium:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium chromium-driver) || \
		echo "chromium not installed: the browser tests will be skipped"

# The PostgreSQL store tests start a throwaway server from Debian's postgresql; install it
# when missing (they skip without it).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) || \
		echo "postgresql not installed: the PostgreSQL store tests will be skipped"

test: $(STAMP) chromium postgres
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(OUT) $(DB) .pytest_cache
