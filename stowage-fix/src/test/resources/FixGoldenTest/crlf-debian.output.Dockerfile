FROM debian:12
RUN useradd --uid 10001 --user-group --no-create-home --no-log-init --home-dir /nonexistent --shell /usr/sbin/nologin app
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && \
    apt-get install --no-install-recommends -y curl ca-certificates
USER 10001:10001
ENV LANG=C.UTF-8
CMD ["curl", "--version"]
