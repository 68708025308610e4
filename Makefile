# Two commands do everything: `make demo` and `make test`. Plain `make` builds build/overdue.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

.PHONY: all build deps demo test test-asan bench clean

all: build

deps:
	@scripts/deps.sh build

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	scripts/demo.sh $(BUILD)/overdue

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (run by CI).
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOVERDUE_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target overdue_unit_tests
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

bench:
	@scripts/deps.sh bench
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DOVERDUE_BENCH=ON
	cmake --build $(BUILD) -j $(JOBS)
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
