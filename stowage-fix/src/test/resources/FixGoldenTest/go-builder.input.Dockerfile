FROM golang:1.22-bookworm AS build
ADD . /src
RUN cd /src && CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT /app --listen :8080
