#!/usr/bin/env bash
# Creates the throwaway secrets of the compose "hardened" profile in deploy/tls/out/ (gitignored):
# a self-signed CA, the Kafka broker's PKCS12 keystore signed by it, and random passwords for the
# Kafka SCRAM users and MongoDB users. Needs openssl. Run again with --force to replace them.
set -euo pipefail
cd "$(dirname "$0")"
out=out
if [[ -d $out && "${1:-}" != "--force" ]]; then
  echo "$out/ exists; use --force to regenerate" >&2
  exit 1
fi
rm -rf "$out" && mkdir -m 700 "$out"
password() { openssl rand -base64 32 | tr -dc 'A-Za-z0-9' | head -c 32; }

openssl req -x509 -newkey rsa:3072 -sha256 -days 365 -nodes -subj "/CN=PeerPulse local CA" \
  -keyout "$out/ca.key" -out "$out/kafka-ca.crt" 2>/dev/null
openssl req -newkey rsa:3072 -sha256 -nodes -subj "/CN=kafka-hardened" \
  -keyout "$out/kafka.key" -out "$out/kafka.csr" 2>/dev/null
printf 'subjectAltName=DNS:kafka-hardened,DNS:localhost,IP:127.0.0.1\n' > "$out/kafka.ext"
openssl x509 -req -in "$out/kafka.csr" -CA "$out/kafka-ca.crt" -CAkey "$out/ca.key" -CAcreateserial \
  -days 365 -sha256 -extfile "$out/kafka.ext" -out "$out/kafka.crt" 2>/dev/null
password > "$out/kafka-keystore-password"
openssl pkcs12 -export -name kafka -in "$out/kafka.crt" -inkey "$out/kafka.key" -certfile "$out/kafka-ca.crt" \
  -passout "file:$out/kafka-keystore-password" -out "$out/kafka-keystore.p12"
rm -f "$out/ca.key" "$out/kafka.key" "$out/kafka.csr" "$out/kafka.ext" "$out"/*.srl

for s in session feedback metrics; do
  password > "$out/$s-kafka-password"
  password > "$out/$s-mongo-password"
done
password > "$out/mongo-root-password"
# The containers run as other users than the one who ran this script.
chmod 644 "$out"/*
chmod 755 "$out"
echo "wrote $(ls "$out" | wc -l) files to deploy/tls/$out/"
