package io.lodestone.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

/** The fault suite's verdict: every report searchable exactly once or dead-lettered with a reason, never both, never missing. */
final class Accounting {
  private Accounting() {}

  static void assertEveryReportAccountedOnce(ScenarioPipeline pipeline, ScenarioPipeline.Outcome outcome, Set<String> ids) {
    String context = "\n" + pipeline.logs();
    assertThat(outcome.missing(ids)).as("reports lost (neither searchable nor dead-lettered)" + context).isEmpty();
    assertThat(outcome.duplicated()).as("reports indexed more than once" + context).isEmpty();
    assertThat(outcome.both()).as("reports both searchable and dead-lettered" + context).isEmpty();
    outcome.deadLettered().values().forEach(reason -> assertThat(reason).as("dead letter without a reason").isNotBlank());
  }
}
