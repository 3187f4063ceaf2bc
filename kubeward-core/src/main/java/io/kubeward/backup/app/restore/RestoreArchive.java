package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * An archive whose checksums were verified (every entry and the whole), opened for a preview or a
 * restore. Objects are read one at a time: a restore never holds the whole archive in memory.
 */
public interface RestoreArchive extends Closeable {

  /** The whole archive's SHA-256 (hex), as verified. */
  String sha256();

  /** The objects of the archive, in manifest order. */
  List<ObjectRef> objects();

  /** One object as archived (Secrets unsealed); its entry's checksum verified again. */
  Map<String, Object> read(ObjectRef object);

  @Override
  void close();
}
