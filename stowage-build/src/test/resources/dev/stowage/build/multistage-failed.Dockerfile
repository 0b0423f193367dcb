FROM dive-test:latest AS base
RUN echo hello > /hello
FROM base AS build
COPY a.txt /a.txt
RUN sleep 1 && cat /a.txt
FROM dive-test:latest
COPY --from=build /a.txt /b
RUN exit 3
