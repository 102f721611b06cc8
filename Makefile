# Nianbao — build, run, test, benchmark. `make run` and `make test` are the two set-up commands.
SWIFT ?= swift
CORPUS ?= corpora
OUT ?= notebooks-out
BIN_RELEASE = .build/release/nianbao

.PHONY: deps build release run test bench eval clean

# System packages the build needs: ICU (libicu-dev), pkg-config and zlib headers.
deps:
	@if pkg-config --exists icu-uc icu-i18n zlib 2>/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "installing libicu-dev pkg-config zlib1g-dev"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config zlib1g-dev; \
	else \
	  echo "missing ICU/pkg-config/zlib: run  sudo apt-get install -y libicu-dev pkg-config zlib1g-dev"; exit 1; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	$(BIN_RELEASE) analyze $(CORPUS) --manifest $(CORPUS)/manifest.csv --out $(OUT)
	@echo "Done: open $(OUT)/index.md (per-county trends in $(OUT)/<unit>/trend.md, comparison in $(OUT)/compare.csv)"

# The end-to-end tests run the nianbao binary: build it first.
test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: release
	bash bench/run.sh

eval: release
	bash eval/run.sh

clean:
	rm -rf .build bench/out
