package dev.kiln.platform.preview;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The preview origin: a plain TCP reverse proxy. It reads a connection's first request head, finds
 * the preview from the signed link in its {@code Host} ({@code <link>.<domain>}), and then relays
 * bytes both ways to the preview's dev server, so HTTP keep-alive and the hot-reload WebSocket pass
 * unchanged. A connection is checked once, when it opens: a link that expires keeps its open
 * connections but gets no new ones. Nothing of the studio (cookies, tokens) is ever on this origin.
 */
final class PreviewProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PreviewProxy.class);
  private static final int MAX_HEAD = 32 * 1024;

  private final PreviewSettings settings;
  private final Previews previews;
  private final PreviewLinks links;
  private final ServerSocket server;

  PreviewProxy(PreviewSettings settings, Previews previews, PreviewLinks links) throws IOException {
    this.settings = settings;
    this.previews = previews;
    this.links = links;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
    previews.proxyPort(server.getLocalPort());
    Thread.ofVirtual().name("preview-proxy").start(this::accept);
    log.info("Previews are served at *.{}:{}", settings.domain(), server.getLocalPort());
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> handle(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.warn("The preview proxy could not accept a connection", e);
        }
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      client.setSoTimeout(15_000);
      BufferedInputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String label = label(head);
      if (label == null) {
        page(out, 404, "Not a preview", "This address is not a Kiln preview link.");
        return;
      }
      Optional<PreviewLinks.Link> link = links.read(label);
      if (link.isEmpty()) {
        page(out, 404, "Not a preview", "This preview link is not valid.");
        return;
      }
      if (links.expired(link.get())) {
        page(
            out,
            410,
            "Preview link expired",
            "This preview link has expired. Open the preview again from Kiln.");
        return;
      }
      Optional<Preview> found = previews.visit(link.get().project());
      if (found.isEmpty()) {
        page(
            out,
            404,
            "Preview not running",
            "This preview is not running here. Open it again from Kiln.");
        return;
      }
      Preview preview = found.get();
      switch (preview.status) {
        case STARTING -> {
          page(out, 503, "Starting the preview", "The preview is starting; this page reloads.");
          return;
        }
        case ERROR, STOPPED -> {
          String error = preview.error == null ? "The preview stopped." : preview.error;
          page(out, 502, "The preview is not running", error);
          return;
        }
        case READY -> relay(client, in, out, head, preview);
      }
    } catch (IOException e) {
      log.debug("Preview connection ended: {}", e.toString());
    }
  }

  private void relay(Socket client, InputStream in, OutputStream out, byte[] head, Preview preview)
      throws IOException {
    InetSocketAddress address = preview.address();
    if (address == null) {
      page(out, 502, "The preview is not running", "The preview stopped.");
      return;
    }
    try (Socket upstream = new Socket()) {
      upstream.connect(address, 5_000);
      client.setSoTimeout(0);
      upstream.getOutputStream().write(head);
      upstream.getOutputStream().flush();
      Thread up =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      in.transferTo(upstream.getOutputStream());
                    } catch (IOException ignored) {
                      // the other direction notices and closes both
                    } finally {
                      shutdownOutput(upstream);
                    }
                  });
      try {
        upstream.getInputStream().transferTo(out);
      } catch (SocketException ignored) {
        // either side went away
      }
      up.interrupt();
    } catch (IOException e) {
      page(out, 502, "The preview is not answering", "The preview's dev server did not answer.");
    }
  }

  private static void shutdownOutput(Socket socket) {
    try {
      socket.shutdownOutput();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** The request line and headers up to the blank line, or null when the client sent none. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** The link label of the request's {@code Host}, or null when it is not on the preview domain. */
  private String label(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String suffix = "." + settings.domain().toLowerCase(Locale.ROOT);
    for (String line : text.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("host")) {
        String host = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        int port = host.lastIndexOf(':');
        if (port > 0 && host.indexOf(']') < port) {
          host = host.substring(0, port);
        }
        if (!host.endsWith(suffix)) {
          return null;
        }
        String label = host.substring(0, host.length() - suffix.length());
        return label.contains(".") ? null : label;
      }
    }
    return null;
  }

  private static void page(OutputStream out, int status, String title, String text)
      throws IOException {
    String body =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
            + HtmlUtils.htmlEscape(title)
            + "</title>"
            + (status == 503 ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
            + "</head><body style=\"font-family:sans-serif;margin:3rem\"><h1>"
            + HtmlUtils.htmlEscape(title)
            + "</h1><pre style=\"white-space:pre-wrap\">"
            + HtmlUtils.htmlEscape(text)
            + "</pre></body></html>";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String reason =
        switch (status) {
          case 404 -> "Not Found";
          case 410 -> "Gone";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          default -> "Error";
        };
    String headers =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + bytes.length
            + "\r\nCache-Control: no-store\r\nContent-Security-Policy: default-src 'none';"
            + " style-src 'unsafe-inline'\r\nX-Content-Type-Options: nosniff\r\n"
            + (status == 503 ? "Retry-After: 2\r\n" : "")
            + "Connection: close\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
