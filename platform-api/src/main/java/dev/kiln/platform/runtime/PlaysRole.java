package dev.kiln.platform.runtime;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A condition true when this process plays {@code role} ({@code KILN_ROLES}, by default every
 * role); features subclass it with their role's name.
 */
public abstract class PlaysRole implements Condition {

  private final String role;

  protected PlaysRole(String role) {
    this.role = role;
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("kiln.roles", Bindable.listOf(String.class))
        .orElse(List.of("api", "generation", "sandbox"))
        .stream()
        .anyMatch(r -> r.strip().equals(role));
  }
}
