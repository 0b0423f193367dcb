FROM debian:12
RUN apt-get update && \
    apt-get install curl ca-certificates
ENV LANG C.UTF-8
CMD ["curl", "--version"]
