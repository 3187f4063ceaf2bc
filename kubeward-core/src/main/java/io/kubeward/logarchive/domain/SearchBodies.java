package io.kubeward.logarchive.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code _search} request body of a {@link LogQuery} (Elasticsearch 7/8 and OpenSearch 1/2
 * alike): a bool filter on namespace, pod (or the workload's pod-name pattern), container and time
 * range, the text as a phrase of the message field, newest first (indices without the timestamp
 * field sort as unmapped dates), {@code size} = the limit. Pure: maps and lists a JSON writer turns
 * into the body.
 */
public final class SearchBodies {

  private SearchBodies() {}

  public static Map<String, Object> search(LogQuery query, LogArchiveSettings.Fields fields) {
    String k = fields.keywordSuffix();
    List<Object> filters = new ArrayList<>();
    filters.add(Map.of("term", Map.of(fields.namespace() + k, query.namespace())));
    if (query.pod() != null) {
      filters.add(Map.of("term", Map.of(fields.pod() + k, query.pod())));
    }
    if (query.podPattern() != null) {
      filters.add(Map.of("regexp", Map.of(fields.pod() + k, query.podPattern())));
    }
    if (query.container() != null) {
      filters.add(Map.of("term", Map.of(fields.container() + k, query.container())));
    }
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("gte", query.from().toString());
    range.put("lte", query.to().toString());
    range.put("format", "strict_date_optional_time");
    filters.add(Map.of("range", Map.of(fields.timestamp(), range)));
    Map<String, Object> bool = new LinkedHashMap<>();
    bool.put("filter", filters);
    if (query.text() != null) {
      bool.put("must", List.of(Map.of("match_phrase", Map.of(fields.message(), query.text()))));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", query.limit());
    body.put("query", Map.of("bool", bool));
    // unmapped_type: an index of the pattern without the timestamp field (a shipper's meta index,
    // an empty day) sorts as having none instead of failing its shards ("No mapping found for
    // [@timestamp] in order to sort on", seen on a real OpenSearch 3.9)
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("order", "desc");
    order.put("unmapped_type", "date");
    body.put("sort", List.of(Map.of(fields.timestamp(), order)));
    body.put(
        "_source",
        List.of(
            fields.timestamp(),
            fields.namespace(),
            fields.pod(),
            fields.container(),
            fields.message(),
            "message"));
    body.put("track_total_hits", false);
    return body;
  }
}
