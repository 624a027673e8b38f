#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#   bash scripts/with-postgres.sh <command…>
# The cluster lives in a temporary folder, listens on a free loopback port,
# and is stopped and removed when the command ends, whatever its outcome. The
# command gets TEST_POSTGRES_URL (a superuser URL on the `postgres` database,
# on which the tests create a database each). Its exit status is the command's.
#
# Debian's `postgresql` package is installed when it is missing and we are
# root. Without it and without root, the script says so and exits 0 without
# running the command: the suite runs on PostgreSQL "when it can start one".
set -euo pipefail
cd "$(dirname "$0")/.."

# `|| true`: without any PostgreSQL the glob matches nothing and ls fails,
# which must lead to the install below, not end the script (set -e).
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
bin=$(find_bin)
if [ -z "$bin" ] && [ "$(id -u)" = "0" ]; then
  echo "with-postgres: installing Debian's postgresql package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  # The package creates and starts a `main` cluster on port 5432; we run our
  # own throwaway one, so stop it rather than leave a server behind.
  for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] && pg_dropcluster --stop "$(basename "$(dirname "$cluster")")" main >&2 || true
  done
  bin=$(find_bin)
fi
if [ -z "$bin" ]; then
  echo "with-postgres: no PostgreSQL here and not root to install it: the PostgreSQL run is SKIPPED" >&2
  exit 0
fi

# initdb and postgres refuse to run as root: the cluster belongs to the
# `postgres` user the Debian package creates (or to us when we are not root).
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir=$(mktemp -d /tmp/ccs-postgres-XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
stop_cluster() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_cluster EXIT

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
# WITH_POSTGRES_PORT fixes the port (e.g. to keep a cluster up while developing:
# WITH_POSTGRES_PORT=55432 bash scripts/with-postgres.sh sleep infinity).
# Otherwise a free port is picked; another process may take it before the
# server binds it, so a failed start is tried again on another port.
# Durability is off: a test cluster is thrown away, and fsync dominates its time.
started=false
for attempt in 1 2 3; do
  port=${WITH_POSTGRES_PORT:-$(free_port)}
  if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    started=true
    break
  fi
  [ -z "${WITH_POSTGRES_PORT:-}" ] || break
done
if [ "$started" != true ]; then
  echo "with-postgres: the PostgreSQL cluster did not start; its log:" >&2
  cat "$dir/log" >&2 || true
  exit 1
fi
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
set +e
"$@"
status=$?
set -e
if [ $status -ne 0 ]; then tail -n 30 "$dir/log" >&2 || true; fi
exit $status
