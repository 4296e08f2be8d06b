package dev.kiln.platform.generation;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when this process plays the {@code generation} role ({@code KILN_ROLES}). */
final class GenerationRole implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("kiln.roles", Bindable.listOf(String.class))
        .orElse(List.of("api", "generation", "sandbox"))
        .stream()
        .anyMatch(r -> r.strip().equals("generation"));
  }
}
