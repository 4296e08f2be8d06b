package dev.kiln.platform.web;

import java.util.Map;

/** An {@link ApiProblem} that also sets response headers (for example {@code Retry-After}). */
public interface HasHeaders {

  /** Header names to values; never null. */
  Map<String, String> headers();
}
