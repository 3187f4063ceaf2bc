package io.kubeward.server.release.proof;

import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The application a release test's Prometheus scrapes: a gauge {@value #METRIC} per namespace whose
 * value the test sets (the error ratio of "the new version"), served as a Prometheus text
 * exposition on 127.0.0.1.
 */
final class ErrorRateApp implements AutoCloseable {

  static final String METRIC = "it_error_ratio";
  static final String JOB = "it-release-app";

  private final RecordingReceiver receiver = RecordingReceiver.start();
  private final Map<String, Double> ratios = new ConcurrentSkipListMap<>();

  ErrorRateApp() {
    receiver.respond(request -> exposition());
  }

  /** {@code host:port} for a scrape target. */
  String address() {
    return "127.0.0.1:" + receiver.port();
  }

  /** From now on the gauge of {@code namespace} is {@code ratio}. */
  void set(String namespace, double ratio) {
    ratios.put(namespace, ratio);
  }

  /** The series of {@code namespace} as a PromQL selector. */
  static String series(String namespace) {
    return METRIC + "{job=\"" + JOB + "\",namespace=\"" + namespace + "\"}";
  }

  /** The analysis query: the template {@code {{namespace}}} is the Release's namespace. */
  static String query() {
    return "max(" + METRIC + "{job=\"" + JOB + "\",namespace=\"{{namespace}}\"})";
  }

  private Answer exposition() {
    StringBuilder text =
        new StringBuilder(
            "# HELP " + METRIC + " Errors per request.\n# TYPE " + METRIC + " gauge\n");
    ratios.forEach(
        (namespace, ratio) ->
            text.append(METRIC)
                .append("{namespace=\"")
                .append(namespace)
                .append("\"} ")
                .append(ratio)
                .append('\n'));
    return new Answer(
        200, text.toString(), "text/plain; version=0.0.4; charset=utf-8", Map.of(), Duration.ZERO);
  }

  @Override
  public void close() {
    receiver.close();
  }
}
