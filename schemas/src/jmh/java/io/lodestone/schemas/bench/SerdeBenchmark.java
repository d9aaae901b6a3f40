package io.lodestone.schemas.bench;

import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.FakeRegistry;
import io.lodestone.schemas.Reports;
import io.lodestone.schemas.serde.AvroSerde;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialize + deserialize of a 3 KB EnrichedReport with a warm schema cache: the serde's own cost,
 * without the network. The registry is closed once the caches are warm, so that any request in the
 * measured loop would fail the run instead of being timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SerdeBenchmark {
  private static final String TOPIC = "lodestone.reports.enriched";

  private Serializer<EnrichedReport> serializer;
  private Deserializer<EnrichedReport> deserializer;
  private EnrichedReport report;
  private byte[] payload;

  @Setup
  public void warmUp() {
    try (FakeRegistry registry = FakeRegistry.start()) {
      AvroSerde<EnrichedReport> serde = AvroSerde.specific(EnrichedReport.class,
          Map.of("schema.registry.url", registry.url(), "max.retries", 0), false);
      serializer = serde.serializer();
      deserializer = serde.deserializer();
      report = Reports.enrichedReport("bench-1");
      payload = serializer.serialize(TOPIC, report);
      if (!deserializer.deserialize(TOPIC, payload).equals(report)) {
        throw new IllegalStateException("the serde does not round-trip the benchmark's report");
      }
    }
    if (payload.length < 2_800 || payload.length > 3_400) {
      throw new IllegalStateException("the benchmark's report is " + payload.length + " bytes, not about 3 KB");
    }
  }

  @Benchmark
  public EnrichedReport roundTrip() {
    return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, report));
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.serialize(TOPIC, report);
  }

  @Benchmark
  public EnrichedReport deserialize() {
    return deserializer.deserialize(TOPIC, payload);
  }
}
