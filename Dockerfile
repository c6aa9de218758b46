# syntax=docker/dockerfile:1
# The service's image (default target) and the fake Graph API's (`--target fake-graph`, demo only).
#
#   docker build -t instagram-sync .                          # production: no fake, no tests, no dev deps
#   docker build -t instagram-sync-fake --target fake-graph .
#
# Stages: `toolchain` (Node + what compiles sqlite3) → `build` (every dependency, the production
# build) and `production-deps` (npm ci --omit=dev) → `runtime`, last so it is the default;
# `fake-build` → `fake-graph` only for that target.
ARG NODE_VERSION=20.20.2
ARG NPM_VERSION=11.19.1

FROM node:${NODE_VERSION}-bookworm-slim AS toolchain
ARG NPM_VERSION
# sqlite3 builds from source when no prebuilt binary matches; the lockfile's `allowScripts`
# needs the npm the project uses.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/* \
  && npm install -g npm@${NPM_VERSION}
WORKDIR /app

FROM toolchain AS build
COPY package.json package-lock.json ./
COPY packages/agenda-sequelize-backend/package.json packages/agenda-sequelize-backend/
COPY packages/fake-instagram-graph-api/package.json packages/fake-instagram-graph-api/
RUN npm ci --no-audit --no-fund
# Everything .dockerignore lets in: sources, migrations, packages, the web pages' sources.
COPY . .
# The backend package, then src + migrations into dist/, and the pages into dashboard/dist and
# ide/dist (build:web).
RUN npm run build

FROM toolchain AS production-deps
COPY package.json package-lock.json ./
COPY packages/agenda-sequelize-backend/package.json packages/agenda-sequelize-backend/
# Without the fake's folder: it is only a root devDependency, so --omit=dev never links it
# (scripts/check-production-install.sh proves the same in CI).
RUN npm ci --omit=dev --no-audit --no-fund

FROM build AS fake-build
RUN npm run build --silent -w @instagram-sync/fake-instagram-graph-api

# The fake Graph API alone, for the demo profile (its package has no runtime dependencies):
# it serves on 0.0.0.0 and connects its accounts to the API (deploy/demo/fake-graph-demo.mjs).
FROM node:${NODE_VERSION}-bookworm-slim AS fake-graph
WORKDIR /app
COPY --from=fake-build /app/packages/fake-instagram-graph-api/package.json ./
COPY --from=fake-build /app/packages/fake-instagram-graph-api/dist ./dist
COPY deploy/demo/fake-graph-demo.mjs ./
USER node
EXPOSE 4010
CMD ["node", "fake-graph-demo.mjs"]

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
# The service's heap sizes (src/config/node-options.ts); an environment's NODE_OPTIONS replaces them.
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=32"
WORKDIR /app
COPY package.json ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY packages/agenda-sequelize-backend/package.json packages/agenda-sequelize-backend/
COPY --from=build /app/packages/agenda-sequelize-backend/dist packages/agenda-sequelize-backend/dist
COPY --from=build /app/dist ./dist
COPY --from=build /app/dashboard/dist ./dashboard/dist
COPY --from=build /app/ide/dist ./ide/dist
# The data folder: a SQLite database and, outside production, the generated token key.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 4000
# /readyz: the database answers and every migration is applied (api and worker alike).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself, not npm: SIGTERM reaches the service, which drains (SHUTDOWN_TIMEOUT_MS) and exits 0.
CMD ["node", "dist/src/main.js"]
