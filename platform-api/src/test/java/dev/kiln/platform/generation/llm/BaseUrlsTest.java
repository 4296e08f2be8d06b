package dev.kiln.platform.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {

  @Test
  void publicHttpsProvidersAreAccepted() {
    assertThat(BaseUrls.problem("https://openrouter.ai/api/v1", false)).isEmpty();
    assertThat(BaseUrls.problem("https://api.deepseek.com/v1", false)).isEmpty();
    assertThat(BaseUrls.problem("https://generativelanguage.googleapis.com/v1beta/openai/", false))
        .isEmpty();
  }

  @Test
  void theLocalNetworkAndPlainHttpAreRefusedInAMultiTenantDeployment() {
    for (String url :
        new String[] {
          "http://api.openai.com/v1",
          "https://localhost:11434/v1",
          "https://127.0.0.1/v1",
          "https://10.0.0.5/v1",
          "https://169.254.169.254/latest",
          "https://[::1]/v1",
          "https://[fd00::1]/v1",
          "https://ollama.svc.cluster.local/v1",
          "https://metadata.google.internal/v1"
        }) {
      assertThat(BaseUrls.problem(url, false)).as(url).isPresent();
    }
  }

  @Test
  void malformedUrlsAreRefusedEvenWhenPrivateOnesAreAllowed() {
    assertThat(BaseUrls.problem("ftp://example.com/v1", true)).isPresent();
    assertThat(BaseUrls.problem("https://user:pw@example.com/v1", true)).isPresent();
    assertThat(BaseUrls.problem("https://example.com/v1?x=1", true)).isPresent();
    assertThat(BaseUrls.problem("not a url", true)).isPresent();
    assertThat(BaseUrls.problem("http://localhost:11434/v1", true)).isEmpty();
  }

  @Test
  void loopbackNamesResolvePrivately() {
    assertThat(BaseUrls.resolvesPrivately("localhost")).isTrue();
    assertThat(BaseUrls.resolvesPrivately("127.0.0.1")).isTrue();
  }
}
