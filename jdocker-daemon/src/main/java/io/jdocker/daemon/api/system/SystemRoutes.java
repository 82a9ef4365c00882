package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.daemon.engine.events.EventBus;

/** The system routes: ping, version, info, events, registry login, and the plugin 404. */
public final class SystemRoutes implements RouteGroup {
  private final DaemonFacts daemon;
  private final HostFacts host;
  private final EventBus events;
  private final AuthBackend auth;

  public SystemRoutes(DaemonFacts daemon, HostFacts host, EventBus events, AuthBackend auth) {
    this.daemon = daemon;
    this.host = host;
    this.events = events;
    this.auth = java.util.Objects.requireNonNull(auth, "auth");
  }

  @Override
  public void register(RouteRegistry routes) {
    PingHandler ping = new PingHandler();
    routes.add("GET", "/_ping", ping);
    routes.add("HEAD", "/_ping", ping);
    routes.add("GET", "/version", new VersionHandler(SystemVersion.of(daemon, host)));
    EventsHandler eventsHandler = new EventsHandler(events);
    routes.add("GET", "/events", eventsHandler);
    routes.add("GET", "/info", new InfoHandler(daemon, host, eventsHandler::listenerCount));
    routes.add("POST", "/auth", new AuthHandler(auth));
    routes.add("GET", "/plugins/{name*}/json", new PluginInspectHandler());
  }
}
