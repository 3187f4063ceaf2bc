package io.kubeward.logs.domain;

/**
 * A pod's colour in a multi-pod view: an index into a palette of {@link #PALETTE} colours, the same
 * for the same pod name in every stream, console and CLI (a hash of the name, not the order of
 * arrival).
 */
public final class PodColours {

  public static final int PALETTE = 12;

  private PodColours() {}

  public static int of(String pod) {
    int h = 0x811c9dc5;
    for (int i = 0; i < pod.length(); i++) {
      h ^= pod.charAt(i);
      h *= 0x01000193;
    }
    return Math.floorMod(h, PALETTE);
  }
}
