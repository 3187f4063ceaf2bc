package io.kubeward.server.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.Uploads;
import io.kubeward.backup.domain.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryStoreTest {

  @TempDir Path root;

  LocalDirectoryStore store() throws IOException {
    LocalDirectoryStore store = new LocalDirectoryStore("local", root.resolve("backups"));
    store.prepare();
    return store;
  }

  static String read(ArchiveStore store, String key) throws IOException {
    try (InputStream in = store.open(key).orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aFileAppearsOnlyWhenTheUploadCloses() throws IOException {
    LocalDirectoryStore store = store();
    ArchiveStore.Upload upload = store.create("backups/c/ns/b/archive.zip");
    upload.stream().write("hello".getBytes(StandardCharsets.UTF_8));
    upload.stream().flush();
    assertThat(store.stat("backups/c/ns/b/archive.zip")).isEmpty();
    assertThat(store.list("", 100)).isEmpty();
    upload.close();
    upload.close();
    assertThat(read(store, "backups/c/ns/b/archive.zip")).isEqualTo("hello");
    assertThat(store.stat("backups/c/ns/b/archive.zip").orElseThrow().size()).isEqualTo(5);
  }

  @Test
  void anAbortedOrFailedUploadLeavesNothing() throws IOException {
    LocalDirectoryStore store = store();
    ArchiveStore.Upload upload = store.create("a/b.zip");
    upload.stream().write(new byte[1000]);
    upload.abort();
    upload.close();
    assertThatThrownBy(
            () ->
                Uploads.write(
                    store,
                    "a/c.zip",
                    out -> {
                      out.write(new byte[10]);
                      throw new IOException("collector failed");
                    }))
        .hasMessage("collector failed");
    assertThat(store.stat("a/b.zip")).isEmpty();
    assertThat(store.stat("a/c.zip")).isEmpty();
    try (Stream<Path> files = Files.walk(store.root())) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void anOverwriteReplacesTheFileWhole() throws IOException {
    LocalDirectoryStore store = store();
    Uploads.write(store, "x/y", "one".getBytes(StandardCharsets.UTF_8));
    Uploads.write(store, "x/y", "two!".getBytes(StandardCharsets.UTF_8));
    assertThat(read(store, "x/y")).isEqualTo("two!");
  }

  @Test
  void listsByPrefixSortedAndBounded() throws IOException {
    LocalDirectoryStore store = store();
    for (String key : List.of("backups/c/b/3", "backups/c/a/1", "backups/c/a/2", "etcd/c/1.db")) {
      Uploads.write(store, key, new byte[] {1});
    }
    ArchiveStore.Upload pending = store.create("backups/c/a/0");
    assertThat(store.list("backups/", 10))
        .extracting(StoredFile::key)
        .containsExactly("backups/c/a/1", "backups/c/a/2", "backups/c/b/3");
    assertThat(store.list("backups/c/a", 1))
        .extracting(StoredFile::key)
        .containsExactly("backups/c/a/1");
    assertThat(store.list("backups/c/a/", 10)).hasSize(2);
    assertThat(store.list("nothing/", 10)).isEmpty();
    pending.abort();
  }

  @Test
  void deleteRemovesTheFileAndEmptyFoldersButNotTheRoot() throws IOException {
    LocalDirectoryStore store = store();
    Uploads.write(store, "backups/c/ns/b/archive.zip", new byte[] {1});
    store.delete("backups/c/ns/b/archive.zip");
    store.delete("backups/c/ns/b/archive.zip");
    assertThat(store.stat("backups/c/ns/b/archive.zip")).isEmpty();
    assertThat(Files.exists(store.root().resolve("backups"))).isFalse();
    assertThat(Files.isDirectory(store.root())).isTrue();
  }

  @Test
  void unsafeKeysAreRefused() throws IOException {
    LocalDirectoryStore store = store();
    for (String key :
        List.of("../escape", "/etc/passwd", "a\\b", "a/../../b", "a/./b", ".hidden", "a//b", "")) {
      assertThatThrownBy(() -> store.create(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.open(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aLinkOutOfTheFolderIsNotFollowed() throws IOException {
    LocalDirectoryStore store = store();
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createSymbolicLink(store.root().resolve("link"), outside);
    assertThatThrownBy(() -> store.create("link/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.open("link/x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leftoversOfACrashAreCleaned() throws IOException {
    LocalDirectoryStore store = store();
    ArchiveStore.Upload upload = store.create("a/b");
    upload.stream().write(1);
    upload.stream().flush();
    assertThat(store.cleanLeftovers()).isEqualTo(1);
    assertThat(store.list("", 10)).isEmpty();
  }
}
