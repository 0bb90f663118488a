# syntax=docker/dockerfile:1
# One image for every Lintas process; its entrypoint takes the process's name:
#   docker build -t lintas .
#   docker run lintas intake          (health-liaison, rehabilitation, family-reunification, audit, console, identity)
#   docker run lintas identity bootstrap-admin --agency-id lintas-admin
# Settings come from the environment (README, "Configuration"); NODE_ENV is production unless set.
# docker-compose.yml runs the whole topology with it; deploy/ runs it in Kubernetes.

ARG NODE_IMAGE=node:24-bookworm-slim

# Every dependency, for the build. Install scripts run only where the build needs them (esbuild, which
# tsx runs on); the image's own Node 24 stands in for the `node` devDependency's binary.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild esbuild

# The five services and the console (nest build, into dist/apps/<app>/apps/<app>/src/main.js) and
# what else the image runs (the identity app, the entrypoint, the demo register:
# scripts/container-build.ts, into dist/container/). The console reads no file at run time: its
# pages, stylesheet and script are compiled into dist/ like the rest of its code.
FROM deps AS build
COPY . .
RUN npm run build \
  && node_modules/.bin/tsx scripts/container-build.ts

# Production dependencies only; none of them needs its install script.
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG NODE_IMAGE
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="lintas" \
  org.opencontainers.image.description="Lintas: event-sourced referral and integration backbone between Indonesian agencies; one image, the process named at run time" \
  org.opencontainers.image.version="${VERSION}" \
  org.opencontainers.image.base.name="${NODE_IMAGE}"
ENV NODE_ENV=production \
  HOST=0.0.0.0
WORKDIR /app
# Owned by root, read-only to the process; only .scratch (development keys, docker compose) and
# .console-client (where docker compose's demo-register leaves the console's client for it) are its own.
COPY package.json ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir .scratch .console-client && chown node:node .scratch .console-client
# The official image's unprivileged user (uid 1000).
USER node
# The processes' default ports: intake 3001 … audit 3005, console 3006, identity 4000 (PORT changes them).
EXPOSE 3001 3002 3003 3004 3005 3006 4000
# GET /health/live of a service or the console, the discovery document of the identity app, on $PORT or its default.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/dist/container/scripts/container-entrypoint.js", "health"]
ENTRYPOINT ["node", "/app/dist/container/scripts/container-entrypoint.js"]
