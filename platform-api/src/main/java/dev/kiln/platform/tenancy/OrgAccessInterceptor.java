package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks {@link RequiresRole} before any org-scoped handler runs and sets the request's {@link
 * TenantContext}. A non-member (or a malformed org id) gets 404; a weaker role 403.
 */
@Component
class OrgAccessInterceptor implements HandlerInterceptor {

  private final Memberships memberships;

  OrgAccessInterceptor(Memberships memberships) {
    this.memberships = memberships;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    CurrentUser user = currentUser();
    if (user != null) {
      TenantContext.set(new TenantContext.Scope(null, user.id(), null));
    }
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RequiresRole required = method.getMethodAnnotation(RequiresRole.class);
    if (required == null) {
      return true;
    }
    try {
      checkAccess(request, required, user);
    } catch (RuntimeException e) {
      TenantContext.clear();
      throw e;
    }
    return true;
  }

  private void checkAccess(HttpServletRequest request, RequiresRole required, CurrentUser user) {
    if (user == null) {
      throw new IllegalStateException("An org-scoped handler was reached without a user");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    UUID org = parseOrg(vars.get("org"));
    Role role = memberships.roleOf(org, user.id()).orElseThrow(TenancyProblems.OrgNotFound::new);
    if (!role.atLeast(required.value()) && !isSelf(required, vars, user)) {
      throw new TenancyProblems.RoleRequired(required.value(), role);
    }
    TenantContext.set(new TenantContext.Scope(org, user.id(), role));
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    TenantContext.clear();
  }

  private static boolean isSelf(RequiresRole required, Map<String, String> vars, CurrentUser user) {
    return !required.unlessSelf().isEmpty()
        && user.id().toString().equalsIgnoreCase(vars.get(required.unlessSelf()));
  }

  private static UUID parseOrg(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TenancyProblems.OrgNotFound();
    }
  }

  private static CurrentUser currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
  }
}
