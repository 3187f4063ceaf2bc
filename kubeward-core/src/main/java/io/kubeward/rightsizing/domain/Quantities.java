package io.kubeward.rightsizing.domain;

/**
 * Requests rounded up to quantities people write: CPU to 5 m below 100 m, 10 m below 1 core, 50 m
 * above; memory to 4 Mi below 1 Gi, 64 Mi above. Formatting as Kubernetes quantities ({@code 250m},
 * {@code 2}, {@code 96Mi}, {@code 2Gi}).
 */
public final class Quantities {

  private static final long MI = 1024L * 1024L;
  private static final long GI = 1024L * MI;

  private Quantities() {}

  public static long roundCpu(double millis) {
    long m = (long) Math.ceil(millis - 1e-9);
    long step = m < 100 ? 5 : m < 1000 ? 10 : 50;
    return ceilTo(m, step);
  }

  public static long roundMemory(double bytes) {
    long b = (long) Math.ceil(bytes - 1e-6);
    long step = b < GI ? 4 * MI : 64 * MI;
    return ceilTo(b, step);
  }

  public static String cpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  public static String memory(long bytes) {
    if (bytes % GI == 0) {
      return bytes / GI + "Gi";
    }
    if (bytes % MI == 0) {
      return bytes / MI + "Mi";
    }
    return Long.toString(bytes);
  }

  private static long ceilTo(long value, long step) {
    return value <= 0 ? 0 : ((value + step - 1) / step) * step;
  }
}
