#!/usr/bin/env bash
# The whole ZeroTrace path on this machine, in one command:
#   bash scripts/local.sh [up]     install what is needed (scripts/setup.sh build), build the
#                                  release binaries, start a private PostgreSQL cluster (made
#                                  once under the state folder, reused), migrate, start the
#                                  ingest over TLS (a generated certificate), enroll an agent
#                                  daemon, wait until its scans of this host are in the
#                                  database, print the report and a summary read back from it.
#                                  The ingest and the agent keep running.
#   bash scripts/local.sh stop     stop the agent, the ingest (by their recorded pids) and the cluster
#   bash scripts/local.sh clean    stop, then delete the state folder (cluster, keys, logs)
#   bash scripts/local.sh status   what runs, where the logs are
#   bash scripts/local.sh psql [ARGS]  psql on the private cluster's database, as its superuser
# Never touches the system's PostgreSQL clusters, /etc or systemd.
#
# Environment (all optional):
#   ZT_STATE_DIR     the state folder (default build/local)
#   ZT_PG_PORT       the cluster's port on 127.0.0.1 (default 54329)
#   ZT_INGEST_PORT   the ingest's HTTPS port on 127.0.0.1 (default 18443)
#   ZT_AGENT_BIN, ZT_INGEST_BIN   use these binaries: no setup, no build (both or neither)
#   ZT_WAIT_SECONDS  how long to wait for the scans to reach the database (default 600)
#   ZT_JOBS          build jobs (default 2)
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source scripts/lib/local-cluster.sh

# The operator's fleet settings must not leak into this private setup.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^ZEROTRACE_' || true)

state=$(realpath -m "${ZT_STATE_DIR:-build/local}")
pg_port=${ZT_PG_PORT:-54329}
ingest_port=${ZT_INGEST_PORT:-18443}
company_name="This host (scripts/local.sh)"

say() { echo "local: $*" >&2; }
die() { echo "local: $*" >&2; exit 1; }

binaries() {
  if [ -n "${ZT_AGENT_BIN:-}${ZT_INGEST_BIN:-}" ]; then
    if [ ! -x "${ZT_AGENT_BIN:-}" ] || [ ! -x "${ZT_INGEST_BIN:-}" ]; then
      die "ZT_AGENT_BIN and ZT_INGEST_BIN must both name executables"
    fi
    agent=$ZT_AGENT_BIN ingest=$ZT_INGEST_BIN
    return
  fi
  bash scripts/setup.sh build
  say "building zerotrace-agent and zerotrace-ingest (build/release)"
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZT_BUILD_TESTS=OFF >/dev/null
  cmake --build build/release -j "${ZT_JOBS:-2}" --target zerotrace-agent zerotrace-ingest >/dev/null
  agent=$PWD/build/release/agent/zerotrace-agent ingest=$PWD/build/release/ingest/zerotrace-ingest
}

# The pid of process $1 (agent, ingest) if it runs: the pid in $state/$1.pid runs with our
# $state/$1.yaml (not another process that got the pid since; a zombie has no command line).
running_pid() {
  local pid
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"--config $state/$1.yaml "* ]] || return 1
  echo "$pid"
}

# Stops process $1 (SIGTERM, then SIGKILL after 30 s).
stop_process() {
  local pid
  if pid=$(running_pid "$1"); then
    kill -TERM "$pid"
    for _ in $(seq 300); do running_pid "$1" >/dev/null || break; sleep 0.1; done
    if running_pid "$1" >/dev/null; then say "$1 ($pid) did not stop in 30 s: killed"; kill -KILL "$pid"; fi
    say "stopped $1 ($pid)"
  fi
  rm -f "$state/$1.pid"
}

# Starts `$2...` in its own session as process $1, output in $state/$1.log.
start_process() {
  local name=$1; shift
  setsid "$@" >"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$state/$name.pid"
}

tls_files() {
  [ -s "$state/tls/ingest.crt" ] && [ -s "$state/tls/ingest.key" ] && return
  say "making the ingest's self-signed TLS certificate ($state/tls)"
  install -d -m 0700 "$state/tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$state/tls/ingest.key" -out "$state/tls/ingest.crt" 2>/dev/null
  chmod 0600 "$state/tls/ingest.key"
}

start_ingest() {
  cat >"$state/ingest.yaml" <<EOF
# Written by scripts/local.sh: the ingest of the private setup (conf/ingest.yaml documents each key).
listen:
  address: 127.0.0.1
  port: $ingest_port
tls:
  certificate_file: $state/tls/ingest.crt
  key_file: $state/tls/ingest.key
database:
  url: "$(pg_conninfo zt_ingest)"
EOF
  start_process ingest "$ingest" --config "$state/ingest.yaml" serve
  for _ in $(seq 300); do
    grep -q "listening on https://" "$state/ingest.log" && return
    running_pid ingest >/dev/null || break
    sleep 0.2
  done
  tail -n 20 "$state/ingest.log" >&2
  die "the ingest did not start on 127.0.0.1:$ingest_port (log: $state/ingest.log; another port: ZT_INGEST_PORT=...)"
}

# A token for a first start; none when the agent already holds its api key.
enrollment_token() {
  [ -s "$state/agent/agent.key" ] && return
  local company
  company=$(pg_sql "SELECT id FROM companies WHERE name = '$company_name'")
  if [ -z "$company" ]; then
    "$ingest" --database-url "$(pg_conninfo postgres)" company create "$company_name" >/dev/null
    company=$(pg_sql "SELECT id FROM companies WHERE name = '$company_name'")
  fi
  "$ingest" --database-url "$(pg_conninfo postgres)" token create --company "$company" \
    --max-uses 1 --valid-days 1 --description "scripts/local.sh" | tail -n 1
}

