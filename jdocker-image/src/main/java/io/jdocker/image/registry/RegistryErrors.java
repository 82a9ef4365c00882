package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a registry's error answer into a typed engine error worded as Docker's distribution
 * client words it: {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}}
 * becomes "manifest unknown: manifest unknown" (the code lowercased, underscores as spaces, then
 * the message).
 */
final class RegistryErrors {
  static final String MANIFEST_UNKNOWN = "manifest unknown: manifest unknown";
  static final String BLOB_UNKNOWN = "blob unknown: blob unknown to registry";
  static final String NAME_UNKNOWN = "name unknown: repository name not known to registry";
  static final String UNAUTHORIZED = "unauthorized: authentication required";
  static final String DENIED = "denied: requested access to the resource is denied";
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final Map<Integer, String> STATUS_TEXT = Map.of(
      400, "Bad Request", 401, "Unauthorized", 403, "Forbidden", 404, "Not Found",
      405, "Method Not Allowed", 429, "Too Many Requests", 500, "Internal Server Error",
      502, "Bad Gateway", 503, "Service Unavailable", 504, "Gateway Timeout");

  private RegistryErrors() {}

  /** Reads (a bounded part of) the error body, closes it, and builds the error. */
  static EngineException of(HttpResponse<InputStream> response, String notFoundDefault) {
    byte[] body;
    try (InputStream in = response.body()) {
      body = in == null ? new byte[0] : in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0];
    }
    return of(response.statusCode(), AuthChallenge.of(response.headers()), body, notFoundDefault);
  }

  static EngineException of(int status, List<AuthChallenge> challenges, byte[] body, String notFoundDefault) {
    String message = fromBody(status, body);
    if (message == null) {
      message = fromChallenge(challenges);
    }
    if (message == null) {
      message = switch (status) {
        case 401 -> UNAUTHORIZED;
        case 403 -> DENIED;
        case 404 -> notFoundDefault;
        case 429 -> "toomanyrequests: too many requests";
        default -> "received unexpected HTTP status: " + statusLine(status);
      };
    }
    return typed(status, message);
  }

  /** Go's {@code resp.Status}: "401 Unauthorized". */
  static String statusLine(int status) {
    String text = STATUS_TEXT.get(status);
    return text == null ? String.valueOf(status) : status + " " + text;
  }

  private static EngineException typed(int status, String message) {
    return switch (status) {
      case 401 -> new UnauthorizedException(message);
      case 403 -> new ForbiddenException(message);
      case 404 -> new NotFoundException(message);
      case 400 -> new InvalidParameterException(message);
      default -> new UnavailableException(message);
    };
  }

  /** The distribution errors envelope, or the older {@code {"details":"..."}} some token servers send. */
  private static String fromBody(int status, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode details = root.get("details");
    if (details != null && details.isTextual() && !details.asText().isEmpty()) {
      String code = status == 401 ? "unauthorized" : status == 429 ? "toomanyrequests" : "unknown";
      return code + ": " + details.asText();
    }
    JsonNode errors = root.get("errors");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode e : errors) {
      String code = e.path("code").asText("UNKNOWN");
      String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
      String msg = e.path("message").asText("");
      lines.add(msg.isEmpty() ? text : text + ": " + msg);
    }
    if (lines.size() == 1) {
      return lines.getFirst();
    }
    return "errors:\n" + String.join("\n", lines) + "\n";
  }

  /** RFC 6750 errors carried in the Bearer challenge itself. */
  private static String fromChallenge(List<AuthChallenge> challenges) {
    for (AuthChallenge c : challenges) {
      if (!AuthChallenge.BEARER.equals(c.scheme()) || c.param("error") == null) {
        continue;
      }
      String description = c.param("error_description");
      switch (c.param("error")) {
        case "invalid_token":
          return "unauthorized: " + (description == null ? "authentication required" : description);
        case "insufficient_scope":
          return "denied: " + (description == null ? "requested access to the resource is denied" : description);
        default:
          break;
      }
    }
    return null;
  }

  /** The same kind of error with Go's url.Error prefix ({@code Get "<url>": }) before its message. */
  static EngineException prefixed(String prefix, EngineException e) {
    String message = prefix + e.getMessage();
    return switch (e) {
      case UnauthorizedException u -> new UnauthorizedException(message, e);
      case ForbiddenException f -> new ForbiddenException(message, e);
      case NotFoundException n -> new NotFoundException(message, e);
      case InvalidParameterException i -> new InvalidParameterException(message, e);
      case RegistryUnreachableException r -> new RegistryUnreachableException(message, e);
      default -> new UnavailableException(message, e);
    };
  }
}
