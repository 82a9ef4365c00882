package io.jdocker.daemon.api;

/** The routes of one resource (system, images, containers, ...), registered at start-up. */
public interface RouteGroup {
  void register(RouteRegistry routes);
}
