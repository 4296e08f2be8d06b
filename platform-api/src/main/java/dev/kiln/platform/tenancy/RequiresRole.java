package dev.kiln.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler under {@code /api/v1/orgs/{org}}: the caller must be a member of {@code org} with
 * at least this role. A non-member gets 404 (the org's existence is not revealed), a member with a
 * weaker role 403. Every handler with an {@code {org}} path variable must carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresRole {

  /** The weakest role allowed. */
  Role value();

  /**
   * A path variable holding a user id: when it is the caller's own id, any member may proceed (for
   * example to leave an org). Empty means no such exception.
   */
  String unlessSelf() default "";
}
