package io.kubeward.backup.domain;

/** Objects done out of the objects known so far ({@code total} grows while kinds are listed). */
public record BackupProgress(long done, long total) {

  public static final BackupProgress NONE = new BackupProgress(0, 0);
}
