# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warlog.db
OUT    ?= out

.PHONY: run test install clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(OUT) $(DB) .pytest_cache
