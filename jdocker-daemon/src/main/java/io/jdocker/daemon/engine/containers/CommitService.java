package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.CommitBackend;
import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.engine.images.ImageService;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.commit.ChildConfig;
import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docker commit, as dockerd's {@code CreateImageFromContainer}: checks the reference and the
 * container, freezes a running one (unless asked not to; a paused one stays paused), hands its
 * upper dir and config to the image engine, then logs the container's {@code commit} event with
 * {@code comment}, {@code imageID} and {@code imageRef}.
 */
public final class CommitService implements CommitBackend {
  private static final Logger LOG = LoggerFactory.getLogger(CommitService.class);

  private final Engine engine;
  private final ContainerRunner runner;
  private final ImageSource images;
  private final String engineVersion;

  CommitService(Engine engine, ContainerRunner runner, ImageSource images, String engineVersion) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.images = Objects.requireNonNull(images, "images");
    this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
  }

  @Override
  public String commit(Request request) throws IOException {
    // dockerd checks the reference before it looks at the container.
    ImageReference tag = request.repo().isEmpty() ? null : ImageService.repoTag(request.repo(), request.tag());
    if (tag != null && tag.familiarName().equals("sha256")) {
      // dockerd's reference store refuses this only after making the image; refusing first leaves no dangling one.
      throw new InvalidParameterException("refusing to create an ambiguous tag using digest algorithm as name");
    }
    Container c = engine.store().get(request.container());
    switch (c.state().status()) {
      case DEAD -> throw new ConflictException("You cannot commit container " + c.id() + " which is Dead");
      case REMOVING -> throw new ConflictException("You cannot commit container " + c.id() + " which is being removed");
      default -> { }
    }
    ContainerConfig config = CommitConfigs.build(request.config(), request.changes(), c.config());
    boolean paused = request.pause() && c.state().canPause() && pause(c.id(), true);
    try {
      Path upper = c.paths() == null ? null : c.paths().upperDir();
      Predicate<String> excluded = upper == null ? name -> false : InitLayer.excluded(upper);
      ChildConfig child = new ChildConfig(c.id().value(), request.author(), request.comment(),
          CommitConfigs.toImage(config), CommitConfigs.toImage(c.config()), c.platform(), engineVersion);
      Digest parent = c.imageId().isEmpty() ? null : Digest.parse(c.imageId());
      Digest id = images.commit(new ImageCommitter.Request(parent, upper, excluded, child, tag));
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("comment", request.comment());
      attributes.put("imageID", id.toString());
      attributes.put("imageRef", tag == null ? "" : tag.familiarString());
      engine.events().publish(engine.store().byId(c.id()).orElse(c), "commit", attributes);
      return id.toString();
    } finally {
      if (paused) {
        pause(c.id(), false);
      }
    }
  }

  /** dockerd ignores pause and unpause errors here: the commit goes on either way. */
  private boolean pause(ContainerId id, boolean pause) {
    try {
      runner.pause(id, pause);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("commit: cannot {} container {}: {}", pause ? "pause" : "unpause", id, e.getMessage());
      return false;
    }
  }
}
