package io.jdocker.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One daemon for every test class that asks for it (starting a JVM per class would dominate the
 * run time); stopped and cleaned up when the test run ends. Tests that kill or restart a daemon
 * start their own with {@link Daemon#start}.
 */
public final class SharedDaemon implements ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SharedDaemon.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Daemon.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NS)
        .getOrComputeIfAbsent("daemon", key -> Daemon.start(), Daemon.class);
  }
}
