FROM python:3.12-alpine
RUN apk add --no-cache build-base && addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app -h /nonexistent -s /sbin/nologin app
COPY requirements.txt /app/
RUN --mount=type=cache,target=/root/.cache/pip pip install -r /app/requirements.txt
USER 10001:10001
COPY . /app
CMD exec python /app/main.py --port "$PORT"
