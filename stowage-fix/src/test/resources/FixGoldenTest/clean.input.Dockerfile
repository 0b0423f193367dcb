# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN apk add --no-cache curl
USER 65532:65532
ENTRYPOINT ["curl"]
