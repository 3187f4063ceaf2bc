package io.kubeward.backup.app.restore;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/**
 * The source of a restore does not exist, or has no archive (404 {@code restore.source-not-found}).
 */
public final class RestoreSourceNotFoundException extends KubewardException {

  public static final String CODE = "restore.source-not-found";

  public RestoreSourceNotFoundException(String source, String why) {
    super(CODE, ErrorKind.NOT_FOUND, source + ": " + why, props("source", source, "why", why));
  }
}
