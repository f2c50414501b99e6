#!/usr/bin/env bash
# Runs every test: static checks, unit, integration on PGlite and on a real PostgreSQL server,
# then end-to-end in Chromium against one production build. Installs Chromium and PostgreSQL
# from Debian's packages only when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

ensure_debian_package() { # binary package
  if [ ! -x "$1" ]; then
    step "Installing $2 (missing on this machine)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "$2"
  fi
}
ensure_debian_package /usr/bin/chromium chromium
ensure_debian_package /usr/lib/postgresql/15/bin/pg_ctl postgresql-15

rm -rf test-results && mkdir -p test-results

step "Lint, types and formatting"
npx eslint --max-warnings 0 .
npx tsc --noEmit
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

step "Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json

step "Integration tests on PGlite"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration-pglite.json

# Built before the PostgreSQL run: its multi-instance test starts two production servers.
step "Production build"
npm run build

step "Integration tests on PostgreSQL"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "Using TEST_DATABASE_URL"
else
  eval "$(bash scripts/postgres-cluster.sh start)"
  trap 'bash scripts/postgres-cluster.sh stop "$TEST_PG_DIR"' EXIT
  echo "Started a throwaway cluster at $TEST_DATABASE_URL"
fi
TEST_DATABASE_URL=$TEST_DATABASE_URL npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration-postgres.json

# The bench's correctness check on the same build and server: a small crowd of phones joins,
# votes and sees the results through one and through two instances. It fails on any failed
# request, dropped stream or lost ballot; its timings are reported, never asserted.
step "Load check: 30 phones on 1 and on 2 instances"
npx tsx tests/load/bench.ts --no-build --database-url "$TEST_DATABASE_URL" --participants 30 --vote-window 2 \
  | tee test-results/bench-1-instance.txt
npx tsx tests/load/bench.ts --no-build --database-url "$TEST_DATABASE_URL" --participants 30 --vote-window 2 \
  --instances 2 --no-phone-js | tee test-results/bench-2-instances.txt

step "End-to-end tests in Chromium"
npx playwright test

# The same build against a throwaway PostgreSQL cluster of their own that they stop and start
# (ports 3400+): an app server killed mid-vote, the database restarted, a phone offline.
step "Fault tests (real Postgres, production build)"
npx playwright test -c playwright.faults.config.ts

node scripts/test-summary.mjs test-results
