# Nianbao — build, run, test, benchmark. `make run` and `make test` are the two set-up commands.
SHELL := /bin/bash
SWIFT ?= swift
CORPUS ?= corpora
OUT ?= notebooks-out
BIN_RELEASE = .build/release/nianbao

.PHONY: deps build release run test spark-test bench eval fuzz sanitize clean

FUZZ_SECONDS ?= 60
FUZZ_TARGETS = decode segment outline numbers html docx tables extract

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
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/swift-test.log
	set -o pipefail; bash spark/test_spark.sh | tee .build/spark-test.log
	@n=$$(grep -oE "Test run with [0-9]+ tests" .build/swift-test.log | tail -1 | grep -oE "[0-9]+"); \
	 s=$$(grep -c " identical " .build/spark-test.log || true); \
	 echo "tests: $$((n + s)) passed, 0 failed"

# Spark run vs single-process analyze, byte for byte (skipped without pyspark and Java).
spark-test: build
	bash spark/test_spark.sh

bench: release
	bash bench/run.sh

eval: release
	bash eval/run.sh

# Each libFuzzer target for FUZZ_SECONDS, seeded from corpora/ and the fixtures; crashes land in
# fuzz-out/<target>/ (copy them to Tests/Fixtures/fuzz-regressions/ to pin them).
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product nianbao-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz-out/$$t/corpus; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=tools/lsan-suppressions.txt NIANBAO_FUZZ_TARGET=$$t .build-fuzz/debug/nianbao-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 \
	    -rss_limit_mb=4096 -artifact_prefix=fuzz-out/$$t/ -print_final_stats=1 fuzz-out/$$t/corpus corpora Tests/Fixtures 2>&1 \
	    | grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|artifact)" || true; \
	done

# The test suite under AddressSanitizer and ThreadSanitizer (separate build folders).
sanitize: deps
	$(SWIFT) build --scratch-path .build-asan --sanitize=address
	LSAN_OPTIONS=suppressions=$(CURDIR)/.lsan-suppressions $(SWIFT) test --scratch-path .build-asan --sanitize=address
	$(SWIFT) build --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread

clean:
	rm -rf .build bench/out
