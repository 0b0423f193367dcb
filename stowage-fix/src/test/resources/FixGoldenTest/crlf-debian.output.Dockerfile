FROM debian:12
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && \
    apt-get install --no-install-recommends -y curl ca-certificates
ENV LANG=C.UTF-8
CMD ["curl", "--version"]
