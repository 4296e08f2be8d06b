package dev.kiln.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The filter program, run by a small classic-BPF interpreter over seccomp_data: what it answers for
 * each system call. The backends' suites show the kernel agrees.
 */
class SyscallFilterTest {

  static final int X86_64 = 0xc000003e;
  static final int ALLOW = 0x7fff0000;
  static final int EPERM = 0x00050001;
  static final int ENOSYS = 0x00050026;
  static final int KILL = 0x80000000;

  final SyscallFilter filter = SyscallFilter.x86_64();

  @Test
  void deniesEveryListedCallWithEperm() {
    SyscallFilter.DENIED_X86_64.forEach(
        (name, nr) -> assertThat(run(X86_64, nr, 0)).as(name).isEqualTo(EPERM));
  }

  @Test
  void allowsWhatBuildsUse() {
    // read, write, openat, mmap, execve, wait4, socket (for the loopback forwarder), fork
    for (int nr : List.of(0, 1, 257, 9, 59, 61, 41, 57)) {
      assertThat(run(X86_64, nr, 0)).as("syscall %d", nr).isEqualTo(ALLOW);
    }
  }

  @Test
  void cloneIsAllowedForThreadsAndProcessesButNotNamespaces() {
    int threadFlags = 0x003d0f00; // what glibc passes for pthread_create
    int forkFlags = 0x01200011; // CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD
    assertThat(run(X86_64, 56, threadFlags)).isEqualTo(ALLOW);
    assertThat(run(X86_64, 56, forkFlags)).isEqualTo(ALLOW);
    for (int flag : List.of(0x10000000, 0x20000000, 0x40000000, 0x00020000, 0x08000000)) {
      assertThat(run(X86_64, 56, forkFlags | flag)).as("flag %x", flag).isEqualTo(EPERM);
    }
    assertThat(run(X86_64, 435, 0)).as("clone3 falls back to clone").isEqualTo(ENOSYS);
  }

  @Test
  void otherArchitecturesAreKilledAndX32CallsDenied() {
    assertThat(run(0x40000003, 1, 0)).as("i386").isEqualTo(KILL);
    assertThat(run(X86_64, 0x40000000 | 101, 0)).as("x32 ptrace").isEqualTo(EPERM);
  }

  @Test
  void hexAndBytesEncodeTheSameProgram() {
    String hex = filter.hex();
    byte[] bytes = filter.bytes();
    assertThat(hex).hasSize(filter.program().size() * 16).matches("[0-9a-f]+");
    assertThat(bytes).hasSize(filter.program().size() * 8);
    ByteBuffer native_ = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    for (int i = 0; i < filter.program().size(); i++) {
      String text = hex.substring(i * 16, i * 16 + 16);
      int code = native_.getShort() & 0xffff;
      int jt = native_.get() & 0xff;
      int jf = native_.get() & 0xff;
      int k = native_.getInt();
      assertThat(text)
          .isEqualTo(
              HexFormat.of().toHexDigits((short) code)
                  + HexFormat.of().toHexDigits((byte) jt)
                  + HexFormat.of().toHexDigits((byte) jf)
                  + HexFormat.of().toHexDigits(k));
    }
    assertThat(filter.wrap(List.of("npm", "ci")))
        .containsExactly(SyscallFilter.LOADER, hex, "npm", "ci");
  }

  /** Runs the program the way the kernel does: A register, absolute word loads, forward jumps. */
  private int run(int arch, int nr, int arg0Low) {
    List<SyscallFilter.Instruction> program = filter.program();
    int a = 0;
    int pc = 0;
    while (true) {
      SyscallFilter.Instruction i = program.get(pc);
      switch (i.code()) {
        case 0x20 -> {
          a =
              switch (i.k()) {
                case 0 -> nr;
                case 4 -> arch;
                case 16 -> arg0Low;
                default -> throw new AssertionError("load of offset " + i.k());
              };
          pc++;
        }
        case 0x15 -> pc += 1 + (a == i.k() ? i.jt() : i.jf());
        case 0x35 -> pc += 1 + (Integer.compareUnsigned(a, i.k()) >= 0 ? i.jt() : i.jf());
        case 0x45 -> pc += 1 + ((a & i.k()) != 0 ? i.jt() : i.jf());
        case 0x06 -> {
          return i.k();
        }
        default -> throw new AssertionError("unexpected opcode " + i.code());
      }
    }
  }
}
