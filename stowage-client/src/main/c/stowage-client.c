/*
 * stowage-client SOCKET ARGS...: the native client of the Stowage warm server.
 *
 * The same wire format and behaviour as dev.stowage.client.Client (see Protocol.java), without a
 * JVM to start: a served `stowage lint` costs a few milliseconds of client instead of about 40.
 * The launcher compiles this file with the system's C compiler when there is one and uses the
 * Java client otherwise.
 *
 * A JVM client reports its JVM's character set and locale properties; this one cannot know them,
 * so it sends the property NATIVE_PROPERTY instead, and the server runs the command only when the
 * locale variables of this process's environment are the server's own (then a JVM started here
 * would have had the server's properties). Otherwise it answers "run it yourself".
 *
 * Exit code: the run's, or 75 (RUN_DIRECTLY) having printed nothing when there is no server or
 * it does not serve the command; 3 when the server went away in the middle of a run.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

enum { VERSION = 1, RUN_DIRECTLY = 75, MAX_FRAME = 16 << 20 };
enum { REQUEST = 0, OUT = 1, ERR = 2, NEED_STDIN = 3, EXIT = 4, STDIN_DATA = 5, STDIN_EOF = 6 };
static const char NATIVE_PROPERTY[] = "stowage.client.native";
static const char NATIVE_ENCODING[] = "native"; /* "the server's native.encoding" */

extern char **environ;

/* A growing byte buffer for the request. */
struct buf {
  unsigned char *p;
  size_t n, cap;
};

static int put(struct buf *b, const void *data, size_t len) {
  if (b->n + len > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + len) cap *= 2;
    unsigned char *p = realloc(b->p, cap);
    if (!p) return -1;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, data, len);
  b->n += len;
  return 0;
}

static int put_int(struct buf *b, uint32_t v) {
  unsigned char be[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
                         (unsigned char)v};
  return put(b, be, 4);
}

static int put_bytes(struct buf *b, const char *s, size_t len) {
  return put_int(b, (uint32_t)len) || put(b, s, len);
}

static int put_str(struct buf *b, const char *s) { return put_bytes(b, s, strlen(s)); }

/* Writes all of len bytes, retrying on interruption; -1 on error. */
static int write_all(int fd, const void *data, size_t len) {
  const unsigned char *p = data;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

/* Reads exactly len bytes: 1 done, 0 end of stream before any byte, -1 error or cut short. */
static int read_all(int fd, void *data, size_t len) {
  unsigned char *p = data;
  size_t got = 0;
  while (got < len) {
    ssize_t r = read(fd, p + got, len - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) return got == 0 ? 0 : -1;
    got += (size_t)r;
  }
  return 1;
}

static int write_frame(int fd, int type, const void *data, size_t len) {
  unsigned char head[5] = {(unsigned char)type, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
                           (unsigned char)(len >> 8), (unsigned char)len};
  return write_all(fd, head, 5) || (len > 0 && write_all(fd, data, len));
}

/* Standard input to the server, on a thread of its own (the main thread keeps reading output). */
static void *pump_stdin(void *arg) {
  int sock = *(int *)arg;
  static unsigned char chunk[64 * 1024];
  for (;;) {
    ssize_t r = read(0, chunk, sizeof chunk);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    if (write_frame(sock, STDIN_DATA, chunk, (size_t)r)) return NULL;
  }
  write_frame(sock, STDIN_EOF, NULL, 0);
  return NULL;
}

static int encode_request(struct buf *b, int argc, char **argv) {
  char *cwd = getcwd(NULL, 0);
  if (!cwd) return -1;
  int failed = put_int(b, VERSION) || put_str(b, cwd);
  free(cwd);
  /* The environment as a JVM sees it: NAME=VALUE entries with a non-empty name. */
  uint32_t count = 0;
  for (char **e = environ; *e; e++) {
    char *eq = strchr(*e, '=');
    if (eq && eq != *e) count++;
  }
  failed = failed || put_int(b, count);
  for (char **e = environ; *e && !failed; e++) {
    char *eq = strchr(*e, '=');
    if (eq && eq != *e) failed = put_bytes(b, *e, (size_t)(eq - *e)) || put_str(b, eq + 1);
  }
  failed = failed || put_int(b, (uint32_t)(argc - 2));
  for (int i = 2; i < argc && !failed; i++) failed = put_str(b, argv[i]);
  unsigned char console = isatty(0) && isatty(1);
  failed = failed || put(b, &console, 1);
  /* A JVM sets sun.stdout.encoding and sun.stderr.encoding, to its native encoding, for the
     streams that are terminals: ask the server for the same. */
  int out_tty = isatty(1), err_tty = isatty(2);
  failed = failed || put_int(b, (uint32_t)(1 + out_tty + err_tty)) || put_str(b, NATIVE_PROPERTY) ||
           put_str(b, "true");
  if (out_tty) failed = failed || put_str(b, "sun.stdout.encoding") || put_str(b, NATIVE_ENCODING);
  if (err_tty) failed = failed || put_str(b, "sun.stderr.encoding") || put_str(b, NATIVE_ENCODING);
  return failed ? -1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: stowage-client SOCKET ARGS...\n", stderr);
    return 2;
  }
  /* Like a JVM: a closed standard output is an error to ignore, not a signal that kills. */
  signal(SIGPIPE, SIG_IGN);
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(argv[1]) >= sizeof addr.sun_path) return RUN_DIRECTLY;
  strcpy(addr.sun_path, argv[1]);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  if (sock < 0) return RUN_DIRECTLY;
  if (connect(sock, (struct sockaddr *)&addr, sizeof addr) != 0) {
    /* Nobody listens: a server that died without removing its socket; remove it so that the
       launcher starts a new one. */
    if (errno == ECONNREFUSED) unlink(argv[1]);
    return RUN_DIRECTLY;
  }
  struct buf request = {0};
  if (encode_request(&request, argc, argv) ||
      write_frame(sock, REQUEST, request.p, request.n)) {
    return RUN_DIRECTLY;
  }
  free(request.p);

  int printed = 0;
  size_t cap = 64 * 1024;
  unsigned char *payload = malloc(cap);
  if (!payload) return RUN_DIRECTLY;
  for (;;) {
    unsigned char head[5];
    int r = read_all(sock, head, 5);
    if (r <= 0) break;
    uint32_t len = (uint32_t)head[1] << 24 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 8 | head[4];
    if (len > MAX_FRAME) break;
    if (len > cap) {
      unsigned char *p = realloc(payload, len);
      if (!p) break;
      payload = p;
      cap = len;
    }
    if (len > 0 && read_all(sock, payload, len) != 1) break;
    switch (head[0]) {
      case OUT:
      case ERR:
        printed = 1;
        (void)write_all(head[0] == OUT ? 1 : 2, payload, len); /* errors ignored, as a JVM's */
        break;
      case NEED_STDIN: {
        static int fd = -1; /* the socket, for the one pump thread */
        if (fd < 0) {
          pthread_t t;
          fd = sock;
          if (pthread_create(&t, NULL, pump_stdin, &fd) == 0) pthread_detach(t);
        }
        break;
      }
      case EXIT:
        if (len != 4) goto ended;
        return (int)((uint32_t)payload[0] << 24 | (uint32_t)payload[1] << 16 |
                     (uint32_t)payload[2] << 8 | payload[3]);
      default:
        goto ended;
    }
  }
ended:
  if (!printed) return RUN_DIRECTLY;
  fputs("stowage: the Stowage server ended the run early\n", stderr);
  return 3;
}
