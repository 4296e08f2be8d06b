package dev.kiln.platform.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What the preview tests do through the API: generate, read and await events, visit links. */
final class PreviewTestClient {

  /** A generation's project and generation paths. */
  record Started(String project, String generation) {}

  /** What a link answered. */
  record Raw(int status, String text) {}

  private final Api api;
  private final TestUser user;
  private final UUID org;

  PreviewTestClient(Api api, TestUser user, UUID org) {
    this.api = api;
    this.user = user;
    this.org = org;
  }

  /** Creates a project from {@code prompt}, which starts its first generation. */
  Started generate(String name, String prompt) {
    String projects = "/api/v1/orgs/" + org + "/projects";
    Api.Response created =
        api.post(projects, user.accessToken(), Map.of("name", name, "prompt", prompt));
    assertThat(created.status()).isEqualTo(201);
    String project = projects + "/" + created.json().get("project").get("id").asString();
    String generation = created.json().get("generationId").asString();
    return new Started(project, project + "/generations/" + generation);
  }

  List<JsonNode> events(Started s) {
    JsonNode all = api.get(s.generation() + "/events?limit=1000", user.accessToken()).json();
    List<JsonNode> out = new ArrayList<>();
    all.forEach(out::add);
    return out;
  }

  /** The {@code skip}+1th event of {@code type} of the generation, waiting up to 5 minutes. */
  JsonNode awaitEvent(Started s, String type, int skip) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 300_000;
    JsonNode all = null;
    while (System.currentTimeMillis() < deadline) {
      all = api.get(s.generation() + "/events?limit=1000", user.accessToken()).json();
      int seen = 0;
      for (JsonNode e : all) {
        if (e.get("type").asString().equals(type) && seen++ >= skip) {
          return e;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no " + type + " event: " + all);
  }

  /** A GET with the link's Host, as a browser sends it to the proxy on loopback. */
  static Raw rawGet(String url, String path) throws IOException {
    java.net.URI uri = java.net.URI.create(url);
    try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + ":"
                  + uri.getPort()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Raw(status, text.length() > 3000 ? text.substring(0, 3000) : text);
    }
  }

  /** Visits {@code url} until it answers 200 (a stopped preview starts again), up to 4 minutes. */
  static Raw awaitPage(String url) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 240_000;
    Raw page = rawGet(url, "/");
    while (page.status() != 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      page = rawGet(url, "/");
    }
    return page;
  }
}
