# Sourced by .ci/run: starts a throw-away PostgreSQL server on 127.0.0.1 for the store tests, exports its
# JDBC URL as TWOFA_TEST_POSTGRES_URL, and stops and removes it when the calling script exits.
# PostgreSQL comes from Debian's packages (already on the machine image; installed when missing).

if ! command -v pg_config >/dev/null 2>&1 || [ ! -x "$(pg_config --bindir)/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi

pg_bin=$(pg_config --bindir)
pg_dir=$(mktemp -d /tmp/twofa-ci-pg.XXXXXX)
pg_port=${TWOFA_CI_POSTGRES_PORT:-55433}
chown postgres "$pg_dir"

run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  run_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

run_as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
run_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
export TWOFA_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the store tests at $TWOFA_TEST_POSTGRES_URL"
