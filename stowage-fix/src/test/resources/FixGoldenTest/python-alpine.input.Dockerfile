FROM python:3.12-alpine
RUN apk update && apk add build-base
COPY requirements.txt /app/
RUN pip install -r /app/requirements.txt
COPY . /app
CMD exec python /app/main.py --port "$PORT"
