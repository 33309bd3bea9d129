#!/usr/bin/env bash
# Memory (issue 6, item 4): one session, many contacts_list calls with varied
# filters, sorts and cursors (plus counts, explains and errors on purpose):
# the backend's RSS stays flat within 5% after warm-up. See memory.py.
#
#   bash test/integration/memory.sh                 # CI size: 25,000 calls or 90 s, whichever first
#   bash test/integration/memory.sh --long          # the issue's 1,000,000 calls (1-2 hours here)
#   MEMORY_CALLS=N bash test/integration/memory.sh  # any size
#   bash test/integration/memory.sh --valgrind      # the pg_regress suite under valgrind (see below)
if [ "${1:-}" = "--valgrind" ]; then
    source "$(dirname "$0")/../../scripts/lib.sh"   # needs no test cluster: it makes its own
else
    source "$(dirname "$0")/lib.sh"
fi

# --valgrind: the regression suite (the Makefile's REGRESS list) against a
# throwaway cluster whose postmaster, and so every backend it forks, runs
# under valgrind memcheck. PostgreSQL itself reports a few known false
# positives without its source tree's suppression file (padding bytes
# written to WAL and files), so only errors with a contacts_ext frame in
# their stack count; any such error fails. The suite's own result is
# reported too (timing-dependent output can differ under valgrind's
# slowdown). Origins of uninitialised values are tracked, so a value our
# code left uninitialised is caught where PostgreSQL writes it out.
# Takes 15-30 minutes; VALGRIND_OPTS replaces --track-origins=yes.
if [ "${1:-}" = "--valgrind" ]; then
    command -v valgrind >/dev/null || die "valgrind is missing (apt-get install valgrind)"
    vdir="$(cluster_dir valgrind)"
    cluster_stop "$vdir" 2>/dev/null || true
    rm -rf "$vdir"
    cluster_start "$vdir" -o "-c shared_buffers=256MB"   # initdb, conf, the contacts database
    cluster_stop "$vdir"
    mkdir -p "$vdir/vg"; chmod 777 "$vdir/vg"
    log "starting PostgreSQL under valgrind in $vdir"
    run_as_cluster_user valgrind --quiet --trace-children=no --leak-check=no ${VALGRIND_OPTS:---track-origins=yes} \
        --num-callers=30 --error-limit=no --log-file="$vdir/vg/%p.log" \
        "$PG_BIN/postgres" -D "$vdir/data" -c shared_buffers=256MB -c max_connections=20 \
        -c statement_timeout=0 >"$vdir/server.log" 2>&1 &
    for _ in $(seq 1 600); do psql -X -q -d postgres -tAc "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
    psql -X -q -d postgres -tAc "SELECT 1" >/dev/null || die "the server did not start under valgrind"
    tests="$(sed -n 's/^REGRESS *= *//p' "$CONTACTS_ROOT/Makefile")"
    out="$vdir/regress"; mkdir -p "$out"; chmod 777 "$out"
    log "pg_regress under valgrind: $tests"
    regress_rc=0
    "$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/regress/pg_regress" --inputdir="$CONTACTS_ROOT" \
        --outputdir="$out" --encoding=UTF8 --no-locale --host="$PGHOST" --port="$PGPORT" $tests || regress_rc=$?
    cluster_stop "$vdir"
    # Error blocks (valgrind separates them with "==PID== " lines) that touch our code.
    ours="$(cat "$vdir"/vg/*.log 2>/dev/null | awk '
        /^==[0-9]+== $/ { if (block ~ /contacts/) { print block "\n" } block = ""; next }
        { block = block "\n" $0 }
        END { if (block ~ /contacts/) { print block } }')"
    total="$(cat "$vdir"/vg/*.log 2>/dev/null | grep -c "^==[0-9]*== \(Invalid\|Conditional\|Use of uninit\|Syscall param\|Mismatched\|Source and destination\|Argument\)" || true)"
    echo "valgrind: ${total:-0} memcheck reports in all processes (PostgreSQL's own, without its"
    echo "suppression file), by kind:"
    cat "$vdir"/vg/*.log 2>/dev/null | grep -o "^==[0-9]*== \(Invalid\|Conditional\|Use of uninit\|Syscall param\|Mismatched\|Source and destination\|Argument\).*" \
        | sed 's/^==[0-9]*== //; s/0x[0-9A-Fa-f]*/0x…/g' | sort | uniq -c | sort -rn | head -10 || true
    echo "with a contacts_ext frame (contacts::..., contacts_*, contacts_ext.so):"
    if [ -n "$ours" ]; then
        echo "$ours" | head -300
        echo "FAIL: valgrind reports errors in contacts_ext (all logs in $vdir/vg)"; exit 1
    fi
    echo "  none"
    if [ "$regress_rc" -ne 0 ]; then
        echo "pg_regress under valgrind: some tests differ (slowdown-dependent output, or a real"
        echo "difference: compare with scripts/test.sh): $out/regression.diffs"
        head -60 "$out/regression.diffs"
        exit 0   # the suite's own pass/fail is scripts/test.sh's; this run judges memory errors
    fi
    echo "pg_regress under valgrind: all passed"
    rm -rf "$vdir"
    exit 0
fi

PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
"$PY" -c 'import psycopg2' 2>/dev/null || die "python3-psycopg2 is missing (see REQUIRED_PACKAGES in scripts/lib.sh)"

limit=900
if [ "${1:-}" = "--long" ]; then
    export MEMORY_CALLS="${MEMORY_CALLS:-1000000}" MEMORY_MAX_SECONDS="${MEMORY_MAX_SECONDS:-0}"
    limit=14400
fi

db=it_memory
fresh_db "$db"
q "$db" "SET client_min_messages = warning; SELECT contacts_seed(2000, 11)" >/dev/null
q "$db" "ANALYZE" >/dev/null

MEMORY_DB="$db" timeout "$limit" "$PY" "$(dirname "$0")/memory.py"

psql -X -q -d postgres -c "DROP DATABASE $db WITH (FORCE)"
