package io.kubeward.history.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusJsonTest {

  static PrometheusJson.Answer<PromResult> parse(
      String json, int maxSeries, int maxPoints, long maxBytes) throws IOException {
    BoundedInputStream in =
        new BoundedInputStream(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), maxBytes);
    return PrometheusJson.read(
        in, new PrometheusJson.Limits(maxSeries, maxPoints, in), PrometheusJson::queryData);
  }

  @Test
  void matrix() throws IOException {
    PrometheusJson.Answer<PromResult> a =
        parse(
            """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"up","job":"kwok"},"values":[[1733220000,"1"],[1733220015.5,"NaN"]]},
              {"metric":{"job":"x"},"values":[[1733220000,"+Inf"]]}]},
             "warnings":["careful"]}
            """,
            10,
            100,
            1 << 20);
    assertThat(a.success()).isTrue();
    assertThat(a.warnings()).containsExactly("careful");
    PromResult r = a.data();
    assertThat(r.resultType()).isEqualTo("matrix");
    assertThat(r.truncated()).isFalse();
    assertThat(r.series()).hasSize(2);
    assertThat(r.series().getFirst().labels()).isEqualTo(Map.of("__name__", "up", "job", "kwok"));
    assertThat(r.series().getFirst().points())
        .containsExactly(
            new PromSeries.Sample(1733220000000L, 1.0),
            new PromSeries.Sample(1733220015500L, Double.NaN));
    assertThat(r.series().get(1).points().getFirst().v()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void vectorScalarAndString() throws IOException {
    PromResult vector =
        parse(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                    + "[{\"metric\":{},\"value\":[1.5,\"42\"]}]}}",
                10,
                100,
                1 << 20)
            .data();
    assertThat(vector.series().getFirst().points())
        .containsExactly(new PromSeries.Sample(1500, 42));
    PromResult scalar =
        parse(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[2,\"-Inf\"]}}",
                10,
                100,
                1 << 20)
            .data();
    assertThat(scalar.resultType()).isEqualTo("scalar");
    assertThat(scalar.series().getFirst().points().getFirst().v())
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void errorsKeepPrometheusText() throws IOException {
    PrometheusJson.Answer<PromResult> a =
        parse(
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected"
                + " \\\"}\\\"\"}",
            10,
            100,
            1 << 20);
    assertThat(a.success()).isFalse();
    assertThat(a.errorType()).isEqualTo("bad_data");
    assertThat(a.error()).isEqualTo("1:5: parse error: unexpected \"}\"");
  }

  @Test
  void stopsAtTheSeriesAndPointLimits() throws IOException {
    StringBuilder json =
        new StringBuilder(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < 1000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"metric\":{\"i\":\"")
          .append(i)
          .append("\"},\"value\":[1,\"1\"]}");
    }
    json.append("]}}");
    PromResult bySeries = parse(json.toString(), 10, 1000, 1 << 20).data();
    assertThat(bySeries.series()).hasSize(10);
    PromResult byPoints = parse(json.toString(), 1000, 5, 1 << 20).data();
    assertThat(byPoints.series()).hasSizeLessThanOrEqualTo(6);
    assertThat(byPoints.series().stream().mapToInt(s -> s.points().size()).sum()).isEqualTo(5);
  }

  @Test
  void aStreamCutByTheByteLimitGivesWhatWasComplete() throws IOException {
    StringBuilder json =
        new StringBuilder(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < 1000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"metric\":{},\"value\":[1,\"1\"]}");
    }
    json.append("]}}");
    PrometheusJson.Limits limits;
    BoundedInputStream in =
        new BoundedInputStream(
            new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)), 2000);
    limits = new PrometheusJson.Limits(10_000, 10_000, in);
    PrometheusJson.Answer<PromResult> a =
        PrometheusJson.read(in, limits, PrometheusJson::queryData);
    assertThat(limits.truncated).isTrue();
    assertThat(a.data().series()).isNotEmpty().hasSizeLessThan(1000);
    assertThat(in.bytesRead()).isEqualTo(2000);
  }

  @Test
  void htmlIsNotPrometheus() {
    assertThatThrownBy(() -> parse("<html><body>Sign in</body></html>", 10, 10, 1 << 20))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("[1,2]", 10, 10, 1 << 20))
        .isInstanceOf(PrometheusJson.NotPrometheus.class);
  }

  @Test
  void labelValuesAreBounded() throws IOException {
    InputStream in =
        new ByteArrayInputStream(
            "{\"status\":\"success\",\"data\":[\"a\",\"b\",\"c\"]}"
                .getBytes(StandardCharsets.UTF_8));
    PrometheusJson.Answer<List<String>> a =
        PrometheusJson.read(in, new PrometheusJson.Limits(1, 1, null), PrometheusJson.strings(2));
    assertThat(a.data()).containsExactly("a", "b");
  }
}
