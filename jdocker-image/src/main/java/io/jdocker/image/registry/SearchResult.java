package io.jdocker.image.registry;

/** One hit of a registry's v1 search, as {@code GET /images/search} returns it. */
public record SearchResult(String name, String description, int starCount, boolean official, boolean automated) {}
