package dev.kiln.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseEndpointTest {

  @Test
  void credentialsInTheUrlAreDroppedSoThePoolsOwnLoginApplies() {
    assertThat(DatabaseEndpoint.withoutCredentials("jdbc:postgresql://h:5432/kiln?user=postgres"))
        .isEqualTo("jdbc:postgresql://h:5432/kiln");
    assertThat(
            DatabaseEndpoint.withoutCredentials(
                "jdbc:postgresql://h/kiln?sslmode=require&USER=x&password=y&ApplicationName=k"))
        .isEqualTo("jdbc:postgresql://h/kiln?sslmode=require&ApplicationName=k");
    assertThat(DatabaseEndpoint.withoutCredentials("jdbc:postgresql://h/kiln"))
        .isEqualTo("jdbc:postgresql://h/kiln");
  }
}
