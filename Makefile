# contacts_ext, built the PostgreSQL way (PGXS).
#
#   make                      build contacts_ext.so (C++17, links ICU)
#   make install              install it into $(pg_config --pkglibdir) and the extension dir
#   make installcheck         run pg_regress over sql/ against a running server (PGHOST/PGPORT)
#
# PG_CONFIG may be overridden: make PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
# The PostgreSQL-free core is also built, unit-tested and fuzzed by CMakeLists.txt.

EXTENSION  = contacts_ext
MODULE_big = contacts_ext

CORE_SRCS = $(sort $(wildcard src/core/*.cpp))
PG_SRCS   = $(sort $(wildcard src/pg/*.cpp))
OBJS      = $(CORE_SRCS:.cpp=.o) $(PG_SRCS:.cpp=.o)

# The install script of the current version is built from extension/parts/*.sql
# (in name order, one concern per file). Released versions' install scripts
# (frozen copies) and the upgrade scripts contacts_ext--A--B.sql are kept as
# written: CREATE EXTENSION ... VERSION '0.1' and ALTER EXTENSION ... UPDATE work.
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" contacts_ext.control)
DATA_built  = extension/contacts_ext--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard extension/contacts_ext--*.sql))
EXTRA_CLEAN = $(DATA_built)

# pg_regress tests, in order; each sql/NAME.sql has its expected/NAME.out.
REGRESS = schema generate seed text_search drop_guard list list_scan limits upgrade
REGRESS_OPTS = --inputdir=. --encoding=UTF8 --no-locale

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS   := $(shell pkg-config --libs icu-uc icu-i18n)

# The server headers are included as system headers so -Wextra reports our
# code, not theirs. Warnings are errors: the build must stay warning-free.
PG_CPPFLAGS  = -isystem $(shell $(PG_CONFIG) --includedir-server) -Isrc $(ICU_CFLAGS)
PG_CXXFLAGS  = -std=c++17 -Wall -Wextra -Werror
SHLIB_LINK  += $(ICU_LIBS) -lstdc++

# No LLVM bitcode for JIT inlining: it needs the exact clang the server was
# built with and buys nothing for C++ code that is not inlined anyway.
override with_llvm = no

include $(PGXS)

$(DATA_built): $(sort $(wildcard extension/parts/*.sql)) contacts_ext.control
	cat $(sort $(wildcard extension/parts/*.sql)) > $@

# Every object depends on the headers (simple and safe: the tree is small).
$(OBJS): $(wildcard src/core/*.hpp src/pg/*.hpp)
