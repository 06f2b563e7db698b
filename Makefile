# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warlog.db
OUT    ?= out

.PHONY: run test install clean chromium

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

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(OUT) $(DB) .pytest_cache
