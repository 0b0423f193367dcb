FROM node:22-bookworm-slim
# native modules need a compiler
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install --no-install-recommends -y python3 make g++
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
