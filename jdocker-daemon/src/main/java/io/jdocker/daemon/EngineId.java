package io.jdocker.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** The daemon's ID for {@code /info}: a UUID created once per data root, like dockerd's engine-id. */
public final class EngineId {
  static final String FILE_NAME = "engine-id";

  private EngineId() {}

  public static String load(Path dataRoot) throws IOException {
    Path file = dataRoot.resolve(FILE_NAME);
    try {
      String id = Files.readString(file).trim();
      if (!id.isEmpty()) {
        return id;
      }
    } catch (NoSuchFileException e) {
      // first start on this data root
    }
    String id = UUID.randomUUID().toString();
    Path tmp = dataRoot.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, id, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return id;
  }
}
