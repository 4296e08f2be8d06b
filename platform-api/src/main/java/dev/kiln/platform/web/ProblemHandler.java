package dev.kiln.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem with a stable type. Validation problems name the
 * fields; nothing internal (stack traces, class names, SQL) ever reaches the client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  /** One invalid field: its JSON path and what is wrong with it. */
  record FieldProblem(String field, String message) {}

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> domain(ApiProblem problem, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (problem instanceof HasHeaders withHeaders) {
      withHeaders.headers().forEach(headers::add);
    }
    return ResponseEntity.status(problem.status())
        .headers(headers)
        .body(problem.toProblemDetail(request.getRequestURI()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    return validation(errors);
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "Something went wrong on our side. Quote the X-Correlation-Id header if you report it.");
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(ProblemHandler::fieldProblem)
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return validation(
          List.of(new FieldProblem(path(unknown), "is not a known field of this request")));
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      DatabindException mismatch = (DatabindException) cause;
      if (!mismatch.getPath().isEmpty()) {
        return validation(List.of(new FieldProblem(path(mismatch), "has the wrong type or value")));
      }
    }
    String detail =
        cause instanceof JacksonException
            ? "The request body is not valid JSON of the expected shape."
            : "The request body is missing or unreadable.";
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    return ResponseEntity.badRequest().body(problem);
  }

  private static ResponseEntity<Object> validation(List<FieldProblem> errors) {
    String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "Some fields are invalid: " + fields + ".");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  private static FieldProblem fieldProblem(FieldError error) {
    return new FieldProblem(error.getField(), error.getDefaultMessage());
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      HttpStatus status = HttpStatus.resolve(statusCode.value());
      String slug =
          status == null
              ? "http-" + statusCode.value()
              : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      problem.setType(ApiProblem.type(slug));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }
}
