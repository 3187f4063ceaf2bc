package io.kubeward.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The common part of the vendor receivers ({@link DingTalkReceiver}, {@link FeishuReceiver}, {@link
 * WeComReceiver}, {@link SlackReceiver}): a {@link RecordingReceiver} whose answer is the vendor's
 * verdict on each request (token, signature, timestamp window, message shape), answered with the
 * vendor's success or error JSON. Every verdict is kept, so a test asserts both what the sender saw
 * (the answer) and why the receiver decided so.
 */
public abstract class VendorReceiver implements AutoCloseable {

  /** What the receiver decided about one request and what it answered. */
  public record Verdict(Request request, boolean accepted, String reason, Answer answer) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingReceiver receiver;
  protected final Clock clock;
  private final Object lock = new Object();
  private final List<Verdict> verdicts = new ArrayList<>();

  protected VendorReceiver(Clock clock) {
    this.clock = clock;
    this.receiver = RecordingReceiver.start(clock);
    receiver.respond(this::decide);
  }

  private Answer decide(Request request) {
    Verdict verdict = judge(request);
    synchronized (lock) {
      verdicts.add(verdict);
    }
    return verdict.answer();
  }

  /** The vendor's decision on one request. */
  protected abstract Verdict judge(Request request);

  /** The webhook URL the vendor would show for this robot (token included). */
  public abstract URI webhookUrl();

  /** The underlying receiver: every request, "down" periods, queued answers. */
  public RecordingReceiver receiver() {
    return receiver;
  }

  public List<Verdict> verdicts() {
    synchronized (lock) {
      return List.copyOf(verdicts);
    }
  }

  /** Waits for a request the vendor accepted (signature and shape valid); returns its verdict. */
  public Verdict awaitAccepted(Duration timeout) {
    return await(Verdict::accepted, timeout, "an accepted request");
  }

  /** Waits for a request the vendor rejected; returns its verdict. */
  public Verdict awaitRejected(Duration timeout) {
    return await(v -> !v.accepted(), timeout, "a rejected request");
  }

  private Verdict await(Predicate<Verdict> wanted, Duration timeout, String what) {
    receiver.awaitRequest(r -> verdictOf(r).map(wanted::test).orElse(false), timeout);
    return verdicts().stream()
        .filter(wanted)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + what + ": " + verdicts()));
  }

  private Optional<Verdict> verdictOf(Request request) {
    // The recorded request is a copy with the answered status; its body is the same array.
    return verdicts().stream().filter(v -> v.request().body() == request.body()).findFirst();
  }

  @Override
  public void close() {
    receiver.close();
  }

  protected Verdict accept(Request request, Answer answer) {
    return new Verdict(request, true, "accepted", answer);
  }

  protected Verdict reject(Request request, String reason, Answer answer) {
    return new Verdict(request, false, reason, answer);
  }

  /** The body as a JSON object, or empty when it is not one. */
  protected static Optional<JsonNode> jsonObject(Request request) {
    try {
      JsonNode node = JSON.readTree(request.body());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  protected static byte[] hmacSha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two texts (as UTF-8). */
  protected static boolean same(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  protected static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  protected static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    return current.isValueNode() ? current.asText() : "";
  }
}
