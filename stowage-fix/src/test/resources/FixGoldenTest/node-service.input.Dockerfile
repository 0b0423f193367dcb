FROM node:22-bookworm-slim
# native modules need a compiler
RUN apt-get update
RUN apt-get install -y python3 make g++
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
EXPOSE 3000
CMD node server.js
