# Shared shell functions for the contacts_ext scripts. Source it; do not run it.
#
#   ensure_packages   install what the build, tests and benchmarks need (Debian)
#   build_extension   make + make install (PGXS)
#   cluster_start DIR / cluster_stop DIR / cluster_env DIR
#
# A cluster is a throwaway PostgreSQL 15 instance in DIR (inside the checkout
# by default): its own data directory, socket directory and a free TCP port on
# 127.0.0.1, started as an unprivileged user (PostgreSQL refuses root).

set -euo pipefail

CONTACTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_CONFIG="${PG_CONFIG:-$PG_BIN/pg_config}"
export PG_CONFIG

log()  { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the project needs, one line each with the reason.
REQUIRED_PACKAGES=(
    postgresql-15                # the server (pg_trgm, pgbench and pg_regress ship with it)
    postgresql-server-dev-15     # server headers and PGXS
    postgresql-client-15
    build-essential
    cmake
    pkg-config
    libicu-dev                   # case/accent folding
    libgtest-dev                 # unit tests
    googletest
    clang                        # libFuzzer targets
    libclang-rt-14-dev           # sanitizer and libFuzzer runtimes
    python3
    python3-matplotlib           # benchmark charts
    python3-psycopg2             # test/integration/differential.py talks to the server
    valgrind                     # test/integration/memory.sh --valgrind: pg_regress under memcheck (long run)
)

ensure_packages() {
    local missing=()
    for p in "${REQUIRED_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # The server must match the headers' minor version; installing the
    # headers upgrades the server too, so both are checked together.
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            postgresql-15 postgresql-server-dev-15 >/dev/null
    fi
    [ -x "$PG_CONFIG" ] || die "pg_config not found at $PG_CONFIG"
}

build_extension() {
    log "building contacts_ext ($("$PG_CONFIG" --version))"
    make -C "$CONTACTS_ROOT" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG"
    log "installing contacts_ext into $("$PG_CONFIG" --pkglibdir)"
    as_root make -C "$CONTACTS_ROOT" -s install PG_CONFIG="$PG_CONFIG"
}

# The unprivileged OS user that runs the server: the caller when not root,
# otherwise the 'postgres' user the Debian package creates.
cluster_os_user() {
    if [ "$(id -u)" -ne 0 ]; then id -un; else echo postgres; fi
}

run_as_cluster_user() {
    local user; user="$(cluster_os_user)"
    if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

# Where a cluster named NAME lives: inside the checkout when the server's OS
# user can reach it, otherwise under /tmp (a root-only home directory, say).
cluster_dir() {
    local name="$1" dir="$CONTACTS_ROOT/.cluster/$1"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$CONTACTS_ROOT"; then
        dir="/tmp/contacts_ext-$(echo "$CONTACTS_ROOT" | md5sum | cut -c1-8)/$name"
    fi
    echo "$dir"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Writes DIR/env: the libpq variables that point psql, pgbench and drivers at
# the cluster. `source DIR/env` in a shell to use it.
write_cluster_env() {
    local dir="$1" port="$2"
    cat > "$dir/env" <<ENV
export PGHOST='$dir/socket'
export PGPORT='$port'
export PGUSER=postgres
export PGDATABASE=contacts
ENV
}

cluster_env() {
    local dir="$1"
    [ -f "$dir/env" ] || die "no cluster in $dir"
    # shellcheck disable=SC1091
    . "$dir/env"
}

cluster_running() {
    local dir="$1"
    [ -f "$dir/data/postmaster.pid" ] && run_as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

# cluster_start DIR [extra postgres -c settings...]: initdb when new, start,
# create the 'contacts' database. Idempotent.
cluster_start() {
    local dir="$1"; shift
    local user; user="$(cluster_os_user)"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        log "creating a throwaway cluster in $dir"
        run_as_cluster_user mkdir -p "$dir/socket"
        run_as_cluster_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; die "initdb failed"; }
        local port; port="$(free_port)"
        write_cluster_env "$dir" "$port"
        # Sized for this 2-core, 24 GiB machine and 3M contacts kept in memory.
        run_as_cluster_user tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
# contacts_ext throwaway cluster
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
shared_buffers = 4GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 16GB
checkpoint_timeout = 30min
max_connections = 120
log_min_messages = warning
log_line_prefix = '%m [%p] '
CONF
    fi
    if cluster_running "$dir"; then
        cluster_env "$dir"
        return 0
    fi
    cluster_env "$dir"
    # The port may have been taken since initdb: pick a new one if so.
    if ! python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',$PGPORT))" 2>/dev/null; then
        local port; port="$(free_port)"
        run_as_cluster_user sed -i "s/^port = .*/port = $port/" "$dir/data/postgresql.conf"
        write_cluster_env "$dir" "$port"; cluster_env "$dir"
    fi
    log "starting PostgreSQL on port $PGPORT (socket $PGHOST)"
    run_as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start "$@" >/dev/null \
        || { tail -20 "$dir/server.log"; die "the server did not start"; }
    psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'contacts'" | grep -q 1 \
        || psql -X -q -d postgres -c "CREATE DATABASE contacts"
}

cluster_stop() {
    local dir="$1"
    if cluster_running "$dir"; then
        log "stopping the cluster in $dir"
        run_as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
}
