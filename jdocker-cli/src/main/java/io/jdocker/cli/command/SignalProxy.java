package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * docker's sig-proxy: signals the CLI receives are sent to the container
 * ({@code POST /containers/{id}/kill?signal=INT}) on a connection of their own, instead of ending the CLI.
 */
final class SignalProxy implements AutoCloseable {
  private static final String[] SIGNALS = {"INT", "TERM", "HUP", "USR2"};
  private final List<Signal> installed = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  SignalProxy(ApiClient client, String container) {
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        previous.add(Signal.handle(signal, s -> forward(client, container, name)));
        installed.add(signal);
      } catch (IllegalArgumentException e) {
        // the JVM keeps this signal for itself
      }
    }
  }

  private static void forward(ApiClient client, String container, String name) {
    try (ApiClient own = client.fork()) {
      own.json(own.call(HttpRequest.of("POST", "/containers/" + container + "/kill"), Query.of().put("signal", name)));
    } catch (RuntimeException e) {
      // the container is gone already; its exit ends the CLI
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < installed.size(); i++) {
      Signal.handle(installed.get(i), previous.get(i));
    }
  }
}
