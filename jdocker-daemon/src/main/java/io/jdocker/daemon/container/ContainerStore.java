package io.jdocker.daemon.container;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The daemon's in-memory view of all containers: lookup by ID, unique ID prefix or name, and
 * name reservation. Reads are lock-free; changes are serialised so that a name is held by at most
 * one container and {@link #update} sees the latest value. Persisting is the caller's job
 * ({@link StateStore}), so a failed write can be handled before the change becomes visible.
 */
public final class ContainerStore {
  private final Map<ContainerId, Container> byId = new ConcurrentHashMap<>();
  /** name (without "/") → owner; a reserved name may not have its container added yet. */
  private final Map<String, ContainerId> names = new ConcurrentHashMap<>();
  private final NameGenerator nameGenerator;

  public ContainerStore() {
    this(new NameGenerator());
  }

  public ContainerStore(NameGenerator nameGenerator) {
    this.nameGenerator = nameGenerator;
  }

  /** Holds {@code name} for {@code id}, or Docker's 409 when another container has it. */
  public synchronized void reserveName(String name, ContainerId id) {
    String plain = ContainerName.validate(name);
    ContainerId owner = names.putIfAbsent(plain, id);
    if (owner != null && !owner.equals(id)) {
      throw new ConflictException("Conflict. The container name \"/" + plain + "\" is already in use by container \""
          + owner.value() + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
  }

  /** Reserves and returns a fresh random name for {@code id}. */
  public synchronized String reserveGeneratedName(ContainerId id) {
    return nameGenerator.generate(id, candidate -> names.putIfAbsent(candidate, id) == null);
  }

  /** Frees a name, if {@code id} holds it (a failed create gives its name back). */
  public synchronized void releaseName(String name, ContainerId id) {
    names.remove(ContainerName.strip(name), id);
  }

  /** Adds or replaces a container; its name is reserved for it if it was not yet. */
  public synchronized void put(Container container) {
    reserveName(container.name(), container.id());
    Container previous = byId.put(container.id(), container);
    if (previous != null && !previous.name().equals(container.name())) {
      names.remove(previous.name(), container.id());
    }
  }

  /** Applies {@code change} to the current value atomically and returns the new value. */
  public synchronized Container update(ContainerId id, UnaryOperator<Container> change) {
    Container current = byId.get(id);
    if (current == null) {
      throw new NotFoundException("No such container: " + id.value());
    }
    Container next = change.apply(current);
    if (!next.id().equals(id)) {
      throw new IllegalArgumentException("update may not change the ID of " + id);
    }
    put(next);
    return next;
  }

  /** {@code rename}: the new name is reserved first, so a conflict leaves everything as it was. */
  public synchronized Container rename(ContainerId id, String newName) {
    Container current = require(id);
    String plain = ContainerName.validate(newName);
    if (plain.equals(current.name())) {
      throw new InvalidParameterException("Renaming a container with the same name as its current name");
    }
    reserveName(plain, id);
    return update(id, c -> c.withName(plain));
  }

  public synchronized Optional<Container> remove(ContainerId id) {
    Container removed = byId.remove(id);
    if (removed != null) {
      names.remove(removed.name(), id);
    }
    return Optional.ofNullable(removed);
  }

  public Optional<Container> byId(ContainerId id) {
    return Optional.ofNullable(byId.get(id));
  }

  private Container require(ContainerId id) {
    return byId(id).orElseThrow(() -> new NotFoundException("No such container: " + id.value()));
  }

  /**
   * dockerd's lookup order: full ID, then name (with or without "/"), then unique ID prefix.
   * Unknown → 404 "No such container: x"; a prefix of several IDs → 400.
   */
  public Container get(String idOrName) {
    if (idOrName == null || idOrName.isEmpty()) {
      throw new InvalidParameterException("invalid container name or ID: value is empty");
    }
    return find(idOrName).orElseThrow(() -> new NotFoundException("No such container: " + idOrName));
  }

  public Optional<Container> find(String idOrName) {
    if (idOrName == null || idOrName.isEmpty()) {
      return Optional.empty();
    }
    if (ContainerId.isFull(idOrName)) {
      Container exact = byId.get(ContainerId.of(idOrName));
      if (exact != null) {
        return Optional.of(exact);
      }
    }
    ContainerId owner = names.get(ContainerName.strip(idOrName));
    if (owner != null && byId.containsKey(owner)) {
      return Optional.of(byId.get(owner));
    }
    return byPrefix(idOrName);
  }

  private Optional<Container> byPrefix(String prefix) {
    Container match = null;
    for (Container c : byId.values()) {
      if (c.id().value().startsWith(prefix)) {
        if (match != null) {
          throw new InvalidParameterException("multiple IDs found with provided prefix: " + prefix);
        }
        match = c;
      }
    }
    return Optional.ofNullable(match);
  }

  /** All containers, newest first (ties broken by ID so the order is stable). */
  public List<Container> all() {
    List<Container> list = new ArrayList<>(byId.values());
    list.sort(NEWEST_FIRST);
    return list;
  }

  public Collection<Container> unordered() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  public static final Comparator<Container> NEWEST_FIRST =
      Comparator.comparing(Container::created).reversed().thenComparing(c -> c.id().value());
}
