package dev.kiln.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every backend passes, and the escapes none allows: run against each backend, for
 * real. Subclasses say how to open a sandbox and what the host-side cleanliness checks are.
 */
public abstract class SandboxContract {

  protected static final String IMAGE = "kiln/sandbox-node:latest";

  private final List<Sandbox> opened = Collections.synchronizedList(new ArrayList<>());

  protected abstract SandboxBackend backend();

  /** True when nothing of the sandbox is left on the host (container, processes, files). */
  protected abstract boolean goneFromHost(Sandbox sandbox);

  protected Sandbox open(SandboxSpec.Limits limits) {
    Sandbox sandbox =
        backend().open(new SandboxSpec(IMAGE, limits, SandboxSpec.NetworkPolicy.NONE, "tenant-a"));
    opened.add(sandbox);
    return sandbox;
  }

  protected Sandbox open() {
    return open(SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(60)));
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Sandbox::close);
  }

  protected record Run(ExecResult result, List<Sandbox.OutputLine> lines) {
    public String stdout() {
      return lines.stream()
          .filter(l -> l.stream() == Sandbox.Stream.STDOUT)
          .map(Sandbox.OutputLine::text)
          .collect(Collectors.joining("\n"));
    }

    public String all() {
      return lines.stream().map(Sandbox.OutputLine::text).collect(Collectors.joining("\n"));
    }
  }

  protected static Run run(Sandbox sandbox, String shell) {
    List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
    ExecResult result = sandbox.exec(List.of("/bin/sh", "-c", shell), lines::add);
    return new Run(result, lines);
  }

  @Test
  void runsCommandsAndStreamsBothOutputs() {
    Sandbox sandbox = open();
    sandbox.upload(
        Map.of(
            "src/hello.js", "console.log('hello ' + (6 * 7)); console.error('warn')".getBytes()));
    Run run = run(sandbox, "node src/hello.js; id -u; exit 3");
    assertThat(run.result().exitCode()).isEqualTo(3);
    assertThat(run.lines())
        .contains(
            new Sandbox.OutputLine(Sandbox.Stream.STDOUT, "hello 42"),
            new Sandbox.OutputLine(Sandbox.Stream.STDERR, "warn"),
            new Sandbox.OutputLine(Sandbox.Stream.STDOUT, "1000"));
    Run write = run(sandbox, "mkdir -p dist && echo built > dist/out.txt");
    assertThat(write.result().succeeded()).isTrue();
    assertThat(sandbox.readFile("dist/out.txt"))
        .hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("built\n"));
  }

  @Test
  void nothingOnTheNetworkAnswers() throws Exception {
    try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Thread.ofVirtual().start(() -> serveGreeting(host));
      String gateway = hostGateway();
      Sandbox sandbox = open();
      String script =
          """
          const net = require('net'), dns = require('dns');
          const targets = %s;
          let bytes = 0, done = 0;
          dns.lookup('registry.npmjs.org', (err) => { console.log('dns ' + (err ? 'failed' : 'resolved')); });
          for (const [host, port] of targets) {
            const s = net.connect({host, port, timeout: 1500});
            s.on('data', d => { bytes += d.length; });
            const end = () => { if (++done === targets.length) setTimeout(() => console.log('bytes ' + bytes), 200); };
            s.on('error', end); s.on('timeout', () => { s.destroy(); end(); }); s.on('close', () => {});
          }
          """
              .formatted(
                  "[['1.1.1.1', 53], ['169.254.169.254', 80], ['%s', %d], ['127.0.0.1', %d], ['%s', 5432], ['%s', 9092]]"
                      .formatted(
                          gateway, host.getLocalPort(), host.getLocalPort(), gateway, gateway));
      sandbox.upload(Map.of("probe.js", script.getBytes()));
      Run run = run(sandbox, "node probe.js");
      assertThat(run.stdout())
          .contains("dns failed")
          .contains("bytes 0")
          .doesNotContain("resolved");
    }
  }

  @Test
  void aForkBombStopsAtThePidsLimitAndLeavesNothingBehind() throws Exception {
    long before = hostProcesses();
    Sandbox sandbox =
        open(SandboxSpec.Limits.defaults().withPids(64).withWallTime(Duration.ofSeconds(8)));
    Run run = run(sandbox, "bomb() { bomb | bomb & }; bomb; sleep 4; echo still-here");
    assertThat(run.all())
        .containsAnyOf("can't fork", "Resource temporarily unavailable", "still-here");
    sandbox.close();
    Thread.sleep(500);
    assertThat(hostProcesses()).isLessThanOrEqualTo(before + 5);
    assertThat(goneFromHost(sandbox)).isTrue();
  }

  @Test
  void passingTheMemoryLimitIsReportedAsOutOfMemory() {
    Sandbox sandbox = open(SandboxSpec.Limits.defaults().withMemory(256 * SandboxSpec.Limits.MIB));
    Run run =
        run(
            sandbox,
            "node -e \"const a=[]; for(let i=0;i<20;i++){a.push(Buffer.alloc(100*1024*1024,1))} console.log('survived')\"");
    assertThat(run.stdout()).doesNotContain("survived");
    assertThat(run.result().outOfMemory()).as(run.toString()).isTrue();
    assertThat(run.result().timedOut()).isFalse();
  }

  @Test
  void anInterruptedCommandIsStoppedAloneAndTheSandboxStaysOpen() throws Exception {
    Sandbox sandbox = open();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    sandbox.exec(
                        List.of(
                            "/bin/sh",
                            "-c",
                            "beat() { i=0; while :; do i=$((i+1)); echo $i > $1;"
                                + " [ $i = 1 ] && echo started; sleep 0.1; done; };"
                                + " beat child.beat & beat own.beat"),
                        line -> {
                          if (line.text().equals("started")) {
                            started.countDown();
                          }
                        });
                  } catch (RuntimeException e) {
                    thrown.set(e);
                  }
                });
    assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(Duration.ofSeconds(20));

    assertThat(caller.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(thrown.get()).isInstanceOf(SandboxFailure.class);
    // The command and its child stopped beating; the sandbox still runs commands.
    Run look =
        run(
            sandbox,
            "a=$(cat own.beat child.beat); sleep 1; b=$(cat own.beat child.beat);"
                + " [ \"$a\" = \"$b\" ] && echo stopped || echo beating");
    assertThat(look.result().succeeded()).as(look.all()).isTrue();
    assertThat(look.stdout()).isEqualTo("stopped");
    assertThat(goneFromHost(sandbox)).isFalse();
  }

  @Test
  void aCommandPastTheWallTimeIsKilledAndTheSandboxRemoved() {
    Sandbox sandbox = open(SandboxSpec.Limits.defaults().withWallTime(Duration.ofSeconds(2)));
    long start = System.nanoTime();
    Run run = run(sandbox, "sleep 3600");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(run.result().timedOut()).isTrue();
    assertThat(took).isLessThan(Duration.ofSeconds(2 + 10));
    assertThat(goneFromHost(sandbox)).isTrue();
  }

  @Test
  void endlessOutputIsTruncatedWithFlatMemory() {
    Sandbox sandbox =
        open(
            SandboxSpec.Limits.defaults()
                .withOutputBytes(64 * 1024)
                .withWallTime(Duration.ofSeconds(4)));
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long usedBefore = runtime.totalMemory() - runtime.freeMemory();
    List<Sandbox.OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
    ExecResult result = sandbox.exec(List.of("/bin/sh", "-c", "yes kiln-output-line"), lines::add);
    System.gc();
    long usedAfter = runtime.totalMemory() - runtime.freeMemory();
    assertThat(result.outputTruncated()).isTrue();
    assertThat(lines.stream().mapToLong(l -> l.text().length() + 1).sum())
        .isLessThanOrEqualTo(64 * 1024);
    assertThat(usedAfter - usedBefore).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void fillingTheScratchFailsWithNoSpaceAndHarmsNothing() {
    Sandbox sandbox =
        open(SandboxSpec.Limits.defaults().withScratchBytes(16 * SandboxSpec.Limits.MIB));
    Run run = run(sandbox, "dd if=/dev/zero of=/scratch/fill bs=1M count=64; echo exit=$?");
    assertThat(run.all()).contains("No space left on device");
    assertThat(
            run(sandbox, "rm /scratch/fill && echo ok > /scratch/after && cat /scratch/after")
                .stdout())
        .isEqualTo("ok");
  }

  @Test
  void filesOfOneJobAreInvisibleToTheNext() {
    Sandbox a = open();
    run(
        a,
        "echo secret > /workspace/a.txt; echo secret > /tmp/a.txt; echo secret > /scratch/a.txt");
    a.close();
    Sandbox b = open();
    Run look =
        run(b, "ls /workspace /tmp /scratch; cat /workspace/a.txt /tmp/a.txt /scratch/a.txt 2>&1");
    assertThat(look.all()).doesNotContain("secret");
  }

  @Test
  void privilegedOperationsAreDenied() {
    Sandbox sandbox = open();
    assertThat(run(sandbox, "mount -t tmpfs none /mnt").result().exitCode()).isNotZero();
    assertThat(run(sandbox, "unshare -U -r true").result().exitCode()).isNotZero();
    assertThat(run(sandbox, "touch /usr/bin/evil").result().exitCode()).isNotZero();
    Run status = run(sandbox, "grep -E '^(CapEff|CapBnd|NoNewPrivs):' /proc/self/status");
    assertThat(status.stdout())
        .contains("CapEff:\t0000000000000000")
        .contains("CapBnd:\t0000000000000000")
        .contains("NoNewPrivs:\t1");
  }

  /**
   * A small static binary tries what an escape would: attach to a child of its own, and ask to be
   * traced. Docker's default profile allows both on this kernel; Kiln's filter must not.
   */
  @Test
  void ptraceIsDenied() throws Exception {
    Sandbox sandbox = open();
    sandbox.upload(Map.of("ptrace-probe", Probes.ptrace()));
    Run probe = run(sandbox, "chmod +x ptrace-probe && ./ptrace-probe");
    assertThat(probe.result().exitCode()).as(probe.all()).isZero();
    assertThat(probe.stdout())
        .contains("attach Operation not permitted")
        .contains("traceme Operation not permitted")
        .doesNotContain("allowed");
  }

  @Test
  void kernelSettingsOfTheHostCannotBeChanged() throws Exception {
    Path panic = Path.of("/proc/sys/kernel/panic");
    String before = Files.readString(panic).strip();
    String other = before.equals("7") ? "8" : "7";
    Sandbox sandbox = open();
    Run write = run(sandbox, "echo " + other + " > /proc/sys/kernel/panic");
    assertThat(Files.readString(panic).strip()).as(write.all()).isEqualTo(before);
    assertThat(write.result().exitCode()).isNotZero();
  }

  @Test
  void theEnvironmentHoldsNoPlatformSecret() {
    Sandbox sandbox = open();
    List<String> names =
        Stream.of(run(sandbox, "env").stdout().split("\n"))
            .map(l -> l.contains("=") ? l.substring(0, l.indexOf('=')) : l)
            .toList();
    assertThat(names)
        .allMatch(
            n ->
                List.of(
                        "HOME",
                        "PATH",
                        "NODE_ENV",
                        "NODE_EXTRA_CA_CERTS",
                        "HOSTNAME",
                        "PWD",
                        "SHLVL",
                        "_")
                    .contains(n));
    assertThat(run(sandbox, "ls /var/run/docker.sock /run/docker.sock 2>&1").all())
        .contains("No such file");
  }

  @Test
  void readingBackNeverFollowsLinks() {
    Sandbox sandbox = open();
    run(
        sandbox,
        "ln -s /etc/passwd package.json; ln -s / node_modules; mkdir -p real; echo fine > real/file.txt; ln -s real alias");
    assertThat(sandbox.readFile("package.json")).isEmpty();
    assertThat(sandbox.readFile("node_modules/etc/passwd")).isEmpty();
    assertThat(sandbox.readFile("alias/file.txt")).isEmpty();
    assertThat(sandbox.readFile("../../../../etc/passwd")).isEmpty();
    assertThat(sandbox.readFile("real/file.txt"))
        .hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("fine\n"));
  }

  private static void serveGreeting(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept();
          OutputStream out = s.getOutputStream()) {
        out.write("HELLO-FROM-HOST\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** The host's address on the default container bridge, where a leak would land. */
  protected static String hostGateway() throws IOException {
    for (var nic : Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (nic.getName().equals("docker0")) {
        for (var addr : Collections.list(nic.getInetAddresses())) {
          if (addr instanceof java.net.Inet4Address) {
            return addr.getHostAddress();
          }
        }
      }
    }
    return "172.17.0.1";
  }

  private static long hostProcesses() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries.filter(p -> p.getFileName().toString().matches("\\d+")).count();
    }
  }
}