start_agent() {
  local token
  token=$(enrollment_token)
  install -d -m 0700 "$state/agent"
  cat >"$state/agent.yaml" <<EOF
# Written by scripts/local.sh: the agent daemon of the private setup (conf/agent.yaml documents each key).
agent:
  state_dir: $state/agent
scheduler:
  splay_percent: 0
server:
  url: https://localhost:$ingest_port
  ca_file: $state/tls/ingest.crt
  enrollment_token: "$token"
collectors:
  # A first look: the walks of the host's files stop after a minute here (the default, in
  # conf/agent.yaml, is 4 minutes, which a host with large home folders takes).
  privacy:
    max_seconds: 60
  web3:
    max_seconds: 60
  ai_ml:
    max_seconds: 60
EOF
  chmod 0600 "$state/agent.yaml"
  start_process agent "$agent" --config "$state/agent.yaml"
}

# The collectors the daemon runs here: enabled and usable (`--list-collectors`).
expected_scans() {
  "$agent" --list-collectors --config "$state/agent.yaml" | awk '$3 == "yes" && $4 == "yes"' | wc -l
}

# Waits until every collector's scan since $1 is in the database with all its batches.
wait_for_scans() {
  local since=$1 expected done=0 deadline
  expected=$(expected_scans)
  deadline=$((SECONDS + ${ZT_WAIT_SECONDS:-600}))
  say "waiting for the agent's $expected scans to reach the database (log: $state/agent.log)"
  while [ "$SECONDS" -lt "$deadline" ]; do
    done=$(pg_sql "SELECT count(*) FROM scans s WHERE s.start_time >= '$since' AND s.status <> 'running'
      AND (SELECT count(*) FROM ingested_batches b WHERE b.scan_id = s.id)
        = (SELECT max(parts) FROM ingested_batches b WHERE b.scan_id = s.id)")
    [ "$done" -ge "$expected" ] && return
    running_pid agent >/dev/null || { tail -n 20 "$state/agent.log" >&2; die "the agent stopped (log: $state/agent.log)"; }
    sleep 2
  done
  tail -n 20 "$state/agent.log" >&2
  die "$done of $expected scans in the database after ${ZT_WAIT_SECONDS:-600} s (log: $state/agent.log)"
}

summary() {
  echo
  echo "== summary, read back from PostgreSQL (database zerotrace, socket $(pg_socket_dir), port $(pg_running_port))"
  echo "agents: $(pg_sql "SELECT count(*) FROM agents")"
  echo "scans: $(pg_sql "SELECT count(*) FROM scans")"
  echo "open findings: $(pg_sql "SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'open'")"
  echo "open findings by category and severity:"
  pg_sql "SELECT category, severity, count(*) FROM vulnerabilities_v2 WHERE status = 'open'
          GROUP BY 1, 2 ORDER BY 1, min(CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1
          WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END)" |
    while IFS='|' read -r category severity count; do
      printf '  %-12s %-10s %s\n' "$category" "$severity" "$count"
    done
}

write_env() {
  cat >"$state/local.env" <<EOF
PG_DIR=$(pg_dir)
PG_SOCKET_DIR=$(pg_socket_dir)
PG_PORT=$(pg_running_port)
INGEST_URL=https://localhost:$ingest_port
EOF
}

up() {
  binaries
  install -d -m 0755 "$state"
  pg_up "$pg_port"
  pg_database zerotrace
  "$ingest" --database-url "$(pg_conninfo postgres)" migrate >&2
  pg_sql "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zt_ingest') THEN
            CREATE ROLE zt_ingest LOGIN IN ROLE zerotrace_ingest; END IF; END \$\$" >/dev/null
  tls_files
  stop_process agent
  stop_process ingest
  start_ingest
  say "ingest running: https://localhost:$ingest_port (pid $(cat "$state/ingest.pid"))"
  local since
  since=$(pg_sql "SELECT now()")
  start_agent
  write_env
  wait_for_scans "$since"
  echo "== report: zerotrace-agent --once on this host"
  "$agent" --once --config "$state/agent.yaml"
  summary
  cat <<EOF

Running: the ingest (https://localhost:$ingest_port, pid $(cat "$state/ingest.pid")), the agent
daemon (pid $(cat "$state/agent.pid")) and PostgreSQL ($(pg_socket_dir), port $(pg_running_port)).
State and logs: $state.   SQL: bash scripts/local.sh psql
Stop: bash scripts/local.sh stop      Stop and delete everything: bash scripts/local.sh clean
EOF
}

stop() {
  [ -d "$state" ] || return 0
  stop_process agent
  stop_process ingest
  pg_down
}

status() {
  local name pid
  for name in agent ingest; do
    if pid=$(running_pid "$name"); then echo "$name: running (pid $pid, log $state/$name.log)"
    else echo "$name: stopped"; fi
  done
  if pg_running; then echo "postgresql: running ($(pg_socket_dir), port $(pg_running_port))"
  else echo "postgresql: stopped"; fi
}

case "${1:-up}" in
  up) up ;;
  stop) stop ;;
  clean) stop; pg_remove; rm -rf "$state"; say "removed $state" ;;
  status) status ;;
  psql) shift; pg_psql "$@" ;;
  *) echo "usage: $0 [up|stop|clean|status|psql [ARGS]]" >&2; exit 2 ;;
esac
