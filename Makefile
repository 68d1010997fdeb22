# signpost: a static site generator for adoption support portals.
# Plain make and pkg-config.  CC, CFLAGS, LDFLAGS, PREFIX and DESTDIR can
# be overridden on the command line.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/signpost
CC      ?= cc
CFLAGS  ?= -O2 -g
PKG_CONFIG ?= pkg-config

# Where objects go; tests and sanitizers use their own folders so each
# build keeps its own flags.
BUILD ?= build

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN += -Werror
endif

PKGS = libcmark-gfm yaml-0.1 libcurl libmicrohttpd
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# Debian ships no .pc file for the extensions library.
EXT_LIBS := $(shell $(PKG_CONFIG) --libs libcmark-gfm-extensions 2>/dev/null || echo -lcmark-gfm-extensions)
DEP_LIBS := $(EXT_LIBS) $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lpthread -lm

ALL_CFLAGS = $(WARN) -Isrc $(DEP_CFLAGS) -DSIGNPOST_DATADIR='"$(DATADIR)"' $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS)

SRC      := $(sort $(wildcard src/*.c src/*/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all site deps test-deps test unit sanitize bless install uninstall clean fuzz bench tsan-build \
	fuzzers fuzz-build fuzz-smoke asan-build

all: signpost

signpost: $(BUILD)/signpost
	@# rename, not overwrite: a running ./signpost keeps its old file
	@if [ "$(BUILD)" = build ]; then cp $(BUILD)/signpost signpost.new && mv -f signpost.new signpost; fi

$(BUILD)/signpost: $(MAIN_OBJ) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(DEP_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(ALL_LDFLAGS) $(DEP_LIBS)

units: $(UNIT_BIN)

# The two commands a newcomer runs.
site: deps
	$(MAKE) signpost
	./signpost build

# The suite, then the suites that exercise the binary again under the
# sanitizers, then each fuzz target over its seeds and a few seconds
# more: one run of tests/run, one closing line.
test: test-deps
	$(MAKE) BUILD=build/test WERROR=1 build/test/signpost units
	$(MAKE) asan-build
	$(MAKE) tsan-build
	$(MAKE) fuzz-build
	FUZZ_SMOKE_SECONDS=$(FUZZ_SMOKE_SECONDS) tests/run build/test build/asan build/fuzz build/tsan

deps:
	@scripts/install-deps build

test-deps:
	@scripts/install-deps test

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: test-deps asan-build
	SIGNPOST_NO_VALGRIND=1 tests/run build/asan

asan-build:
	$(MAKE) BUILD=build/asan WERROR=1 CC=clang \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" build/asan/signpost units

# The binary under ThreadSanitizer, for tests/threads.
tsan-build:
	$(MAKE) BUILD=build/tsan WERROR=1 CC=clang CFLAGS="-O1 -g -fsanitize=thread" \
		LDFLAGS="-fsanitize=thread" build/tsan/signpost

# libFuzzer targets (tests/fuzz/fuzz_*.c), linked against the library
# objects built with clang, coverage and ASan+UBSan in build/fuzz.
# `make fuzz FUZZ_SECONDS=N` runs each target N seconds (crashes are
# saved in build/fuzz/crashes/); `make fuzz-smoke` replays each seed
# corpus and fuzzes a few seconds more, as part of `make test`.
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN   := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_OBJ) $(ALL_LDFLAGS) $(DEP_LIBS)

fuzzers: $(FUZZ_BIN)

fuzz-build: test-deps
	$(MAKE) BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
		LDFLAGS="-fsanitize=address,undefined" fuzzers

fuzz: fuzz-build
	tests/fuzz/run --seconds $(FUZZ_SECONDS) build/fuzz

fuzz-smoke: fuzz-build
	tests/fuzz/run --seconds $(FUZZ_SMOKE_SECONDS) build/fuzz

# signpost against Hugo on a synthetic site (bench/run says what it
# measures); never part of `make test`.  Hugo is installed as root, else
# left out.  Options through BENCH_FLAGS, e.g. "--pages 2000 --scaling".
bench: signpost
	@scripts/install-deps bench || echo "bench: scripts/install-deps bench failed (see above); bench/run says what it measures without" >&2
	bench/run ./signpost $(BENCH_FLAGS)

# Accept reviewed changes to the golden sites' expected output.
bless: signpost
	tests/golden --bless ./signpost

install: signpost
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 signpost $(DESTDIR)$(BINDIR)/signpost
	install -m 644 docs/signpost.1 $(DESTDIR)$(MANDIR)/man1/signpost.1
	install -m 644 docs/signpost.5 $(DESTDIR)$(MANDIR)/man5/signpost.5
	install -m 644 docs/signpost-templates.7 $(DESTDIR)$(MANDIR)/man7/signpost-templates.7
	rm -rf $(DESTDIR)$(DATADIR)/themes/default
	install -d $(DESTDIR)$(DATADIR)/themes
	cp -R themes/default $(DESTDIR)$(DATADIR)/themes/default

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/signpost $(DESTDIR)$(MANDIR)/man1/signpost.1 \
		$(DESTDIR)$(MANDIR)/man5/signpost.5 $(DESTDIR)$(MANDIR)/man7/signpost-templates.7
	rm -rf $(DESTDIR)$(DATADIR)/themes/default

clean:
	rm -rf build signpost public tests/out

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
