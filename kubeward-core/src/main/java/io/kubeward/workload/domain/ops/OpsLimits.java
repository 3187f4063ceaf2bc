package io.kubeward.workload.domain.ops;

import java.util.regex.Pattern;

/** The bounds of what a workload operation accepts; checked before anything reaches a cluster. */
public final class OpsLimits {

  /** The most replicas a scale sets. */
  public static final int MAX_REPLICAS = 10_000;

  /** The highest revision number asked for (the apiserver's counters start at 1). */
  public static final long MAX_REVISION = 1_000_000_000L;

  /** The most images one set-image request changes. */
  public static final int MAX_IMAGES = 50;

  /** The longest image reference accepted (distribution's reference grammar has no limit). */
  public static final int MAX_IMAGE_LENGTH = 512;

  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * distribution/reference's grammar:
   * [domain[:port]/]path-component(/path-component)*[:tag][@digest].
   */
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
              + "(?::[0-9]+)?/)?"
              + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
              + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
              + "(?::[\\w][\\w.-]{0,127})?"
              + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

  private OpsLimits() {}

  public static int replicas(Integer replicas) {
    if (replicas == null) {
      throw WorkloadOpException.invalid("replicas is required");
    }
    if (replicas < 0 || replicas > MAX_REPLICAS) {
      throw WorkloadOpException.invalid("replicas must be between 0 and " + MAX_REPLICAS);
    }
    return replicas;
  }

  public static long revision(Long revision) {
    if (revision == null) {
      throw WorkloadOpException.invalid("revision is required");
    }
    if (revision < 1 || revision > MAX_REVISION) {
      throw WorkloadOpException.invalid("revision must be between 1 and " + MAX_REVISION);
    }
    return revision;
  }

  /** A container name as Kubernetes allows it (a DNS label). */
  public static String container(String name) {
    if (name == null || !CONTAINER.matcher(name).matches()) {
      throw WorkloadOpException.invalid("container must be a DNS label (a-z, 0-9, -)");
    }
    return name;
  }

  /** An image reference as a container runtime would accept it ({@code registry:5000/a/b:tag}). */
  public static String image(String image) {
    if (image == null || image.isBlank()) {
      throw WorkloadOpException.invalid("image is required");
    }
    if (image.length() > MAX_IMAGE_LENGTH || !IMAGE.matcher(image).matches()) {
      throw WorkloadOpException.invalid(
          "image \""
              + (image.length() > 80 ? image.substring(0, 80) + "…" : image)
              + "\" is not a valid image reference");
    }
    return image;
  }
}
