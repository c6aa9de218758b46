#!/usr/bin/env bash
# CI: proves @instagram-sync/agenda-sequelize-backend stands alone. Packs it (prepack builds
# dist), checks the tarball holds the build and its type declarations but no tests or bench,
# installs only the tarball, its peers and mysql2 into a scratch project outside the
# repository, and runs one job through Agenda there (scripts/check-backend-package.smoke.mjs)
# on a fresh MariaDB schema. CHECK_MYSQL_URL names the server (default: the test server).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "check-backend-package: $1" >&2
  exit 1
}

tarball_name="$(npm pack --silent -w @instagram-sync/agenda-sequelize-backend \
  --pack-destination "$scratch" | tail -n 1)"
tarball="$scratch/$tarball_name"
[[ -f "$tarball" ]] || fail "npm pack produced no tarball"

contents="$(tar -tzf "$tarball")"
for expected in package/package.json package/README.md package/dist/index.js \
  package/dist/index.d.ts package/dist/redis.js package/dist/redis.d.ts; do
  grep -qx "$expected" <<<"$contents" || fail "the tarball lacks $expected"
done
if grep -E '^package/(test|bench|src)/|\.test\.|jest\.config' <<<"$contents"; then
  fail "the tarball ships test, bench or source files (listed above)"
fi

mkdir "$scratch/app"
cd "$scratch/app"
echo '{ "name": "backend-package-check", "private": true, "type": "module" }' >package.json
npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  "$tarball" agenda@6.2.6 sequelize@6.37.8 mysql2@3.24.6

# The declarations must stand alone too: a strict NodeNext consumer typechecks against dist.
cat >consumer.ts <<'TS'
import { Agenda } from 'agenda';
import { Sequelize } from 'sequelize';
import { SequelizeBackend, type SequelizeBackendOptions } from '@instagram-sync/agenda-sequelize-backend';
import { createRedisNotificationChannel } from '@instagram-sync/agenda-sequelize-backend/redis';
const options: SequelizeBackendOptions = { sequelize: new Sequelize('mysql://x@h/db'), ensureSchema: true };
export const agenda: Agenda = new Agenda({ backend: new SequelizeBackend(options) });
export const channel: typeof createRedisNotificationChannel = createRedisNotificationChannel;
TS
echo '{ "compilerOptions": { "module": "NodeNext", "strict": true, "noEmit": true,
  "skipLibCheck": true, "target": "ES2022", "types": [] }, "files": ["consumer.ts"] }' >tsconfig.json
node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json || fail "the type declarations do not typecheck"

cp "$repo/scripts/check-backend-package.smoke.mjs" smoke.mjs
node smoke.mjs || fail "the smoke run failed"
echo "check-backend-package: ok ($tarball_name)"
