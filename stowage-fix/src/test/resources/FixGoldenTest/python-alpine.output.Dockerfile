FROM python:3.12-alpine
RUN apk add --no-cache build-base
COPY requirements.txt /app/
RUN --mount=type=cache,target=/root/.cache/pip pip install -r /app/requirements.txt
COPY . /app
CMD exec python /app/main.py --port "$PORT"
