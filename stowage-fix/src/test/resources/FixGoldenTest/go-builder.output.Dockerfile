FROM golang:1.22-bookworm AS build
COPY . /src
WORKDIR /src
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
USER 65532:65532
COPY --from=build /out/app /app
ENTRYPOINT ["/app", "--listen", ":8080"]
