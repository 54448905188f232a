FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY benches benches
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /src/target/release/tarikh /usr/local/bin/tarikh
COPY seeds /app/seeds
WORKDIR /data
ENTRYPOINT ["tarikh"]
