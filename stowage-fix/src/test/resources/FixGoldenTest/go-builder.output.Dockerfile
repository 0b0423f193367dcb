FROM golang:1.22-bookworm AS build
COPY . /src
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
USER 65532:65532
COPY --from=build /out/app /app
ENTRYPOINT ["/app", "--listen", ":8080"]
