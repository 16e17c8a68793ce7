# Parley: one image for every app instance (docker-compose.yml runs two).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall patches dependencies (server/scripts/patch-deps.mjs).
COPY server/scripts/patch-deps.mjs server/scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
# A V8 heap limit sized for a 1 GiB instance: with room to spare (24 GB here) V8
# grows the heap during a connection storm and keeps the pages, so 19,000 idle
# sockets (~300 MB live) sat at 0.9-1.3 GB RSS; with this limit, 675-690 MB
# (BENCHMARKS.md entry 17; the benchmark harness runs Parley with the same limit).
ENV NODE_OPTIONS=--max-old-space-size=640
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node directly (not npm start): npm's `sh -c` would not pass SIGTERM on, and
# graceful shutdown (finish requests, close sockets with 1001) needs it.
CMD ["node", "server/src/main.ts"]
