package io.kubeward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What {@code kubeward login} stores: the server's URL and a personal API token (and optionally a
 * cluster), in a JSON file only its owner may read (0600).
 */
public record CliConfig(String server, String token, String cluster) {

  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** The stored configuration, or an empty one when the file does not exist. */
  public static CliConfig load(Path file, Messages messages) {
    if (!Files.exists(file)) {
      return new CliConfig(null, null, null);
    }
    try {
      JsonNode json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return new CliConfig(
          Json.text(json, "server"), Json.text(json, "token"), Json.text(json, "cluster"));
    } catch (IOException e) {
      throw new CliException(
          ExitCode.USAGE, messages.get("config.unreadable", file, e.getMessage()));
    }
  }

  /** Writes the file with permissions 0600 (created so, never readable by others in between). */
  public void save(Path file, Messages messages) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("server", server);
    json.put("token", token);
    if (cluster != null) {
      json.put("cluster", cluster);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      FileAttribute<?>[] attributes =
          posix
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
              : new FileAttribute<?>[0];
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              attributes)) {
        channel.write(
            StandardCharsets.UTF_8.encode(
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n"));
      }
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if (posix) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCode.USAGE, messages.get("config.unwritable", file, e.getMessage()));
    }
  }
}
