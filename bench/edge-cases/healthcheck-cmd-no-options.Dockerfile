FROM alpine:3.19
RUN apk add --no-cache curl
HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1
CMD ["httpd", "-f"]
