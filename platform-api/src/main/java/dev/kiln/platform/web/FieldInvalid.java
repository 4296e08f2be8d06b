package dev.kiln.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A field that passed the request's shape checks but breaks a rule only the service knows. */
public final class FieldInvalid extends ApiProblem {

  private final String field;
  private final String message;

  public FieldInvalid(String field, String message) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        "Some fields are invalid: " + field + ".");
    this.field = field;
    this.message = message;
  }

  @Override
  protected Map<String, Object> properties() {
    return Map.of("errors", List.of(Map.of("field", field, "message", message)));
  }
}
