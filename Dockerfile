# syntax=docker/dockerfile:1.7
# One image for the app and every worker; the command picks the process:
#   docker run IMAGE app | worker <recurrence|reminders|notifications|realtime|webhooks> | migrate
# Runs as a non-root user on a read-only root filesystem: mount a writable volume at /tmp
# (docker run --read-only --tmpfs /tmp ...; the Helm chart mounts an emptyDir).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Dependencies, dev ones included: the build needs Next.js, TypeScript's JSX transform and esbuild.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# Build: `npm run build:prod` leaves in dist/ exactly what the runtime stage copies (tests check that folder
# alone starts the app and every worker).
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build:prod

# Runtime: Node and dist/, nothing else (no npm cache, no source, no dev dependency, no compiler).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOST=0.0.0.0 \
    DATA_DIR=/tmp/cadence \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /usr/local/bin/npm /usr/local/bin/npx /opt/yarn-* \
 && groupadd --system --gid 10001 cadence && useradd --system --uid 10001 --gid cadence --no-create-home cadence
COPY --from=build --chown=root:root /src/dist/ /app/
USER 10001:10001
VOLUME ["/tmp"]
EXPOSE 3000
# Node runs as PID 1 on purpose: cadence.mjs handles SIGTERM/SIGINT itself (drain, flush, exit) and starts
# no child processes, so no init is needed to forward signals or reap zombies.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.mjs"]
ENTRYPOINT ["node", "/app/cadence.mjs"]
CMD ["app"]
