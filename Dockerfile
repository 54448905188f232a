# tarikh in a container: `docker compose up` serves the seeded timeline on port 8080.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY benches benches
RUN cargo build --release --locked

FROM debian:bookworm-slim
# curl answers the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/tarikh /usr/local/bin/tarikh
COPY seeds /app/seeds
ENV TARIKH_ADDR=0.0.0.0:8080 \
    TARIKH_DB=/data/tarikh.db \
    TARIKH_SEEDS=/app/seeds
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["tarikh"]
CMD ["serve"]
