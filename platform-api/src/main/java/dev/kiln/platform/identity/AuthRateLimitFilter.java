package dev.kiln.platform.identity;

import dev.kiln.platform.web.ProblemResponses;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per client address on sign-up and login: past the limit, 429 with {@code
 * Retry-After}. Buckets live in this process (each pod limits on its own).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AuthRateLimitFilter extends OncePerRequestFilter {

  private static final Set<String> LIMITED = Set.of("/api/v1/auth/signup", "/api/v1/auth/login");
  private static final int MAX_TRACKED_CLIENTS = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AuthSettings.RateLimit limit;
  private final ProblemResponses problems;

  AuthRateLimitFilter(AuthSettings settings, ProblemResponses problems) {
    this.limit = settings.rateLimit();
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LIMITED.contains(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (buckets.size() > MAX_TRACKED_CLIENTS) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            request.getRequestURI() + " " + request.getRemoteAddr(), k -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    problems.write(request, response, new IdentityProblems.RateLimited(seconds));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
        .build();
  }
}
