FROM debian:12
RUN apt-get update && \
    apt-get install --no-install-recommends -y curl ca-certificates && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
CMD ["curl", "--version"]
