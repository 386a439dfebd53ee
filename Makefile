# The README's commands. Everything the project needs is installed here, into .venv.
VENV   := .venv
PY     := $(VENV)/bin/python
RAG    := $(VENV)/bin/rag
STAMP  := $(VENV)/.installed-stamp
SAMPLE_QUESTION := How do you draw a freehand line in XFig?

# The fast tier: tests on deterministic fakes only, no real or tiny torch models, no browser.
FAST   := not models and not browser and not slow
PYTEST := $(PY) -m pytest -q -p no:cacheprovider

.PHONY: install browser test test-fast lint eval-validation demo bench bench-scale bench-baseline bench-load bench-slack bench-embed bench-kill bench-pictures bench-workers bench-reader bench-all clean

$(PY):
	python3 -m venv $(VENV)

# torch first and pinned: this takes the local CPU wheel; letting a resolver pick would pull
# a multi-GB CUDA build.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $@

install: $(STAMP)

# Debian's chromium and chromedriver, for the chat page tests (apt-get, through sudo if needed).
browser:
	.ci/install-browser

test: install browser
	$(PYTEST)

test-fast: install
	$(PYTEST) -m "$(FAST)"

# Style, then the layer contract ([tool.importlinter] in pyproject.toml).
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# Answer quality on the project's own validation set (eval/validation: documents nobody tuned
# the answerer on), gated just below the level it reaches, so quality cannot drop silently.
VALIDATION_DATA   := .eval/validation
VALIDATION_BOUNDS := recall@5=0.849,accuracy=0.550,direct=0.526,abstention=0.640
eval-validation: install
	rm -rf $(VALIDATION_DATA)
	RAG_DATA_DIR=$(VALIDATION_DATA) $(RAG) ingest --no-progress eval/validation/corpus
	RAG_DATA_DIR=$(VALIDATION_DATA) $(RAG) eval eval/validation/questions.jsonl \
		--json $(VALIDATION_DATA)/report.json --fail-under $(VALIDATION_BOUNDS)

demo: install
	$(RAG) ingest samples/corpus/
	@echo
	$(RAG) ask "$(SAMPLE_QUESTION)"
	@echo
	@echo "Ask more:          $(RAG) ask \"your question\"   (add --json for machine-readable output)"
	@echo "Add documents:     $(RAG) ingest PATH...      (files or folders)"
	@echo "Start the server:  $(RAG) serve               (then POST /api/ask on http://127.0.0.1:8000)"

# Benchmarks, not tests: run them one after the other (they share the cores). JSON results go
# to bench/results/ (see bench/README.md). The bench extra is installed with the rest: the
# test suite runs every benchmark once on a tiny corpus.
bench: install
	$(PY) bench/ingest_throughput.py

bench-scale: install
	$(PY) bench/query_scale.py

bench-baseline: install
	$(PY) bench/baseline_langchain.py

bench-load: install
	$(PY) bench/load_test.py

bench-slack: install
	$(PY) bench/slack_burst.py

bench-embed: install
	$(PY) bench/embed_speed.py

bench-kill: install
	$(PY) bench/kill_resume.py

# Picture description: the previous configuration and the current one, in the same run.
bench-pictures: install
	$(PY) bench/pictures.py

# Ingest with 1 and 2 worker processes, back to back: speed, same index, the writer's profile.
bench-workers: install
	$(PY) bench/ingest_workers.py

# How often the reader's score puts a sentence holding the answer first, against other ways
# to score the same candidates, on fresh ingests of the development and validation sets.
DEV_SET     := $(firstword $(wildcard shared/eval/dev ../shared/eval/dev))
READER_DATA := .eval/reader
bench-reader: install
	test -n "$(DEV_SET)" || (echo "the development set (shared/eval/dev) is not here" && false)
	rm -rf $(READER_DATA)
	RAG_DATA_DIR=$(READER_DATA)/dev $(RAG) ingest --no-progress $(DEV_SET)/corpus
	RAG_DATA_DIR=$(READER_DATA)/validation $(RAG) ingest --no-progress eval/validation/corpus
	$(PY) bench/reader_scoring.py --maxsim \
		--set $(READER_DATA)/dev $(DEV_SET)/questions.jsonl \
		--set $(READER_DATA)/validation eval/validation/questions.jsonl

bench-all: bench bench-scale bench-baseline bench-load bench-slack bench-embed bench-kill bench-pictures bench-workers bench-reader

clean:
	rm -rf $(VENV) data .eval *.egg-info
