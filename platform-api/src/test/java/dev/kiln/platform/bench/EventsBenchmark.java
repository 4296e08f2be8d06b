package dev.kiln.platform.bench;

import dev.kiln.platform.KilnApplication;
import dev.kiln.platform.events.GenerationEvents;
import dev.kiln.platform.support.Api;
import dev.kiln.platform.support.KilnFixtures;
import dev.kiln.platform.support.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live event delivery latency: {@code bench.subscribers} WebSocket clients (default 1,000) follow
 * one generation while {@code bench.events} events (default 500) are appended at {@code bench.rate}
 * per second (default 50); latency is from just before {@link GenerationEvents#append} to the
 * client's receipt of the frame (append, commit, outbox relay, Kafka, consumer, fan-out, socket).
 * Clients and server share this JVM and its CPUs. Not a test: run with {@code ./kiln bench events}.
 */
public final class EventsBenchmark {

  private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 1000);
  private static final int EVENTS = Integer.getInteger("bench.events", 500);
  private static final int RATE = Integer.getInteger("bench.rate", 50);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
  private static final int CLIENTS = 16;

  private EventsBenchmark() {}

  /** One subscriber: records the receipt time of each event by seq. */
  static final class Subscriber implements WebSocket.Listener {
    final long[] receivedAt;
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final CountDownLatch subscribed = new CountDownLatch(1);
    final StringBuilder partial = new StringBuilder();
    volatile long lastSeq;
    volatile boolean resynced;

    Subscriber(int events) {
      receivedAt = new long[events + 1];
    }

    @Override
    public void onOpen(WebSocket socket) {
      socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        frame(partial, now);
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    private void frame(CharSequence text, long now) {
      String s = text.toString();
      if (s.startsWith("{\"seq\":")) {
        int seq = Integer.parseInt(s.substring(7, s.indexOf(',')));
        if (seq < receivedAt.length) {
          if (receivedAt[seq] != 0) {
            duplicates.incrementAndGet();
          }
          receivedAt[seq] = now;
        }
        if (seq != lastSeq + 1) {
          outOfOrder.incrementAndGet();
        }
        lastSeq = seq;
      } else if (s.contains("\"subscribed\"")) {
        subscribed.countDown();
      } else if (s.contains("\"resync\"")) {
        resynced = true;
      }
    }
  }

  public static void main(String[] args) {
    int status = 1;
    ConfigurableApplicationContext app = null;
    try {
      app =
          new SpringApplicationBuilder(KilnApplication.class)
              .run(
                  "--server.port=0",
                  "--kiln.database.url=" + TestInfrastructure.newDatabase(),
                  "--kiln.database.user=postgres",
                  "--kiln.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                  "--kiln.home=" + Files.createTempDirectory("kiln-bench"),
                  "--kiln.auth.bcrypt-strength=4",
                  "--spring.datasource.hikari.maximum-pool-size=20",
                  "--logging.level.root=WARN");
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      run(port, app.getBean(GenerationEvents.class));
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      if (app != null) {
        app.close();
      }
      System.exit(status);
    }
  }

  private static void run(int port, GenerationEvents events) throws Exception {
    Api api = new Api(port);
    KilnFixtures.TestUser user = new KilnFixtures(api).signUp("Bench Watcher");
    UUID org = user.personalOrg();
    UUID project = UUID.randomUUID();
    UUID generation = UUID.randomUUID();
    int total = WARMUP + EVENTS;

    KafkaProbe probe = new KafkaProbe(total);
    long connectStart = System.nanoTime();
    List<Subscriber> subscribers = connect(port, api, user, org, generation, total);
    long connectMillis = (System.nanoTime() - connectStart) / 1_000_000;

    long[] appendedAt = new long[total + 1];
    long intervalNanos = 1_000_000_000L / RATE;
    long next = System.nanoTime();
    for (int i = 1; i <= total; i++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      appendedAt[i] = System.nanoTime();
      events.append(org, project, generation, "token", "codegen", Map.of("i", i));
      next += intervalNanos;
    }
    awaitDelivery(subscribers, total);
    probe.close();
    report(subscribers, appendedAt, connectMillis, probe.receivedAt);
  }

  private static List<Subscriber> connect(
      int port, Api api, KilnFixtures.TestUser user, UUID org, UUID generation, int total)
      throws Exception {
    List<HttpClient> http = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      http.add(HttpClient.newHttpClient());
    }
    List<Subscriber> subscribers = new ArrayList<>();
    List<CompletableFuture<Void>> opened = new ArrayList<>();
    String subscribe =
        Api.JSON.writeValueAsString(
            Map.of(
                "action",
                "subscribe",
                "orgId",
                org.toString(),
                "generationId",
                generation.toString(),
                "afterSeq",
                0));
    try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Subscriber s = new Subscriber(total);
        subscribers.add(s);
        HttpClient client = http.get(i % CLIENTS);
        opened.add(
            CompletableFuture.runAsync(
                () -> {
                  String ticket =
                      api.post("/api/v1/ws/tickets", user.accessToken(), null).text("ticket");
                  URI uri = URI.create("ws://localhost:" + port + "/api/v1/ws?ticket=" + ticket);
                  WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, s).join();
                  socket.sendText(subscribe, true).join();
                },
                pool));
      }
      CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }
    for (Subscriber s : subscribers) {
      if (!s.subscribed.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("A subscriber was not confirmed");
      }
    }
    return subscribers;
  }

  private static void awaitDelivery(List<Subscriber> subscribers, int total)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < end
        && subscribers.stream().anyMatch(s -> s.lastSeq < total && !s.resynced)) {
      Thread.sleep(50);
    }
  }

  /**
   * A plain consumer of the events topic in this JVM: when each event reached Kafka consumers,
   * which splits the latency into the pipeline (append, commit, relay, broker) and the fan-out.
   */
  static final class KafkaProbe implements AutoCloseable {
    final long[] receivedAt;
    private final Thread thread;
    private volatile boolean running = true;

    KafkaProbe(int events) throws InterruptedException {
      receivedAt = new long[events + 1];
      CountDownLatch assigned = new CountDownLatch(1);
      thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(
                            Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestInfrastructure.kafkaBootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "bench-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "latest",
                                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class,
                                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class))) {
                      consumer.subscribe(List.of(GenerationEvents.TOPIC));
                      while (running) {
                        for (ConsumerRecord<String, String> r :
                            consumer.poll(Duration.ofMillis(100))) {
                          String v = r.value();
                          int seq = Integer.parseInt(v.substring(7, v.indexOf(',')));
                          if (seq < receivedAt.length) {
                            receivedAt[seq] = System.nanoTime();
                          }
                        }
                        if (!consumer.assignment().isEmpty()) {
                          consumer.assignment().forEach(consumer::position);
                          assigned.countDown();
                        }
                      }
                    }
                  });
      if (!assigned.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("The Kafka probe got no partitions");
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  private static void report(
      List<Subscriber> subscribers, long[] appendedAt, long connectMillis, long[] atKafka) {
    int total = appendedAt.length - 1;
    long[] pipeline = new long[EVENTS];
    int p = 0;
    for (int seq = WARMUP + 1; seq <= total; seq++) {
      if (atKafka[seq] != 0) {
        pipeline[p++] = atKafka[seq] - appendedAt[seq];
      }
    }
    long[] toKafka = Arrays.copyOf(pipeline, p);
    Arrays.sort(toKafka);
    long[] latencies = new long[subscribers.size() * EVENTS];
    int n = 0;
    long missing = 0;
    for (Subscriber s : subscribers) {
      for (int seq = WARMUP + 1; seq <= total; seq++) {
        if (s.receivedAt[seq] == 0) {
          missing++;
        } else {
          latencies[n++] = s.receivedAt[seq] - appendedAt[seq];
        }
      }
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    long duplicates = subscribers.stream().mapToLong(s -> s.duplicates.get()).sum();
    long outOfOrder = subscribers.stream().mapToLong(s -> s.outOfOrder.get()).sum();
    long resynced = subscribers.stream().filter(s -> s.resynced).count();
    System.out.printf(
        "%n| append to Kafka consumer | p50 ms | p99 ms |%n|---|---|---|%n| %d events | %.1f | %.1f"
            + " |%n",
        toKafka.length, millis(toKafka, 0.50), millis(toKafka, 0.99));
    System.out.printf(
        "%n| subscribers | events | rate/s | deliveries | p50 ms | p90 ms | p99 ms | max ms |"
            + " missing | duplicates | out of order | resyncs | connect+subscribe all, ms |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n"
            + "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d |%n",
        subscribers.size(),
        EVENTS,
        RATE,
        n,
        millis(sorted, 0.50),
        millis(sorted, 0.90),
        millis(sorted, 0.99),
        millis(sorted, 1.0),
        missing,
        duplicates,
        outOfOrder,
        resynced,
        connectMillis);
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
