package io.kubeward.testkit.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingReceiverTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
  private final RecordingReceiver receiver = RecordingReceiver.start();

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void recordsMethodPathQueryHeadersAndBody() throws Exception {
    HttpResponse<String> response =
        post("/robot/send?access_token=abc&sign=a%2Bb%3D", "{\"msgtype\":\"text\"}", "X-Test", "1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    Request request = receiver.awaitRequest(WAIT);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/robot/send");
    assertThat(request.queryParam("access_token")).contains("abc");
    assertThat(request.queryParam("sign")).contains("a+b=");
    assertThat(request.header("x-test")).contains("1");
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.bodyText()).isEqualTo("{\"msgtype\":\"text\"}");
    assertThat(request.answeredStatus()).isEqualTo(200);
    assertThat(receiver.url("/hook").toString())
        .isEqualTo("http://127.0.0.1:" + receiver.port() + "/hook");
  }

  @Test
  void answersAsProgrammedQueuedAnswersFirst() throws Exception {
    receiver
        .answer(Answer.json(200, "{\"errcode\":0}"))
        .answerNext(Answer.status(503), Answer.json(500, "{\"error\":\"boom\"}"));

    assertThat(post("/a", "1").statusCode()).isEqualTo(503);
    HttpResponse<String> second = post("/a", "2");
    assertThat(second.statusCode()).isEqualTo(500);
    assertThat(second.body()).contains("boom");
    HttpResponse<String> third = post("/a", "3");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.body()).isEqualTo("{\"errcode\":0}");
    assertThat(receiver.requests())
        .extracting(Request::answeredStatus)
        .containsExactly(503, 500, 200);
  }

  @Test
  void respondsWithAFunctionOfTheRequest() throws Exception {
    receiver.respond(
        request ->
            request.header("X-Kubeward-Signature").isPresent()
                ? Answer.json(200, "{\"code\":0}")
                : Answer.json(200, "{\"code\":19021,\"msg\":\"sign match fail\"}"));

    assertThat(post("/b", "{}", "X-Kubeward-Signature", "sha256=00").body()).contains("\"code\":0");
    assertThat(post("/b", "{}").body()).contains("19021");
  }

  @Test
  void downRefusesConnectionsUntilUpOnTheSamePort() throws Exception {
    int port = receiver.port();
    receiver.down();
    assertThat(receiver.isDown()).isTrue();
    assertThatThrownBy(() -> post("/c", "x")).isInstanceOf(ConnectException.class);

    receiver.up();
    assertThat(receiver.port()).isEqualTo(port);
    assertThat(post("/c", "y").statusCode()).isEqualTo(200);
    assertThat(receiver.requests()).extracting(Request::bodyText).containsExactly("y");
  }

  @Test
  void downForADurationComesBackByItself() throws Exception {
    post("/d", "before");
    // long enough that the next post comes while it is down even on a starved machine
    receiver.down(Duration.ofSeconds(3));
    assertThatThrownBy(() -> post("/d", "during")).isInstanceOf(ConnectException.class);

    receiver.awaitUp(WAIT);
    assertThat(receiver.isDown()).isFalse();
    assertThat(post("/d", "after").statusCode()).isEqualTo(200);
    assertThat(receiver.requests())
        .extracting(Request::bodyText)
        .containsExactly("before", "after");
  }

  @Test
  void awaitWaitsForMatchingRequestsAndFailsAtTheDeadlineNamingWhatArrived() throws Exception {
    Thread.ofVirtual()
        .start(
            () -> {
              for (int i = 0; i < 3; i++) {
                try {
                  post("/e", "n" + i);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });

    List<Request> all = receiver.awaitRequests(3, WAIT);
    assertThat(all).hasSize(3);
    assertThat(receiver.awaitRequest(r -> r.bodyContains("n2"), WAIT).bodyText()).isEqualTo("n2");

    assertThatThrownBy(
            () -> receiver.awaitRequest(r -> r.bodyContains("never"), Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("0 matched of 3 received")
        .hasMessageContaining("n0");
  }

  @Test
  void assertNoRequestFailsWhenOneArrives() throws Exception {
    receiver.assertNoRequest(r -> true, Duration.ofMillis(50));
    post("/f", "late");
    assertThatThrownBy(() -> receiver.assertNoRequest(r -> true, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("late");
    receiver.assertAtMost(r -> true, 1, Duration.ofMillis(50));
  }

  @Test
  void clearForgetsRecordedRequests() throws Exception {
    post("/g", "x");
    receiver.awaitRequest(WAIT);
    receiver.clear();
    assertThat(receiver.count()).isZero();
  }

  private HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(receiver.url(path))
            .timeout(WAIT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
