# Two commands do all set-up on a fresh Debian 12 machine (as root, or with sudo):
#   make demo   install what is missing, build, show tally on a copy of examples/store
#   make test   install what is missing, build, run every test (ctest)
BUILD ?= build
JOBS ?= $(shell nproc)
PACKAGES = cmake g++ make pkg-config git ca-certificates tzdata python3 python3-icalendar jq groff mandoc libxml2-utils hyperfine time \
           libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libhowardhinnant-date-dev libutf8proc-dev

.PHONY: deps build test demo bench clean

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

bench: build
	bash tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
