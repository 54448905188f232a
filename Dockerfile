FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY benches benches
COPY migrations migrations
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /src/target/release/tarikh /usr/local/bin/tarikh
COPY seeds /app/seeds
WORKDIR /data
ENTRYPOINT ["tarikh"]
