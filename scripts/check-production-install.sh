#!/usr/bin/env bash
# Proves the production build and a production install carry nothing of the fake Graph API,
# and that what they carry boots. It assembles the context a Docker image would: the root
# manifest and lockfile, the Agenda backend's manifest and dist, the root dist, and NOT
# packages/fake-instagram-graph-api.
#
# Why this works without the fake's folder: the fake is only a root devDependency, so the
# lockfile marks its workspace link dev-only and `npm ci --omit=dev` never creates it. (A plain
# `npm ci` there would leave a dangling node_modules/@instagram-sync/fake-instagram-graph-api
# symlink, and it would do the same with --omit=dev if anything in production depended on the
# fake: the checks below catch both.)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS

fail() {
  echo "check-production-install: $*" >&2
  exit 1
}

# Outside the repository, or npm would take the context for a folder of the repo's workspaces.
context="$(mktemp -d)"
case "$context/" in "$repo"/*) fail "temporary directory $context is inside the repository" ;; esac
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$context"
}
trap cleanup EXIT

# A Docker build starts without dist/; leftovers (`npm run demo` and `npm run bench` compile
# scripts/ and bench/, which import the fake, into the same dist/) must not count.
echo "== production build"
rm -rf "$repo/dist" "$repo/packages/agenda-sequelize-backend/dist"
(cd "$repo" && npm run build --silent)

echo "== production context"
cp "$repo/package.json" "$repo/package-lock.json" "$context/"
mkdir -p "$context/packages/agenda-sequelize-backend"
cp "$repo/packages/agenda-sequelize-backend/package.json" "$context/packages/agenda-sequelize-backend/"
cp -R "$repo/packages/agenda-sequelize-backend/dist" "$context/packages/agenda-sequelize-backend/"
cp -R "$repo/dist" "$context/"
# The pages, as the image's runtime stage copies them (built by `npm run build`'s build:web).
for page in dashboard ide; do
  mkdir -p "$context/$page"
  cp -R "$repo/$page/dist" "$context/$page/"
done

echo "== npm ci --omit=dev (sqlite3 compiles from source: about a minute)"
(cd "$context" && npm ci --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error)

echo "== nothing of the fake installed"
cd "$context"
found="$(find node_modules dist packages \( -iname '*fake-instagram-graph-api*' -o -lname '*fake-instagram-graph-api*' -o -name 'fake-graph' \) -print)"
[[ -z "$found" ]] || fail "paths of the fake in the production install:"$'\n'"$found"
# Files that import or contain the fake; -R follows the Agenda backend's workspace link. npm's
# own record of the tree (.package-lock.json) names the skipped dev workspace and is no file of it.
found="$(grep -RIl --exclude=.package-lock.json -e '@instagram-sync/fake-instagram-graph-api' \
  -e 'createFakeGraphApi' node_modules dist || true)"
[[ -z "$found" ]] || fail "files referring to the fake in the production install:"$'\n'"$found"

echo "== no dangling links (a workspace production needs but the context lacks)"
found="$(find node_modules -xtype l -print)"
[[ -z "$found" ]] || fail "links to nothing in the production install:"$'\n'"$found"

echo "== npm start with default settings"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
# A clean environment, so CI's own variables (NODE_ENV, NODE_OPTIONS, REDIS_URL...) play no part;
# setsid gives npm and node their own process group to stop together.
env -i PATH="$PATH" HOME="$HOME" PORT="$port" DATABASE_URL="sqlite:$context/data.sqlite" \
  setsid npm start >"$context/server.log" 2>&1 &
server_pid=$!

answers_200() {
  node -e "fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))" \
    "http://127.0.0.1:$port$1"
}
deadline=$((SECONDS + 60))
until answers_200 /healthz && answers_200 /readyz; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$context/server.log" >&2
    fail "npm start exited before answering"
  fi
  if ((SECONDS >= deadline)); then
    cat "$context/server.log" >&2
    fail "/healthz and /readyz did not both answer 200 within 60 s"
  fi
  sleep 1
done
echo "/healthz and /readyz answer 200 on port $port"
answers_200 /dashboard/ || fail "/dashboard/ does not answer 200 from the production install"
node -e "fetch(process.argv[1], { headers: { accept: 'text/html' } }).then(async (r) => process.exit(r.status === 200 && (await r.text()).includes('/graphql/ide/assets/') ? 0 : 1), () => process.exit(1))" \
  "http://127.0.0.1:$port/graphql" || fail "/graphql does not serve the IDE to a browser from the production install"
echo "/dashboard/ and the GraphQL IDE are served"
# npm start sets the service's heap sizes (src/config/node-options.ts: 192 MiB of old space
# and a young generation of three 32 MiB semi-spaces, 288 MiB in all; V8's own default here
# is gigabytes) when NODE_OPTIONS is unset, as here.
heap="$(grep -o '"heapLimitMb":[0-9]*' "$context/server.log" | head -1 | cut -d: -f2)"
[[ -n "$heap" && "$heap" -le 320 ]] || fail "npm start did not run with the service's heap limit (heapLimitMb=${heap:-?})"
echo "heap limit ${heap} MiB"

kill -TERM -- "-$server_pid"
for _ in $(seq 1 20); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$server_pid" 2>/dev/null; then
  cat "$context/server.log" >&2
  fail "npm start did not stop within 10 s of SIGTERM"
fi
echo "check-production-install: ok in $((SECONDS - started)) s"
