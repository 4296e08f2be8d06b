/*
 * kiln-seccomp HEX-PROGRAM COMMAND [ARG...]
 *
 * Installs the classic BPF seccomp program given as text (per instruction 16 hex digits: code,
 * jt, jf, k, most significant first; written by dev.kiln.sandbox.internal.SyscallFilter) on top of
 * whatever filter is already active (Docker's default profile), then executes COMMAND. A filter
 * cannot be removed, so COMMAND and everything it starts stay under it. Exits 125 when the program
 * is malformed or cannot be installed, 127 when COMMAND cannot be executed; never runs COMMAND
 * unfiltered.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static int field(const char *text, int digits, unsigned long *out) {
  unsigned long value = 0;
  for (int i = 0; i < digits; i++) {
    int n = nibble(text[i]);
    if (n < 0) return -1;
    value = (value << 4) | (unsigned long)n;
  }
  *out = value;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: kiln-seccomp HEX-PROGRAM COMMAND [ARG...]\n", stderr);
    return 125;
  }
  size_t length = strlen(argv[1]);
  if (length == 0 || length % 16 != 0 || length / 16 > BPF_MAXINSNS) {
    fputs("kiln-seccomp: the program must be 1 to 4096 instructions of 16 hex digits\n", stderr);
    return 125;
  }
  unsigned short count = (unsigned short)(length / 16);
  struct sock_filter *instructions = calloc(count, sizeof *instructions);
  if (instructions == NULL) return 125;
  for (unsigned short i = 0; i < count; i++) {
    const char *at = argv[1] + (size_t)i * 16;
    unsigned long code, jt, jf, k;
    if (field(at, 4, &code) || field(at + 4, 2, &jt) || field(at + 6, 2, &jf) ||
        field(at + 8, 8, &k)) {
      fputs("kiln-seccomp: the program holds a character that is not a lower-case hex digit\n",
            stderr);
      return 125;
    }
    instructions[i] = (struct sock_filter){(unsigned short)code, (unsigned char)jt,
                                           (unsigned char)jf, (unsigned int)k};
  }
  struct sock_fprog program = {count, instructions};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
    fprintf(stderr, "kiln-seccomp: could not install the filter: %s\n", strerror(errno));
    return 125;
  }
  execvp(argv[2], argv + 2);
  fprintf(stderr, "kiln-seccomp: %s: %s\n", argv[2], strerror(errno));
  return 127;
}
