package io.jdocker.daemon.logs;

import java.nio.channels.FileChannel;

/**
 * A log file opened for reading. Rotation renames or unlinks files, but an open channel keeps
 * reading the same data.
 *
 * @param generation the writer's rotation count when this file was the active one
 * @param endAtOpen the file's length when opened (a record boundary when opened under the
 *     writer's lock)
 */
record OpenLogFile(FileChannel channel, long generation, long endAtOpen) {}
