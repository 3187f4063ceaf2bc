package io.kubeward.bench;

import java.nio.charset.StandardCharsets;

/**
 * The pure parts of the churn generator: which kind of change comes next (the mix), when the n-th
 * change is due (rate pacing), and its request body, built from pre-encoded bytes so that sending a
 * change costs no model objects and no JSON serializer.
 */
final class ChurnPlan {

  private ChurnPlan() {}

  enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * In every {@code cycle} consecutive changes: one create (the first), one delete (the last) and
   * {@code cycle - 2} label updates, so the pool keeps its size. {@code cycle = 3} is the earlier
   * generator's equal shares.
   */
  record Mix(int cycle) {

    Mix {
      if (cycle < 3) {
        throw new IllegalArgumentException("A mix cycle needs a create, an update and a delete");
      }
    }

    static Mix equalShares() {
      return new Mix(3);
    }

    Kind kindOf(long sequence) {
      long position = Math.floorMod(sequence, cycle);
      if (position == 0) {
        return Kind.CREATE;
      }
      return position == cycle - 1 ? Kind.DELETE : Kind.UPDATE;
    }

    double share(Kind kind) {
      return kind == Kind.UPDATE ? (cycle - 2) / (double) cycle : 1.0 / cycle;
    }

    /** For the benchmark text, e.g. "90% label updates, 5% creates, 5% deletes". */
    String describe() {
      return "%.0f%% label updates, %.0f%% creates, %.0f%% deletes"
          .formatted(100 * share(Kind.UPDATE), 100 * share(Kind.CREATE), 100 * share(Kind.DELETE));
    }
  }

  /** When the {@code index}-th change (from 0) of a phase at {@code rate} a second is due. */
  static long dueNanos(long startNanos, long index, int rate) {
    if (rate <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    // index * 1e9 stays far below Long.MAX_VALUE for any phase a benchmark runs (≈ 292 years).
    return startNanos + index * 1_000_000_000L / rate;
  }

  private static final byte[] PATCH_HEAD =
      ("{\"metadata\":{\"labels\":{\"" + Churn.SEQUENCE + "\":\"").getBytes(StandardCharsets.UTF_8);
  private static final byte[] PATCH_TAIL = "\"}}}".getBytes(StandardCharsets.UTF_8);

  /** The JSON merge patch that sets the sequence label to {@code sequence}. */
  static byte[] labelPatch(long sequence) {
    return concat(PATCH_HEAD, ascii(Long.toString(sequence)), PATCH_TAIL);
  }

  private static final String POD_TEMPLATE =
      """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"churn","%s":"%d"}},\
      "spec":{"nodeName":"%s","terminationGracePeriodSeconds":0,\
      "containers":[{"name":"main","image":"registry.example/bench/churn:1.0"}]}}""";

  /** The pod a create sends: bound to {@code node}, its sequence label set. */
  static byte[] pod(String name, String node, long sequence) {
    return ascii(POD_TEMPLATE.formatted(name, Churn.SEQUENCE, sequence, node));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }
}
