package io.jdocker.daemon.engine.images;

/** One line of an rmi result: a reference that was untagged or an image/layer that was deleted. */
public record DeleteItem(String untagged, String deleted) {
  public static DeleteItem untagged(String ref) {
    return new DeleteItem(ref, null);
  }

  public static DeleteItem deleted(String id) {
    return new DeleteItem(null, id);
  }
}
