# Ringscope's API and explorer, on Neo4j (see docker-compose.yml). Node 20 LTS, run as `node`.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client --if-present && npm prune --omit=dev

FROM node:20.19-bookworm-slim
ENV NODE_ENV=production \
    RINGSCOPE_STORE=neo4j \
    RINGSCOPE_HOST=0.0.0.0 \
    RINGSCOPE_PORT=8080 \
    RINGSCOPE_APP_DB=/data/ringscope-app.db \
    RINGSCOPE_UPLOAD_DIR=/data/uploads
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
CMD ["node", "--max-semi-space-size=64", "bin/ringscope.js", "serve"]
