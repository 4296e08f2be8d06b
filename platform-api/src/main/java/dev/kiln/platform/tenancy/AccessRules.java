package dev.kiln.platform.tenancy;

import dev.kiln.platform.identity.AdminEndpoint;
import dev.kiln.platform.identity.PublicEndpoint;
import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each endpoint, in one place: refuses to start when an org-scoped handler lacks
 * {@link RequiresRole}, and writes the rule into the OpenAPI document as {@code x-kiln-access}
 * ({@code public}, {@code authenticated}, {@code admin} or {@code org:<role>}) so the access-matrix
 * test can check every endpoint.
 */
@Component
class AccessRules implements OperationCustomizer, SmartInitializingSingleton {

  static final String EXTENSION = "x-kiln-access";
  static final String SELF_EXTENSION = "x-kiln-self-allowed";
  static final String ORG_SCOPED_PREFIX = "/api/v1/orgs/{org}";

  private final RequestMappingHandlerMapping mappings;

  AccessRules(RequestMappingHandlerMapping requestMappingHandlerMapping) {
    this.mappings = requestMappingHandlerMapping;
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    operation.addExtension(EXTENSION, access(handler));
    RequiresRole role = handler.getMethodAnnotation(RequiresRole.class);
    if (role != null && !role.unlessSelf().isEmpty()) {
      operation.addExtension(SELF_EXTENSION, role.unlessSelf());
    }
    return operation;
  }

  static String access(HandlerMethod handler) {
    if (handler.hasMethodAnnotation(PublicEndpoint.class)) {
      return "public";
    }
    if (handler.hasMethodAnnotation(AdminEndpoint.class)) {
      return "admin";
    }
    RequiresRole role = handler.getMethodAnnotation(RequiresRole.class);
    return role == null ? "authenticated" : "org:" + role.value().id();
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> wrong = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              boolean orgScoped =
                  info.getPatternValues().stream().anyMatch(p -> p.startsWith(ORG_SCOPED_PREFIX));
              boolean annotated = handler.hasMethodAnnotation(RequiresRole.class);
              if (orgScoped != annotated) {
                wrong.add(handler.getShortLogMessage());
              }
            });
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(
          "Handlers under "
              + ORG_SCOPED_PREFIX
              + " need @RequiresRole, and only they may have it: "
              + wrong);
    }
  }
}
