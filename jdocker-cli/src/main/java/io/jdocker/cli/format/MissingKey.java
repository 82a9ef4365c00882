package io.jdocker.cli.format;

/** What a missing map key yields, as Go's template option and the map's element type decide. */
public enum MissingKey {
  /** {@code map[string]interface{}}: prints {@code <no value>}. */
  NO_VALUE,
  /** {@code map[string]string} (event attributes, labels): the empty string. */
  EMPTY,
  /** {@code Option("missingkey=error")}, as docker inspect sets. */
  ERROR
}
