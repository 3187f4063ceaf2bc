package io.kubeward.cli;

/**
 * Numbers as {@code kubectl top} prints them: CPU in millicores ({@code 250m}), memory in whole
 * mebibytes rounded down ({@code 128Mi}), percentages as whole numbers rounded down ({@code 12%}).
 */
public final class Quantities {

  private static final long MI = 1024L * 1024L;

  private Quantities() {}

  public static String cpu(long millis) {
    return millis + "m";
  }

  public static String memory(long bytes) {
    return bytes / MI + "Mi";
  }

  /** {@code part} in percent of {@code whole}, rounded down; {@code <unknown>} without a whole. */
  public static String percent(long part, long whole) {
    return whole <= 0 ? "<unknown>" : part * 100 / whole + "%";
  }
}
