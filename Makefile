# readmode — build, test and benchmark.
#
#   make              build/readmode
#   make check        every test: unit, example, corpus, junk fixtures, protocol,
#                     install, browser, then unit + corpus + protocol under ASan/UBSan
#   make check-asan   only the sanitizer run (unit, corpus and protocol tests)
#   make check-hostile  hostile pages and messages (huge, deep, broken, racing)
#   make fuzz         each libFuzzer target for FUZZ_SECONDS (default 60; needs clang)
#   make bench        throughput and memory against a Gumbo parse-only baseline
#                     (Mozilla pages, all WCXB dev pages, synthetic pages of 1, 10
#                     and 100 MB), and extract requests/s and latency over native
#                     messaging: about 12 minutes on a quiet machine; run it alone
#   make check-bench  the benchmark programs build and run briefly (part of check)
#   make install      the command, the library (shared and static), its header,
#                     pkg-config file and the man page under $(PREFIX)
#                     (default /usr/local; DESTDIR is honoured)
#   make uninstall    remove exactly what make install put there
#
# A plain `make` adds no -Werror, so a newer compiler's new warnings never
# break a distribution build; `make check` and .ci/run build with
# DEVELOPER=1, which turns every warning into an error.

CC       ?= cc
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR   ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
SHARED   ?= $(abspath ../shared)
PKGS     := gumbo libcjson uchardet
# The command's EPUB writer (libzip, src/tool/save_epub.c) and Markdown
# reader (cmark-gfm, src/tool/save_markdown.c); the library needs neither.
TOOL_PKGS := libzip libcmark-gfm
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(TOOL_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TOOL_LIBS  := $(shell pkg-config --libs $(TOOL_PKGS) 2>/dev/null)
# Gumbo has no run-time version call; `readmode` reports the one built against.
GUMBO_VERSION := $(or $(shell pkg-config --modversion gumbo 2>/dev/null),unknown)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

# make check and its parts are developer builds.
ifneq ($(filter check%,$(MAKECMDGOALS)),)
DEVELOPER ?= 1
endif
DEVELOPER ?=
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            $(if $(DEVELOPER),-Werror)
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
             -Isrc/lib -Isrc/lib/render -Isrc/tool \
             -DRM_GUMBO_VERSION='"$(GUMBO_VERSION)"' -pthread
LIBS     := $(PKG_LIBS) -lunistring -lm -pthread

BUILD    ?= build

# Objects are rebuilt when the compiler flags change (a plain build followed
# by the -Werror developer build, CPPFLAGS from a packager).
FLAGS_STAMP := $(BUILD)/flags
ifneq ($(file <$(FLAGS_STAMP)),$(CC) $(ALL_CFLAGS))
$(shell mkdir -p $(BUILD))
$(file >$(FLAGS_STAMP),$(CC) $(ALL_CFLAGS))
endif

# src/lib is the I/O-free extraction library (renderers in src/lib/render);
# src/tool holds the command's front ends over it.
MAIN_SRC  := src/tool/main.c
TOOL_SRCS := $(filter-out $(MAIN_SRC),$(wildcard src/tool/*.c))
LIB_SRCS  := $(wildcard src/lib/*.c src/lib/render/*.c)
ALL_HDRS  := $(wildcard src/lib/*.h src/lib/render/*.h src/tool/*.h)

# The library's version (readmode.h) and the ABI major of its shared object.
VERSION   := $(shell sed -n 's/^\#define RM_VERSION "\(.*\)"/\1/p' src/lib/readmode.h)
SOMAJOR   := 0
SONAME    := libreadmode.so.$(SOMAJOR)
REALNAME  := libreadmode.so.$(VERSION)
LIBRARY    = $(BUILD)/$(REALNAME) $(BUILD)/libreadmode.a

LIB_OBJS  = $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
PIC_OBJS  = $(LIB_SRCS:src/%.c=$(BUILD)/pic/%.o)
TOOL_OBJS = $(TOOL_SRCS:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ  = $(MAIN_SRC:src/%.c=$(BUILD)/obj/%.o)

UNIT_TESTS     := $(wildcard tests/unit/test_*.c)
CORPUS_TESTS   := $(wildcard tests/corpus/test_*.c)
PROTOCOL_TESTS := $(wildcard tests/protocol/test_*.c)
HOSTILE_TESTS  := $(wildcard tests/hostile/test_*.c)
TEST_BINS = $(UNIT_TESTS:tests/%.c=$(BUILD)/tests/%) \
            $(CORPUS_TESTS:tests/%.c=$(BUILD)/tests/%) \
            $(PROTOCOL_TESTS:tests/%.c=$(BUILD)/tests/%) \
            $(HOSTILE_TESTS:tests/%.c=$(BUILD)/tests/%)

.PHONY: all check check-unit check-examples check-corpus check-junk check-protocol \
        check-install check-browser check-hostile check-asan check-tsan check-fuzz fuzz \
        fuzz-build fuzz-targets check-markdown check-completions check-bulk check-bench \
        install-completions uninstall-completions bench library install uninstall clean

all: $(BUILD)/readmode $(LIBRARY)

$(BUILD)/obj/%.o: src/%.c $(ALL_HDRS) $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -c $< -o $@

# The shared library's objects are built again as position-independent
# code; the version script exports only the rm_ API.
$(BUILD)/pic/%.o: src/%.c $(ALL_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -MMD -c $< -o $@

$(BUILD)/$(REALNAME): $(PIC_OBJS) src/lib/readmode.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=src/lib/readmode.map -o $@ $(PIC_OBJS) $(LIBS)

# pkg-config's description of the installed library, written at install
# time so that it names the PREFIX and LIBDIR of that install.
define PKGCONFIG
prefix=$(PREFIX)
libdir=$(LIBDIR)
includedir=$(INCLUDEDIR)

Name: readmode
Description: Find the article in a web page: clean text, Markdown, HTML and metadata
Version: $(VERSION)
Requires.private: $(PKGS)
Libs: -L$${libdir} -lreadmode
Libs.private: -lunistring -lm
Cflags: -I$${includedir}
endef
export PKGCONFIG

$(BUILD)/libreadmode.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/readmode: $(MAIN_OBJ) $(TOOL_OBJS) $(BUILD)/libreadmode.a
	$(CC) $(CFLAGS) -pthread $(LDFLAGS) -o $@ $(MAIN_OBJ) $(TOOL_OBJS) $(BUILD)/libreadmode.a \
	    $(TOOL_LIBS) $(LIBS)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h tests/*/*.h) $(TOOL_OBJS) $(BUILD)/libreadmode.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Itests -o $@ $< $(TOOL_OBJS) \
	    $(BUILD)/libreadmode.a $(TOOL_LIBS) $(LIBS) $(CHECK_LIBS)

# Test programs find the binary and the shared data through the environment.
TEST_ENV = RM_BINARY=$(abspath $(BUILD)/readmode) RM_SHARED=$(SHARED) \
           RM_ROOT=$(CURDIR) CK_DEFAULT_TIMEOUT=600

check: check-unit check-examples check-corpus check-markdown check-junk check-protocol \
       check-hostile check-completions check-bulk check-install check-browser check-bench check-fuzz \
       check-asan check-tsan

check-unit: $(BUILD)/readmode $(UNIT_TESTS:tests/%.c=$(BUILD)/tests/%)
	@set -e; for t in $(UNIT_TESTS:tests/%.c=$(BUILD)/tests/%); do \
	    $(TEST_ENV) $$t; done

# Each examples/NAME.html must give exactly examples/NAME.txt.
check-examples: $(BUILD)/readmode
	@pass=0; fail=0; for page in examples/*.html; do \
	    if $(BUILD)/readmode "$$page" | diff -u "$${page%.html}.txt" - ; then pass=$$((pass+1)); \
	    else echo "example $$page: output differs (above)"; fail=$$((fail+1)); fi; done; \
	echo "examples: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

check-corpus: $(BUILD)/readmode $(CORPUS_TESTS:tests/%.c=$(BUILD)/tests/%)
	@set -e; for t in $(CORPUS_TESTS:tests/%.c=$(BUILD)/tests/%); do \
	    $(TEST_ENV) $$t; done

# readmode's Markdown read back by cmark-gfm against its reader HTML, over
# every page of the shared corpora.
check-markdown: $(BUILD)/readmode
	@nice python3 tests/markdown/roundtrip.py $(BUILD)/readmode $(SHARED)

check-junk: $(BUILD)/readmode
	@if [ -f $(SHARED)/fixtures/junk/check.py ]; then \
	    python3 $(SHARED)/fixtures/junk/check.py -v $(SHARED)/fixtures/junk -- $(BUILD)/readmode; \
	else echo "check-junk: SKIPPED, $(SHARED)/fixtures/junk not found"; fi

check-protocol: $(BUILD)/readmode $(PROTOCOL_TESTS:tests/%.c=$(BUILD)/tests/%)
	@set -e; for t in $(PROTOCOL_TESTS:tests/%.c=$(BUILD)/tests/%); do \
	    $(TEST_ENV) $$t; done

# Hostile pages and messages against the real binary: huge, deep, broken
# and malicious input, concurrent and killed hosts (tests/hostile).
# Every program runs even when one fails, so one report shows them all.
check-hostile: $(BUILD)/readmode $(HOSTILE_TESTS:tests/%.c=$(BUILD)/tests/%)
	@failed=0; for t in $(HOSTILE_TESTS:tests/%.c=$(BUILD)/tests/%); do \
	    $(TEST_ENV) $$t || failed=1; done; exit $$failed

# install.sh --no-deps in a throwaway HOME: manifests, idempotence, uninstall;
# then make install/uninstall in a throwaway DESTDIR, and a program built
# against what it installed.
check-install: $(BUILD)/readmode $(LIBRARY)
	tests/install/test_install.sh
	tests/install/test_make_install.sh

check-browser: $(BUILD)/readmode
	@if [ -x tests/browser/run.sh ]; then tests/browser/run.sh $(abspath $(BUILD)/readmode); \
	else echo "check-browser: no browser test yet"; fi

# Unit and corpus tests again with AddressSanitizer + UBSan, in their own tree.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	CK_FORK=no ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(MAKE) BUILD=build/asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" check-unit check-corpus check-protocol

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang, ASan and UBSan
# in their own tree. `make fuzz` runs each for FUZZ_SECONDS and fails on any
# crash, sanitizer report, leak or input slower than 2 s; `make check` runs
# a short round when clang is installed (install.sh --dev installs it).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_BUILD   := build/fuzz
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	    CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" fuzz-targets

fuzz-targets: $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(TOOL_OBJS) $(BUILD)/libreadmode.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< $(TOOL_OBJS) \
	    $(BUILD)/libreadmode.a $(TOOL_LIBS) $(LIBS)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(SHARED) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The smoke round needs a compiler that links libFuzzer (Apple's clang and
# gcc do not); without one it says so and is skipped.
check-fuzz:
	@mkdir -p $(FUZZ_BUILD)
	@if printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return !d + (int)n; }\n' | \
	    $(FUZZ_CC) -x c -fsanitize=fuzzer -o $(FUZZ_BUILD)/has-libfuzzer - >/dev/null 2>&1; then \
	    rm -rf $(FUZZ_BUILD)/smoke-corpus; \
	    FUZZ_CORPUS=$(FUZZ_BUILD)/smoke-corpus \
	        $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS); \
	else echo "check-fuzz: SKIPPED, $(FUZZ_CC) with libFuzzer not found (./install.sh --dev)"; fi

# The bulk runs on four threads under ThreadSanitizer, against -j 1.
TSAN_FLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
check-tsan: $(BUILD)/readmode
	$(MAKE) BUILD=build/tsan CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" build/tsan/readmode
	tests/bulk/tsan.sh build/tsan/readmode $(BUILD)/readmode

# Library throughput against Gumbo alone, then requests over the protocol.
# WCXB_EVERY=N (every Nth WCXB page) and SCALING_ARGS="--sizes 1,10" make a
# quicker, partial run (see tests/bench/run.sh).
# The benchmark programs are built here with the library's own flags and
# libraries (run.sh only runs them); `make check` builds them too
# (check-bench), so that they cannot silently stop building.
BENCH_PROGS := $(BUILD)/bench/bench $(BUILD)/bench/scaling $(BUILD)/bench_native

bench: $(BUILD)/readmode $(BUILD)/libreadmode.a $(BENCH_PROGS)
	tests/bench/run.sh $(BUILD) $(SHARED)
	$(BUILD)/bench_native $(abspath $(BUILD)/readmode) $(SHARED) 5

# bench (corpus pages) and scaling (synthetic shapes) link the static
# library and Gumbo directly (they time Gumbo alone as the baseline).
$(BUILD)/bench/%: tests/bench/%.c tests/shapes.h $(ALL_HDRS) $(BUILD)/libreadmode.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libreadmode.a $(LIBS)

# The protocol benchmark: build/bench_native BINARY SHARED_DIR [ROUNDS]
$(BUILD)/bench_native: tests/bench/bench_native.c tests/nm_client.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(LIBS)

# The benchmark programs build (-Werror) and each runs briefly: bench over
# the examples, scaling on its smallest shapes (seconds, not a benchmark).
check-bench: $(BENCH_PROGS) $(BUILD)/readmode
	@$(BUILD)/bench/bench --seconds 0.05 --name examples examples > $(BUILD)/bench/check.txt && \
	 $(BUILD)/bench/scaling --sizes 1 --budget 1 --seconds 0 --rounds 1 --jobs 2 > $(BUILD)/bench/check-scaling.txt && \
	 echo "check-bench: bench and scaling build and run" || \
	 { cat $(BUILD)/bench/check.txt $(BUILD)/bench/check-scaling.txt; echo "check-bench: FAILED"; exit 1; }

library: $(LIBRARY)

install: $(BUILD)/readmode $(LIBRARY)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/readmode $(DESTDIR)$(BINDIR)/readmode
	install -m 755 $(BUILD)/$(REALNAME) $(DESTDIR)$(LIBDIR)/
	ln -sf $(REALNAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libreadmode.so
	install -m 644 $(BUILD)/libreadmode.a $(DESTDIR)$(LIBDIR)/
	install -m 644 src/lib/readmode.h $(DESTDIR)$(INCLUDEDIR)/
	printf '%s\n' "$$PKGCONFIG" > $(DESTDIR)$(PKGCONFIGDIR)/readmode.pc
	install -m 644 docs/readmode.1 $(DESTDIR)$(MANDIR)/man1/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/readmode $(DESTDIR)$(LIBDIR)/$(REALNAME) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libreadmode.so \
	    $(DESTDIR)$(LIBDIR)/libreadmode.a $(DESTDIR)$(INCLUDEDIR)/readmode.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/readmode.pc $(DESTDIR)$(MANDIR)/man1/readmode.1

# Shell completions, installed with the command (kept apart from the rest of
# install so that packagers can pick them).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
install: install-completions
uninstall: uninstall-completions
install-completions:
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completions/readmode.bash $(DESTDIR)$(BASHCOMPDIR)/readmode
	install -m 644 completions/_readmode $(DESTDIR)$(ZSHCOMPDIR)/_readmode
	install -m 644 completions/readmode.fish $(DESTDIR)$(FISHCOMPDIR)/readmode.fish
uninstall-completions:
	rm -f $(DESTDIR)$(BASHCOMPDIR)/readmode $(DESTDIR)$(ZSHCOMPDIR)/_readmode \
	    $(DESTDIR)$(FISHCOMPDIR)/readmode.fish

check-completions:
	tests/completions/test_completions.sh

# examples/bulk (GNU parallel, Dask) against one readmode --jsonl.
check-bulk: $(BUILD)/readmode
	tests/bulk/test_examples.sh $(BUILD)/readmode

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
