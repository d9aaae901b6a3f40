#!/usr/bin/env python3
"""Subscribe to Lodestone alerts with Confluent's Kafka client for Python.

Alerts are Avro (SupplyChainAlert) in the Confluent wire format: byte 0, the 4-byte schema id, then
Avro binary. This example decodes them with the Apache Avro library and the registry's schema by id, so
it needs only Debian's python3-confluent-kafka, python3-avro and python3-requests. (With fastavro
installed, confluent_kafka.schema_registry.avro.AvroDeserializer does the same.)

    /usr/bin/python3 alerts/examples/consume_alerts.py --group my-team

Offsets are committed after each alert is handled: at-least-once, so deduplicate on the alert id.
"""
import argparse
import io
import json
import struct
import sys

import avro.io
import avro.schema
import requests
from confluent_kafka import Consumer


def avro_decoder(registry_url):
    """Returns a function that decodes a Confluent-framed Avro value, caching writer schemas by id."""
    readers = {}

    def decode(value):
        if value is None or len(value) < 5 or value[0] != 0:
            raise ValueError("not a Confluent-framed Avro record")
        schema_id = struct.unpack(">I", value[1:5])[0]
        if schema_id not in readers:
            answer = requests.get(f"{registry_url}/schemas/ids/{schema_id}", timeout=10)
            answer.raise_for_status()
            readers[schema_id] = avro.io.DatumReader(avro.schema.parse(answer.json()["schema"]))
        return readers[schema_id].read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))

    return decode


def main():
    parser = argparse.ArgumentParser(description="Print Lodestone alerts as they are published.")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    parser.add_argument("--registry", default="http://127.0.0.1:8081/apis/ccompat/v7",
                        help="Confluent-compatible schema registry URL")
    parser.add_argument("--topic", default="lodestone.alerts")
    parser.add_argument("--group", default="lodestone-alerts-example", help="your consumer group")
    parser.add_argument("--min-severity", default="LOW", choices=["LOW", "MEDIUM", "HIGH", "CRITICAL"])
    parser.add_argument("--max", type=int, default=0, help="exit after this many alerts (0: never)")
    args = parser.parse_args()

    severities = ["LOW", "MEDIUM", "HIGH", "CRITICAL"]
    decode = avro_decoder(args.registry)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        "auto.offset.reset": "earliest",   # a new group starts with the alerts already published
        "isolation.level": "read_committed",  # alerts are written in transactions (exactly_once_v2)
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    seen = 0
    try:
        while args.max == 0 or seen < args.max:
            message = consumer.poll(1.0)
            if message is None:
                continue
            if message.error():
                sys.exit(f"consumer error: {message.error()}")
            alert = decode(message.value())
            if severities.index(alert["severity"]) >= severities.index(args.min_severity):
                # Handle the alert here; alert["id"] is stable, use it to ignore repeats.
                print(json.dumps(alert, default=str), flush=True)
                seen += 1
            consumer.commit(message=message, asynchronous=False)
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
