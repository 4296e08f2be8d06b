package dev.kiln.platform.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A member's role in an org, weakest first: each role can do everything the ones before it can. */
public enum Role {
  @JsonProperty("viewer")
  VIEWER,
  @JsonProperty("editor")
  EDITOR,
  @JsonProperty("owner")
  OWNER;

  /** True when this role may do what {@code required} may. */
  public boolean atLeast(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The lower-case name used in JSON and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Role fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
