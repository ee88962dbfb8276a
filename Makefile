# Two commands do all set-up on a fresh Debian 12 machine (as root, or with sudo):
#   make demo   install what is missing, build, show tally on a copy of examples/store
#   make test   install what is missing, build, run every test (ctest)
BUILD ?= build
JOBS ?= $(shell nproc)
PACKAGES = cmake g++ make pkg-config git ca-certificates tzdata python3 python3-icalendar jq groff mandoc libxml2-utils hyperfine time systemd \
           libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libhowardhinnant-date-dev libutf8proc-dev \
           dpkg-dev file man-db zsh fish bash-completion locales

.PHONY: deps build test demo bench clean install deb

deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@TALLY=$(abspath $(BUILD))/cli/tally bash examples/demo.sh

# make bench [BENCH_TASKS=100000] (or TASKS=): tally side by side with taskwarrior and hledger, see
# tests/bench/run.sh. Their packages are installed only here, by deps with this list; hledger
# (4.7 MB to download, 32 MB installed) can be left out with BENCH_PACKAGES="taskwarrior hyperfine time".
BENCH_PACKAGES ?= taskwarrior hledger hyperfine time python3
BENCH_TASKS ?= $(or $(TASKS),10000)
bench: build
	@$(MAKE) --no-print-directory deps PACKAGES="$(BENCH_PACKAGES)"
	BENCH_TASKS=$(BENCH_TASKS) bash tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)

# make install [PREFIX=/usr/local] [DESTDIR=...]: the binary, man pages and completions.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# make deb: build/tally_<version>_<arch>.deb (dpkg -i it; apt-get -f install pulls its Depends).
deb: build
	cd $(BUILD) && cpack -G DEB

# make fuzz [FUZZ_SECONDS=60]: builds the libFuzzer targets of tests/fuzz with clang, ASan and
# UBSan in $(FUZZ_BUILD), then runs each loader's target for FUZZ_SECONDS on a working copy of
# its corpus (tests/fuzz/corpus/<loader>/ is read, never written). A crash stops the run and
# leaves its input in $(FUZZ_BUILD)/fuzz-crash-<loader>-*; add it to the corpus as a regression.
# Not part of `make test`, which replays the corpus (ctest fuzz.replay.*) in a second.
FUZZ_BUILD ?= $(BUILD)/fuzz
FUZZ_SECONDS ?= 60
FUZZ_LOADERS = task people plan settings record
FUZZ_PACKAGES = clang libclang-rt-dev
.PHONY: fuzz
fuzz: deps
	@$(MAKE) --no-print-directory deps PACKAGES="$(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DTALLY_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets -- --no-print-directory
	@set -e; for l in $(FUZZ_LOADERS); do \
	  mkdir -p $(FUZZ_BUILD)/fuzz-corpus/$$l; \
	  echo "fuzz_$$l: $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/tests/fuzz/fuzz_$$l -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 \
	    -dict=tests/fuzz/yaml.dict -artifact_prefix=$(FUZZ_BUILD)/fuzz-crash-$$l- \
	    $(FUZZ_BUILD)/fuzz-corpus/$$l tests/fuzz/corpus/$$l 2>$(FUZZ_BUILD)/fuzz-$$l.log \
	    || { tail -n 40 $(FUZZ_BUILD)/fuzz-$$l.log; exit 1; }; \
	  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' $(FUZZ_BUILD)/fuzz-$$l.log; \
	done
