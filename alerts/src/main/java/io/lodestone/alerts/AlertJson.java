package io.lodestone.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.schemas.AlertWindow;
import io.lodestone.schemas.SupplyChainAlert;
import java.util.List;

/**
 * An alert as JSON, with the Avro schema's field names, times as ISO-8601 UTC: the body of webhook
 * deliveries and the output of {@code ./lodestone alerts --json}.
 */
public final class AlertJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertJson() {}

  public static ObjectNode tree(SupplyChainAlert alert) {
    ObjectNode node = JSON.createObjectNode()
        .put("id", alert.getId())
        .put("kind", alert.getKind().name())
        .put("rule", alert.getRule())
        .put("severity", alert.getSeverity().name());
    array(node, "themes", alert.getThemes());
    array(node, "minerals", alert.getMinerals());
    array(node, "countries", alert.getCountries());
    array(node, "report_ids", alert.getReportIds());
    node.put("summary", alert.getSummary());
    AlertWindow window = alert.getWindow();
    if (window == null) {
      node.putNull("window");
    } else {
      node.putObject("window")
          .put("start", window.getStart().toString())
          .put("end", window.getEnd().toString())
          .put("count", window.getCount())
          .put("baseline", window.getBaseline());
    }
    node.put("created_at", alert.getCreatedAt().toString());
    return node;
  }

  public static byte[] bytes(SupplyChainAlert alert) {
    try {
      return JSON.writeValueAsBytes(tree(alert));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + alert.getId() + " as JSON", e);
    }
  }

  public static String text(SupplyChainAlert alert) {
    return tree(alert).toString();
  }

  private static void array(ObjectNode node, String field, List<String> values) {
    values.forEach(node.putArray(field)::add);
  }
}
