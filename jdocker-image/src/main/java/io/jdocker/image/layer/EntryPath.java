package io.jdocker.image.layer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry name cleaned lexically into components below the layer root, the way Docker cleans
 * it ({@code filepath.Clean}) before joining it to the target: {@code .} and empty components go,
 * {@code a/..} cancels out. A relative name whose {@code ..} climbs above the root is refused; an
 * absolute name is taken relative to the root, where {@code /..} stays at {@code /} exactly as in
 * Docker. The kernel never sees a {@code ..} from an archive.
 */
record EntryPath(List<String> components) {
  static final EntryPath ROOT = new EntryPath(List.of());

  /**
   * @param entryName the entry being extracted, for messages
   * @param raw the name to clean: the entry's own name or a hard link's target
   */
  static EntryPath parse(String entryName, String raw) {
    if (raw.indexOf('\0') >= 0) {
      throw TarReader.invalid(entryName, "name contains a NUL byte");
    }
    boolean absolute = raw.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.removeLast();
        } else if (!absolute) {
          throw TarReader.invalid(entryName, "path escapes the layer root");
        }
        continue;
      }
      parts.add(part);
    }
    return new EntryPath(List.copyOf(parts));
  }

  boolean isRoot() {
    return components.isEmpty();
  }

  String last() {
    return components.getLast();
  }

  EntryPath parent() {
    return new EntryPath(components.subList(0, components.size() - 1));
  }

  EntryPath child(String name) {
    List<String> parts = new ArrayList<>(components);
    parts.add(name);
    return new EntryPath(List.copyOf(parts));
  }

  Path in(Path root) {
    Path path = root;
    for (String part : components) {
      path = path.resolve(part);
    }
    return path;
  }

  boolean isWithin(EntryPath ancestor) {
    return components.size() >= ancestor.components.size()
        && components.subList(0, ancestor.components.size()).equals(ancestor.components);
  }

  @Override
  public String toString() {
    return String.join("/", components);
  }
}
