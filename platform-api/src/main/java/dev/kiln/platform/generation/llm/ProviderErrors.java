package dev.kiln.platform.generation.llm;

import com.openai.core.JsonMissing;
import com.openai.core.JsonNull;
import com.openai.core.JsonNumber;
import com.openai.core.JsonObject;
import com.openai.core.JsonString;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what openai-java throws into a {@link ProviderError}: an HTTP error status (the SDK's
 * {@code RateLimitException}, {@code InternalServerException}, {@code UnauthorizedException}...)
 * with the provider's message and {@code Retry-After}, an error object sent in place of an answer,
 * a timeout, a connection error, or an answer that is not JSON. Messages are redacted; the API key
 * is never part of one.
 */
final class ProviderErrors {

  /** The status of an error object without a usable HTTP status of its own. */
  private static final int BAD_GATEWAY = 502;

  private ProviderErrors() {}

  /**
   * @param host the provider's host, for connection errors
   * @param timeout the deadline of one request, for timeouts
   */
  static ProviderError of(OpenAIException e, String host, Duration timeout, Clock clock) {
    if (e instanceof SseException event) {
      return errorObject(event.body()); // an error event in a 200 stream
    }
    if (e instanceof OpenAIServiceException status) {
      return ProviderError.status(
          status.statusCode(), Backoff.retryAfter(status.headers(), clock), detail(status.body()));
    }
    if (causedBy(e, InterruptedIOException.class)) { // OkHttp's call timeout, or connect timeout
      return ProviderError.timedOut(timeout);
    }
    if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)) {
      return ProviderError.unreachable("could not connect to " + host);
    }
    if (causedBy(e, IOException.class)) {
      return ProviderError.unreachable("the connection to " + host + " broke");
    }
    return ProviderError.unreachable("the provider sent an unreadable response");
  }

  /**
   * An error object in place of an answer, as OpenAI and OpenRouter send mid-stream or in a 200
   * response: its {@code code} is the status when it is a 4xx or 5xx, else it counts as a 502.
   */
  static ProviderError errorObject(JsonValue error) {
    int code =
        switch (field(error, "code")) {
          case JsonNumber n -> n.value().intValue();
          case JsonString s when s.value().matches("\\d{3}") -> Integer.parseInt(s.value());
          case null, default -> 0;
        };
    int status = code >= 400 && code <= 599 ? code : BAD_GATEWAY;
    return ProviderError.status(status, null, detail(error));
  }

  /** The provider's message: {@code message} of the error object, else the whole; never null. */
  private static String detail(JsonValue error) {
    if (field(error, "message") instanceof JsonString message) {
      return ChatCompletions.clean(message.value());
    }
    return switch (error) {
      case JsonString text -> ChatCompletions.clean(text.value());
      case JsonMissing missing -> "";
      case JsonNull nothing -> "";
      default ->
          ChatCompletions.clean(
              JsonMapper.shared().writeValueAsString(error.convert(Object.class)));
    };
  }

  /** A field of a JSON object; null when {@code value} is not an object or has no such field. */
  private static JsonValue field(JsonValue value, String name) {
    return value instanceof JsonObject object ? object.values().get(name) : null;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
