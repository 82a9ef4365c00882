package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.regex.Pattern;

/** Container name rules: stored without the leading "/", shown with it ("/web") as Docker does. */
public final class ContainerName {
  private static final Pattern VALID = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

  private ContainerName() {}

  /** The name without its leading slash, or Docker's error when the name is not allowed. */
  public static String validate(String name) {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new InvalidParameterException(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return strip(name);
  }

  public static String strip(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  public static String display(String name) {
    return "/" + strip(name);
  }
}
