package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.RouteGroup;
import io.jdocker.daemon.api.RouteRegistry;
import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /commit?container=&repo=&tag=&comment=&author=&pause=&changes=} → 201
 * {@code {"Id":"sha256:…"}}. The optional body is a container config, read like a create body
 * (dockerd's {@code DecodeConfig}); an empty one means "the container's". {@code pause} defaults to
 * true (the docker CLI sends {@code pause=0} only for {@code --pause=false}).
 */
public final class CommitRoutes implements RouteGroup {
  private final CommitBackend backend;

  public CommitRoutes(CommitBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void register(RouteRegistry r) {
    r.add("POST", "/commit", this::commit);
  }

  private void commit(ApiRequest q, ApiResponse s) throws IOException {
    ContainerConfig config = config(q.body());
    String id = backend.commit(new CommitBackend.Request(q.query("container").orElse(""), q.query("repo").orElse(""),
        q.query("tag").orElse(""), q.query("author").orElse(""), q.query("comment").orElse(""),
        q.queryBool("pause", true), config, q.queryAll("changes")));
    s.json(201, Map.of("Id", id));
  }

  /** The body's config, or null for an empty body (dockerd ignores the decoder's EOF). */
  static ContainerConfig config(InputStream body) throws IOException {
    PushbackInputStream in = new PushbackInputStream(body, 1);
    int b = in.read();
    while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      b = in.read();
    }
    if (b < 0) {
      return null;
    }
    in.unread(b);
    return ContainerCreateRequest.parse(in).config();
  }
}
