# shellcheck shell=bash disable=SC2154  # $state comes from scripts/local.sh
# The private PostgreSQL cluster of scripts/local.sh (sourced; needs $state, say and die).
# Debian's server binaries (/usr/lib/postgresql/<newest>/bin) run a cluster of our own: its
# data, log and unix-socket folder under $state/pg, its own port on 127.0.0.1; never a system
# cluster, never pg_ctlcluster. PostgreSQL refuses to run as root, so as root the server runs
# as the `postgres` user; when that user cannot reach $state (a checkout under /root, mode
# 0700) the cluster lives in /var/lib/zerotrace-local/<hash of $state> and $state/pg links to it.
#
# Nobody logs in with a password: the socket folder is the server user's (0700) and its
# connections use peer authentication mapped (pg_ident.conf) from the user running this script
# to the superuser `postgres` and to the ingest's role `zt_ingest`; TCP on 127.0.0.1 asks for a
# password, and no role has one.

# The newest server's binaries; looked up when used, since setup.sh may install them first.
pg_bin() {
  local bin
  bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)
  [ -n "$bin" ] || die "no PostgreSQL server under /usr/lib/postgresql (scripts/setup.sh build installs it)"
  echo "$bin"
}

pg_server_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

# Runs a command as the server user, from / (the caller's folder may be closed to it).
as_server() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_dir() { if [ -L "$state/pg" ]; then readlink -f "$state/pg"; else echo "$state/pg"; fi; }
pg_socket_dir() { echo "$(pg_dir)/run"; }
pg_running() { [ -f "$(pg_dir)/data/PG_VERSION" ] && as_server "$(pg_bin)/pg_ctl" -D "$(pg_dir)/data" status >/dev/null; }
# The port of the running server (line 4 of postmaster.pid).
pg_running_port() { sed -n 4p "$(pg_dir)/data/postmaster.pid" 2>/dev/null; }
pg_conninfo() { echo "host=$(pg_socket_dir) port=$(pg_running_port) dbname=zerotrace user=$1"; }

pg_psql() {
  psql -X -h "$(pg_socket_dir)" -p "$(pg_running_port)" -U postgres -d zerotrace "$@"
}
# One statement as the superuser; rows as `a|b|c` lines.
pg_sql() { pg_psql -At -v ON_ERROR_STOP=1 -c "$1"; }

pg_create() {
  pg_bin >/dev/null  # stops here, saying why, without a server
  local dir=$state/pg user client
  user=$(pg_server_user) client=$(id -un)
  rm -rf "$dir"  # what a failed first attempt left
  if [ "$(id -u)" -eq 0 ] && ! as_server test -x "$state"; then
    dir=/var/lib/zerotrace-local/$(printf %s "$state" | sha256sum | cut -c1-16)
    install -d -m 0755 /var/lib/zerotrace-local
    rm -rf "$dir"
    ln -sfn "$dir" "$state/pg"
    say "the user postgres cannot reach $state: the cluster lives in $dir ($state/pg links to it)"
  fi
  install -d -m 0700 -o "$user" "$dir" "$dir/run"
  say "creating the private PostgreSQL cluster in $dir"
  as_server "$(pg_bin)/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed in $dir/data"; }
  as_server tee "$dir/data/pg_hba.conf" >/dev/null <<EOF
# scripts/local.sh: peer on the private socket, mapped in pg_ident.conf; TCP needs a password.
local all all peer map=zt
host all all 127.0.0.1/32 scram-sha-256
EOF
  as_server tee "$dir/data/pg_ident.conf" >/dev/null <<EOF
zt $client postgres
zt $client zt_ingest
zt $user postgres
EOF
}

# Creates the cluster if needed and starts it on $1 unless it runs.
pg_up() {
  [ -f "$(pg_dir)/data/PG_VERSION" ] || pg_create
  pg_running && return
  local dir
  dir=$(pg_dir)
  as_server "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $1 -k $dir/run -c listen_addresses=127.0.0.1" start >/dev/null ||
    { tail -n 5 "$dir/server.log" >&2; die "PostgreSQL did not start on port $1 (log: $dir/server.log; another port: ZT_PG_PORT=...)"; }
  say "PostgreSQL running: $dir/run, port $1"
}

pg_database() {
  local exists
  exists=$(psql -X -At -h "$(pg_socket_dir)" -p "$(pg_running_port)" -U postgres -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$1'")
  [ -n "$exists" ] || psql -X -q -h "$(pg_socket_dir)" -p "$(pg_running_port)" -U postgres \
    -d postgres -c "CREATE DATABASE $1"
}

pg_down() {
  pg_running || return 0
  as_server "$(pg_bin)/pg_ctl" -D "$(pg_dir)/data" -m fast -w -t 60 stop >/dev/null
  say "stopped PostgreSQL"
}

# Deletes the cluster's folder where it lives apart from $state.
pg_remove() {
  [ -L "$state/pg" ] || return 0
  rm -rf "$(readlink -f "$state/pg")"
  rmdir /var/lib/zerotrace-local 2>/dev/null || true
}
