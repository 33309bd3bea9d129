#!/usr/bin/env bash
# Differential test of contacts_list (issue 3): random filter + sort + limit
# combinations over seeded data, each run through contacts_list and through
# independently written plain SQL, rows and order compared; full traversals by
# cursor; contacts_count and contacts_explain; error SQLSTATEs. See
# differential.py for what exactly is drawn and how the reference is written.
#
#   CONTACTS_CLUSTER_DIR=.cluster/test bash test/integration/differential.sh [options]
#
# Options go to differential.py (--seed S, --combinations N, --rows N,
# --only I, --keep-db, --help ...); so do the environment variables
# DIFFERENTIAL_SEED, DIFFERENTIAL_COMBINATIONS, DIFFERENTIAL_TRAVERSALS,
# DIFFERENTIAL_ROWS, DIFFERENTIAL_DATA_SEED. The seed of the combinations is
# random unless given, and printed: a failure is reproduced with --seed S
# (and --only I for one combination).
source "$(dirname "$0")/lib.sh"

# Debian's python3 has python3-psycopg2; a python3 earlier on PATH (pyenv,
# venv) may not.
py=""
for candidate in "${DIFFERENTIAL_PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import psycopg2' 2>/dev/null; then py="$candidate"; break; fi
done
[ -n "$py" ] || die "no python3 with psycopg2 (Debian package python3-psycopg2; scripts/lib.sh ensure_packages installs it)"

exec "$py" "$(dirname "$0")/differential.py" "$@"
