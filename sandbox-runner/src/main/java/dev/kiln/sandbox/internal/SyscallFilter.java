package dev.kiln.sandbox.internal;

import dev.kiln.sandbox.SandboxFailure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Kiln's own seccomp filter, a classic BPF program that both backends install on every command:
 * Docker stacks it on the daemon's default profile (through {@code /opt/kiln/kiln-seccomp} in the
 * image), bubblewrap hands it to {@code bwrap --seccomp}. It denies with {@code EPERM} what a build
 * never needs and an escape often does: {@code ptrace} and cross-process memory access, mounts and
 * namespaces (also {@code clone} with namespace flags; {@code clone3} answers {@code ENOSYS} so
 * libc falls back to {@code clone}), keyrings, BPF, {@code userfaultfd}, perf events, module and
 * kexec loading, clock, swap and reboot calls. Any other architecture than the one the table was
 * written for is killed, as are x32 system calls.
 */
public final class SyscallFilter {

  /** Where the Docker image holds the loader (see {@code sandbox-runner/image/kiln-seccomp.c}). */
  public static final String LOADER = "/opt/kiln/kiln-seccomp";

  private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
  private static final int X32_SYSCALL_BIT = 0x40000000;
  private static final int EPERM = 1;
  private static final int ENOSYS = 38;
  private static final int CLONE = 56;
  private static final int CLONE3 = 435;

  /** CLONE_NEWNS, _NEWCGROUP, _NEWUTS, _NEWIPC, _NEWUSER, _NEWPID, _NEWNET and _NEWTIME. */
  private static final int NAMESPACE_FLAGS =
      0x00020000
          | 0x02000000
          | 0x04000000
          | 0x08000000
          | 0x10000000
          | 0x20000000
          | 0x40000000
          | 0x00000080;

  /** x86_64 numbers of the denied calls, by name (for the reader and the tests). */
  static final Map<String, Integer> DENIED_X86_64 =
      Map.ofEntries(
          Map.entry("ptrace", 101),
          Map.entry("process_vm_readv", 310),
          Map.entry("process_vm_writev", 311),
          Map.entry("mount", 165),
          Map.entry("umount2", 166),
          Map.entry("pivot_root", 155),
          Map.entry("chroot", 161),
          Map.entry("unshare", 272),
          Map.entry("setns", 308),
          Map.entry("keyctl", 250),
          Map.entry("add_key", 248),
          Map.entry("request_key", 249),
          Map.entry("bpf", 321),
          Map.entry("userfaultfd", 323),
          Map.entry("perf_event_open", 298),
          Map.entry("kexec_load", 246),
          Map.entry("kexec_file_load", 320),
          Map.entry("init_module", 175),
          Map.entry("finit_module", 313),
          Map.entry("delete_module", 176),
          Map.entry("open_by_handle_at", 304),
          Map.entry("name_to_handle_at", 303),
          Map.entry("swapon", 167),
          Map.entry("swapoff", 168),
          Map.entry("reboot", 169),
          Map.entry("acct", 163),
          Map.entry("settimeofday", 164),
          Map.entry("clock_settime", 227),
          Map.entry("clock_adjtime", 305),
          Map.entry("adjtimex", 159));

  // BPF opcodes and seccomp return values (linux/filter.h, linux/seccomp.h).
  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short JSET_K = 0x45;
  private static final short RET_K = 0x06;
  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int OFFSET_NR = 0;
  private static final int OFFSET_ARCH = 4;
  private static final int OFFSET_ARG0_LOW = 16;

  record Instruction(short code, int jt, int jf, int k) {}

  private final List<Instruction> program;

  private SyscallFilter(List<Instruction> program) {
    this.program = List.copyOf(program);
  }

  /** The filter for this host's architecture; refuses hosts it has no system call table for. */
  public static SyscallFilter forHost() {
    String arch = System.getProperty("os.arch");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      throw new SandboxFailure(
          "Kiln's sandbox system call filter has no table for " + arch + " (only x86_64)");
    }
    return x86_64();
  }

  static SyscallFilter x86_64() {
    // Layout: checks, then the four return instructions; jumps are relative to the next one.
    List<Integer> denied = DENIED_X86_64.values().stream().sorted().toList();
    int checks = 4 + denied.size() + 4;
    int allow = checks;
    int eperm = checks + 1;
    int enosys = checks + 2;
    int kill = checks + 3;
    List<Instruction> p = new ArrayList<>();
    p.add(new Instruction(LD_W_ABS, 0, 0, OFFSET_ARCH));
    p.add(jump(JEQ_K, AUDIT_ARCH_X86_64, p.size(), p.size() + 1, kill));
    p.add(new Instruction(LD_W_ABS, 0, 0, OFFSET_NR));
    p.add(jump(JGE_K, X32_SYSCALL_BIT, p.size(), eperm, p.size() + 1));
    for (int nr : denied) {
      p.add(jump(JEQ_K, nr, p.size(), eperm, p.size() + 1));
    }
    p.add(jump(JEQ_K, CLONE3, p.size(), enosys, p.size() + 1));
    p.add(jump(JEQ_K, CLONE, p.size(), p.size() + 1, allow));
    p.add(new Instruction(LD_W_ABS, 0, 0, OFFSET_ARG0_LOW));
    p.add(jump(JSET_K, NAMESPACE_FLAGS, p.size(), eperm, allow));
    if (p.size() != allow) {
      throw new IllegalStateException("filter layout is off: " + p.size() + " != " + allow);
    }
    p.add(new Instruction(RET_K, 0, 0, RET_ALLOW));
    p.add(new Instruction(RET_K, 0, 0, RET_ERRNO | EPERM));
    p.add(new Instruction(RET_K, 0, 0, RET_ERRNO | ENOSYS));
    p.add(new Instruction(RET_K, 0, 0, RET_KILL_PROCESS));
    return new SyscallFilter(p);
  }

  private static Instruction jump(short code, int k, int at, int whenTrue, int whenFalse) {
    int jt = whenTrue - at - 1;
    int jf = whenFalse - at - 1;
    if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
      throw new IllegalStateException("jump out of range at " + at);
    }
    return new Instruction(code, jt, jf, k);
  }

  List<Instruction> program() {
    return program;
  }

  /** The program as {@code struct sock_filter}s in this host's byte order, for {@code bwrap}. */
  public byte[] bytes() {
    ByteBuffer buffer = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
    for (Instruction i : program) {
      buffer.putShort(i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
    }
    return buffer.array();
  }

  /**
   * The program as text for the image's loader: per instruction 16 hex digits, code (4), jt (2), jf
   * (2) and k (8), most significant first.
   */
  public String hex() {
    HexFormat hex = HexFormat.of();
    StringBuilder text = new StringBuilder(program.size() * 16);
    for (Instruction i : program) {
      text.append(hex.toHexDigits(i.code()))
          .append(hex.toHexDigits((byte) i.jt()))
          .append(hex.toHexDigits((byte) i.jf()))
          .append(hex.toHexDigits(i.k()));
    }
    return text.toString();
  }

  /** {@code command} run through the image's loader, which installs this filter first. */
  public List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(command.size() + 2);
    wrapped.add(LOADER);
    wrapped.add(hex());
    wrapped.addAll(command);
    return wrapped;
  }
}
