/* Tries what a sandbox escape would: trace a process of its own. Prints one line per attempt. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pid_t child = fork();
  if (child == 0) {
    pause();
    return 0;
  }
  long attached = ptrace(PTRACE_ATTACH, child, 0, 0);
  printf("attach %s\n", attached == 0 ? "allowed" : strerror(errno));
  if (attached == 0) {
    waitpid(child, NULL, 0);
    ptrace(PTRACE_DETACH, child, 0, 0);
  }
  kill(child, SIGKILL);
  waitpid(child, NULL, 0);
  pid_t self = fork();
  if (self == 0) {
    long traced = ptrace(PTRACE_TRACEME, 0, 0, 0);
    printf("traceme %s\n", traced == 0 ? "allowed" : strerror(errno));
    fflush(stdout);
    return 0;
  }
  waitpid(self, NULL, 0);
  return 0;
}
