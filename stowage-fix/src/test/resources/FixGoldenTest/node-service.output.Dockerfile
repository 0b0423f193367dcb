FROM node:22-bookworm-slim
# native modules need a compiler
RUN apt-get update && apt-get install --no-install-recommends -y python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
