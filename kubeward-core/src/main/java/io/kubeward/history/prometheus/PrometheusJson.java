package io.kubeward.history.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus' API answers as a stream (Jackson's streaming parser, never a whole document in
 * memory) and stops once the limits are reached: at most {@code maxSeries} series and {@code
 * maxPoints} points are kept, the rest is not read ({@code truncated}). A stream cut short by the
 * byte limit gives what was complete before it, also {@code truncated}.
 */
final class PrometheusJson {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(1_000_000)
                  .maxNestingDepth(32)
                  .maxNumberLength(64)
                  .build())
          .build();

  private PrometheusJson() {}

  /** An answer's envelope: status, error, and the parsed data. */
  record Answer<T>(String status, String errorType, String error, T data, List<String> warnings) {
    boolean success() {
      return "success".equals(status);
    }
  }

  /** Thrown when the body is not Prometheus' JSON at all. */
  static final class NotPrometheus extends IOException {
    NotPrometheus(String message) {
      super(message);
    }
  }

  @FunctionalInterface
  interface DataReader<T> {
    T read(JsonParser parser, Limits limits) throws IOException;
  }

  /** The limits of one read, and whether they cut anything. */
  static final class Limits {
    final int maxSeries;
    final int maxPoints;
    int points;
    boolean truncated;

    /** Set once a limit was reached: stop reading. */
    boolean stop;

    final BoundedInputStream bounded;

    Limits(int maxSeries, int maxPoints, BoundedInputStream bounded) {
      this.maxSeries = maxSeries;
      this.maxPoints = maxPoints;
      this.bounded = bounded;
    }

    /** Whether the byte limit ended the stream. */
    boolean cutByBytes() {
      return bounded != null && bounded.exceeded();
    }
  }

  /** Partial results survive an end of stream caused by the byte limit. */
  static final class Partial<T> {
    T value;
  }

  static <T> Answer<T> read(InputStream in, Limits limits, DataReader<T> data) throws IOException {
    String status = null;
    String errorType = null;
    String error = null;
    T value = null;
    List<String> warnings = new ArrayList<>();
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new NotPrometheus("the answer is not a JSON object");
      }
      try {
        while (!limits.stop && p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          switch (name) {
            case "status" -> status = p.getValueAsString();
            case "errorType" -> errorType = p.getValueAsString();
            case "error" -> error = p.getValueAsString();
            case "data" -> value = data.read(p, limits);
            case "warnings", "infos" -> {
              if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  if (warnings.size() < 20) {
                    warnings.add(p.getValueAsString());
                  }
                }
              } else {
                p.skipChildren();
              }
            }
            default -> p.skipChildren();
          }
        }
      } catch (IOException cut) {
        if (!limits.cutByBytes() || status == null) {
          throw cut;
        }
        limits.truncated = true;
      }
    }
    if (status == null) {
      throw new NotPrometheus("the answer has no status");
    }
    if (limits.stop) {
      limits.truncated = true;
    }
    return new Answer<>(status, errorType, error, value, warnings);
  }

  /** The {@code data} of a query answer: resultType and result. */
  static PromResult queryData(JsonParser p, Limits limits) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return new PromResult("unknown", List.of(), false, List.of());
    }
    String resultType = null;
    List<PromSeries> series = new ArrayList<>();
    try {
      while (!limits.stop && p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("resultType")) {
          resultType = p.getValueAsString();
        } else if (name.equals("result") && t == JsonToken.START_ARRAY) {
          readResult(p, limits, series);
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException cut) {
      if (!limits.cutByBytes()) {
        throw cut;
      }
      limits.truncated = true;
      return new PromResult(resultType == null ? "unknown" : resultType, series, true, List.of());
    }
    return new PromResult(
        resultType == null ? "unknown" : resultType, series, limits.truncated, List.of());
  }

  private static void readResult(JsonParser p, Limits limits, List<PromSeries> out)
      throws IOException {
    JsonToken first = p.nextToken();
    if (first == JsonToken.END_ARRAY) {
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      // scalar or string: [t, "v"]
      long t = millis(p);
      p.nextToken();
      double v = value(p.getValueAsString());
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      out.add(new PromSeries(Map.of(), List.of(new PromSeries.Sample(t, v))));
      return;
    }
    JsonToken t = first;
    while (t == JsonToken.START_OBJECT) {
      if (out.size() >= limits.maxSeries) {
        limits.truncated = true;
        limits.stop = true;
        return;
      }
      out.add(readSeries(p, limits));
      if (limits.stop) {
        return;
      }
      t = p.nextToken();
    }
  }

  private static PromSeries readSeries(JsonParser p, Limits limits) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    List<PromSeries.Sample> points = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "metric" -> {
          if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String label = p.currentName();
              p.nextToken();
              labels.put(label, p.getValueAsString());
            }
          } else {
            p.skipChildren();
          }
        }
        case "value" -> {
          if (t == JsonToken.START_ARRAY && addPoint(p, limits, points)) {
            return new PromSeries(labels, points);
          }
        }
        case "values" -> {
          if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_ARRAY) {
              if (addPoint(p, limits, points)) {
                return new PromSeries(labels, points);
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new PromSeries(labels, points);
  }

  /** Reads {@code [t, "v"]} (the parser is on its START_ARRAY); true once the limit stops us. */
  private static boolean addPoint(JsonParser p, Limits limits, List<PromSeries.Sample> points)
      throws IOException {
    p.nextToken();
    long t = millis(p);
    p.nextToken();
    double v = value(p.getValueAsString());
    while (p.nextToken() != JsonToken.END_ARRAY) {
      p.skipChildren();
    }
    if (limits.points >= limits.maxPoints) {
      limits.truncated = true;
      limits.stop = true;
      return true;
    }
    limits.points++;
    points.add(new PromSeries.Sample(t, v));
    return false;
  }

  private static long millis(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
        || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return Math.round(p.getDoubleValue() * 1000);
    }
    throw new NotPrometheus("a sample's time is not a number");
  }

  /** Prometheus' value text: a float, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double value(String text) {
    if (text == null) {
      return Double.NaN;
    }
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          yield Double.NaN;
        }
      }
    };
  }

  /** The {@code data} of a label-values answer: a list of strings, at most {@code max}. */
  static DataReader<List<String>> strings(int max) {
    return (p, limits) -> {
      List<String> out = new ArrayList<>();
      if (p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        return out;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (out.size() >= max) {
          limits.truncated = true;
          limits.stop = true;
          return out;
        }
        out.add(p.getValueAsString());
      }
      return out;
    };
  }

  /** The {@code version} of a buildinfo answer. */
  static String version(JsonParser p, Limits limits) throws IOException {
    String version = null;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("version")) {
        version = p.getValueAsString();
      } else {
        p.skipChildren();
      }
    }
    return version;
  }
}
