package io.jdocker.daemon.api;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.NotModifiedException;
import io.jdocker.errdefs.UnauthorizedException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place that turns a failure into an HTTP status and Docker's {@code {"message": ...}}
 * body (moby's {@code httpstatus.FromError}). Engine code never chooses a status.
 */
public final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** What a failure becomes on the wire. */
  public record ApiError(int status, String message) {
    public Map<String, String> body() {
      return Map.of("message", message);
    }
  }

  private ApiErrors() {}

  public static ApiError map(Throwable failure) {
    Throwable t = unwrap(failure);
    int status = statusOf(t);
    if (status == 500 && !(t instanceof io.jdocker.errdefs.EngineException)) {
      LOG.error("handler failed", t);
    }
    return new ApiError(status, messageOf(t));
  }

  /** Writes the failure as the whole response (304 has no body). */
  public static void write(ApiResponse response, Throwable failure) {
    ApiError error = map(failure);
    if (error.status() == 304) {
      response.empty(304);
    } else {
      response.json(error.status(), error.body());
    }
  }

  /**
   * A failure inside a progress stream (pull, push, load, build), where the status line has
   * already been sent: the client prints {@code error}. Fields in dockerd's order (errorDetail
   * first), so the map keeps its insertion order.
   */
  public static Map<String, Object> progressError(Throwable failure) {
    String message = map(failure).message();
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("errorDetail", Map.of("message", message));
    body.put("error", message);
    return body;
  }

  static int statusOf(Throwable t) {
    return switch (t) {
      case NotFoundException e -> 404;
      case ConflictException e -> 409;
      case InvalidParameterException e -> 400;
      case NotModifiedException e -> 304;
      case UnauthorizedException e -> 401;
      case ForbiddenException e -> 403;
      default -> 500;
    };
  }

  private static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isEmpty() ? t.getClass().getSimpleName() : message;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof java.util.concurrent.ExecutionException
            || current instanceof java.util.concurrent.CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
