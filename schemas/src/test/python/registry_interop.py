"""Reads and writes Confluent-framed Avro with clients nobody in Lodestone wrote.

Confluent's own Python SchemaRegistryClient (Debian's python3-confluent-kafka) talks to the registry;
Apache Avro's Python implementation (python3-avro) encodes and decodes. PythonInteropIT runs this with
Debian's /usr/bin/python3:

  registry_interop.py decode URL PAYLOAD_FILE
      Fetches the payload's schema by the id in its header and decodes it; prints JSON with the schema
      id, the record (timestamps as epoch millis, bytes as hex), and the record re-encoded by Python.
  registry_interop.py encode URL SUBJECT SCHEMA_FILE RECORD_JSON OUT_FILE
      Registers SCHEMA_FILE under SUBJECT, encodes the record (fields named *_at are epoch millis) and
      writes header + Avro binary to OUT_FILE; prints JSON with the schema id.
"""
import datetime
import io
import json
import struct
import sys

import avro.io
import avro.schema
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

MAGIC_BYTE = 0
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def to_json(value):
    if isinstance(value, datetime.datetime):
        return (value - EPOCH) // datetime.timedelta(milliseconds=1)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def from_json(value):
    """Fields named *_at hold timestamp-millis, which python3-avro writes from datetimes."""
    if isinstance(value, dict):
        return {k: (EPOCH + datetime.timedelta(milliseconds=v) if k.endswith("_at") and isinstance(v, int)
                    else from_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value


def encode_body(schema, record):
    out = io.BytesIO()
    avro.io.DatumWriter(schema).write(record, avro.io.BinaryEncoder(out))
    return out.getvalue()


def decode(url, payload_file):
    with open(payload_file, "rb") as f:
        payload = f.read()
    if len(payload) < 5 or payload[0] != MAGIC_BYTE:
        sys.exit("not a Confluent-framed payload: %r" % payload[:5])
    schema_id = struct.unpack(">I", payload[1:5])[0]
    registered = SchemaRegistryClient({"url": url}).get_schema(schema_id)
    schema = avro.schema.parse(registered.schema_str)
    record = avro.io.DatumReader(schema, schema).read(avro.io.BinaryDecoder(io.BytesIO(payload[5:])))
    print(json.dumps({"schema_id": schema_id, "schema_type": registered.schema_type,
                      "record": to_json(record), "reencoded": encode_body(schema, record).hex()}))


def encode(url, subject, schema_file, record_json, out_file):
    with open(schema_file) as f:
        schema_text = f.read()
    schema_id = SchemaRegistryClient({"url": url}).register_schema(subject, Schema(schema_text, "AVRO"))
    body = encode_body(avro.schema.parse(schema_text), from_json(json.loads(record_json)))
    with open(out_file, "wb") as f:
        f.write(struct.pack(">bI", MAGIC_BYTE, schema_id) + body)
    print(json.dumps({"schema_id": schema_id}))


if __name__ == "__main__":
    commands = {"decode": decode, "encode": encode}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
