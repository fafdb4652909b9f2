/*
 * native.h — readmode as a browser native-messaging host
 * (host name org.readmode.host).
 *
 * Frames in both directions are a 32-bit length in native byte order and
 * that many bytes of UTF-8 JSON. One process answers requests until stdin
 * closes. The protocol (request types, replies, error codes, chunking of
 * replies over 1 000 000 bytes) is documented in README.md, "The protocol".
 */
#ifndef RM_NATIVE_H
#define RM_NATIVE_H

#include <stdbool.h>
#include <stddef.h>

#define NATIVE_HOST_NAME "org.readmode.host"
#define NATIVE_PROTOCOL_VERSION 1
/* Browsers drop host messages over 1 048 576 bytes; replies longer than
 * this many bytes of JSON are sent as chunks. */
#define NATIVE_MAX_FRAME 1000000u
/* Default bound on an incoming frame (Chrome's own limit is 64 MiB). */
#define NATIVE_DEFAULT_MAX_MESSAGE (64u << 20)

/* True when the arguments ask for host mode: a Chrome-family origin
 * ("chrome-extension://ID/"), Firefox's pair (absolute manifest path
 * ending in .json, add-on id), or an explicit --native. */
bool native_should_serve(int argc, char **argv);

/* Serve requests from stdin until EOF. Options (with --native):
 * --max-message BYTES, --library DIR. Returns the exit status: 0 at EOF or
 * when the browser closes the channel, 1 on a truncated frame or an I/O
 * error, 2 on bad options. */
int native_main(int argc, char **argv);

/* The host's loop on any pair of descriptors (the fuzzer feeds it a memory
 * file): answer frames from `in_fd` on `out_fd` until EOF, with frames
 * over `max_message` bytes refused and `library` (NULL: the configured
 * one) as the save folder. Returns the exit status native_main would. */
int native_serve(int in_fd, int out_fd, size_t max_message, const char *library);

#endif
