package io.kubeward.server.backup.storage;

import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchivePaths;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} location: files under one folder (ADR 0040). A file is written to a hidden
 * temporary file next to it ({@code .<name>.<random>.part}), forced to disk and renamed atomically
 * on close, so that a reader never sees half a file. Keys with {@code ..}, a leading {@code /}, a
 * backslash or a hidden segment are refused, and no symbolic link leads outside the folder.
 */
public final class LocalDirectoryStore implements ArchiveStore {

  private static final Logger log = LoggerFactory.getLogger(LocalDirectoryStore.class);
  private static final String PART = ".part";

  private final String location;
  private final Path root;

  public LocalDirectoryStore(String location, Path root) {
    this.location = location;
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String location() {
    return location;
  }

  /** The folder exists and is writable (created when missing). */
  public void prepare() throws IOException {
    Files.createDirectories(root);
    if (!Files.isWritable(root)) {
      throw new IOException("the folder " + root + " is not writable");
    }
  }

  /** Deletes temporary files of uploads that never finished (at start-up). */
  public int cleanLeftovers() throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int[] removed = {0};
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.getFileName().toString().startsWith(".") && p.toString().endsWith(PART))
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                  removed[0]++;
                } catch (IOException e) {
                  log.warn("Cannot delete the unfinished upload {}: {}", p, e.toString());
                }
              });
    }
    return removed[0];
  }

  Path resolve(String key) {
    ArchivePaths.requireSafeKey(key);
    for (String segment : key.split("/")) {
      if (segment.startsWith(".")) {
        throw new IllegalArgumentException("not a valid storage key: a segment starts with .");
      }
    }
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("not a valid storage key: outside the folder");
    }
    return path;
  }

  /** The deepest existing folder of {@code path} must be inside the root, links resolved. */
  private void requireInside(Path path) throws IOException {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    Path real = existing.toRealPath();
    Path realRoot = Files.exists(root) ? root.toRealPath() : root;
    if (!real.startsWith(realRoot)) {
      throw new IllegalArgumentException(
          "not a valid storage key: a link leads outside the folder");
    }
  }

  @Override
  public Upload create(String key) throws IOException {
    Path target = resolve(key);
    requireInside(target);
    Files.createDirectories(target.getParent());
    requireInside(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + PART);
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new LocalUpload(target, temp, channel);
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    Path path = resolve(key);
    requireInside(path);
    try {
      if (!Files.isRegularFile(path)) {
        return Optional.empty();
      }
      return Optional.of(Files.newInputStream(path));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<StoredFile> stat(String key) throws IOException {
    Path path = resolve(key);
    requireInside(path);
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      return Optional.of(
          new StoredFile(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
  }

  @Override
  public List<StoredFile> list(String prefix, int max) throws IOException {
    ArchivePaths.requireSafePrefix(prefix);
    if (max < 1) {
      return List.of();
    }
    // walk only the folder the prefix names as a whole
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
    if (!start.startsWith(root) || !Files.isDirectory(start)) {
      return List.of();
    }
    TreeSet<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(start)) {
      files
          .filter(p -> !p.equals(start))
          .forEach(
              p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (hidden(key) || !key.startsWith(prefix) || !Files.isRegularFile(p)) {
                  return;
                }
                keys.add(key);
                if (keys.size() > max) {
                  keys.pollLast();
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<StoredFile> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      stat(key).ifPresent(out::add);
    }
    return out;
  }

  private static boolean hidden(String key) {
    for (String segment : key.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void delete(String key) throws IOException {
    Path path = resolve(key);
    requireInside(path);
    Files.deleteIfExists(path);
    // drop the folders the file leaves empty, never the root
    Path parent = path.getParent();
    while (parent != null && !parent.equals(root) && parent.startsWith(root)) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
        if (children.iterator().hasNext()) {
          break;
        }
      } catch (NoSuchFileException gone) {
        parent = parent.getParent();
        continue;
      }
      try {
        Files.delete(parent);
      } catch (IOException raced) {
        break; // a file arrived, or another delete was first
      }
      parent = parent.getParent();
    }
  }

  @Override
  public String toString() {
    return "LocalDirectoryStore[" + location + " at " + root + "]";
  }

  /** Writes the temporary file; close forces it to disk and renames it into place. */
  private static final class LocalUpload implements Upload {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    LocalUpload(Path target, Path temp, FileChannel channel) {
      this.target = target;
      this.temp = temp;
      this.channel = channel;
      this.stream =
          new FilterOutputStream(
              new java.io.BufferedOutputStream(
                  java.nio.channels.Channels.newOutputStream(channel), 64 * 1024)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              // closing the stream does not complete the upload: Upload.close does
              flush();
            }
          };
    }

    @Override
    public OutputStream stream() {
      return stream;
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        stream.flush();
        channel.force(true);
        channel.close();
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException | RuntimeException e) {
        discard();
        throw e;
      }
    }

    @Override
    public void abort() {
      if (done) {
        return;
      }
      done = true;
      discard();
    }

    private void discard() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // deleting it below is what matters
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        log.warn("Cannot delete the unfinished upload {}: {}", temp, e.toString());
      }
    }
  }
}
