# Helpers for integration tests: source it. Each test is a script that exits
# non-zero on the first failed assertion; scripts/test.sh runs them against
# the test cluster (CONTACTS_CLUSTER_DIR).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

cluster_env "${CONTACTS_CLUSTER_DIR:?run through scripts/test.sh, or set CONTACTS_CLUSTER_DIR}"

q() {  # q DB SQL: one value, unaligned
    local db="$1"; shift
    psql -X -v ON_ERROR_STOP=1 -d "$db" -tAq -c "$@"
}

fresh_db() {  # fresh_db NAME: an empty database with the extension
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
    q "$1" "CREATE EXTENSION contacts_ext" >/dev/null
}

assert_eq() {  # assert_eq WHAT EXPECTED ACTUAL
    if [ "$2" != "$3" ]; then
        printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3" >&2
        exit 1
    fi
    printf 'ok: %s\n' "$1"
}

assert_fails() {  # assert_fails WHAT PATTERN DB SQL: the SQL must fail with output matching PATTERN
    local what="$1" pattern="$2" db="$3" out
    shift 3
    if out="$(psql -X -v ON_ERROR_STOP=1 -d "$db" -tAq -c "$@" 2>&1)"; then
        printf 'FAIL: %s: succeeded, expected an error matching %s\n' "$what" "$pattern" >&2; exit 1
    fi
    if ! grep -qE "$pattern" <<<"$out"; then
        printf 'FAIL: %s: error did not match %s:\n%s\n' "$what" "$pattern" "$out" >&2; exit 1
    fi
    printf 'ok: %s\n' "$what"
}
