/*
 * CRC-32C with the x86-64 crc32 instruction, three streams at once: the instruction has a latency of three
 * cycles and a throughput of one, so one stream uses a third of it. Each round checksums three adjacent lanes
 * independently and joins them with a precomputed "append LANE zero bytes" operator (CRC updates are linear).
 * main/engine/format/crc32c.ts falls back to @node-rs/crc32 wherever this module is missing.
 */
#include "kernels.h"
#include <nmmintrin.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define LANE 4096

/* shift_table[k][b]: the raw register after LANE zero bytes, starting from byte b at position k */
static uint32_t shift_table[4][256];

static uint32_t shift(uint32_t x) {
  return shift_table[0][x & 255] ^ shift_table[1][(x >> 8) & 255] ^ shift_table[2][(x >> 16) & 255] ^ shift_table[3][x >> 24];
}

static void init_tables(void) {
  uint32_t basis[32];
  for (int i = 0; i < 32; i++) {
    uint64_t r = 1u << i;
    for (int j = 0; j < LANE / 8; j++) r = _mm_crc32_u64(r, 0);
    basis[i] = (uint32_t)r;
  }
  for (int k = 0; k < 4; k++)
    for (int b = 0; b < 256; b++) {
      uint32_t v = 0;
      for (int i = 0; i < 8; i++)
        if ((b >> i) & 1) v ^= basis[8 * k + i];
      shift_table[k][b] = v;
    }
}

static uint32_t crc32c(uint32_t crc, const uint8_t *p, size_t n) {
  uint64_t x = ~crc;
  while (n >= 3 * LANE) {
    uint64_t a = x, b = 0, c = 0;
    for (size_t i = 0; i < LANE; i += 8) {
      uint64_t u, v, w;
      memcpy(&u, p + i, 8);
      memcpy(&v, p + LANE + i, 8);
      memcpy(&w, p + 2 * LANE + i, 8);
      a = _mm_crc32_u64(a, u);
      b = _mm_crc32_u64(b, v);
      c = _mm_crc32_u64(c, w);
    }
    x = shift(shift((uint32_t)a) ^ (uint32_t)b) ^ (uint32_t)c;
    p += 3 * LANE;
    n -= 3 * LANE;
  }
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t u;
    memcpy(&u, p, 8);
    x = _mm_crc32_u64(x, u);
  }
  for (; n > 0; p++, n--) x = _mm_crc32_u8((uint32_t)x, *p);
  return ~(uint32_t)x;
}

/* crc32c(data: Uint8Array, previous = 0): number (the CRC of previous's data followed by data) */
static napi_value Crc32c(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  bool is_typed = false;
  if (argc < 1 || napi_is_typedarray(env, argv[0], &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL) != napi_ok || type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, "crc32c: data must be a Uint8Array");
    return NULL;
  }
  uint32_t previous = 0;
  if (argc > 1 && napi_get_value_uint32(env, argv[1], &previous) != napi_ok) {
    napi_throw_type_error(env, NULL, "crc32c: previous must be a number");
    return NULL;
  }
  napi_value out;
  napi_create_uint32(env, crc32c(previous, (const uint8_t *)data, length), &out);
  return out;
}

void register_crc32c(napi_env env, napi_value exports) {
  if (!__builtin_cpu_supports("sse4.2")) return; /* no crc32c export: the caller falls back */
  init_tables();
  napi_value fn;
  napi_create_function(env, "crc32c", NAPI_AUTO_LENGTH, Crc32c, NULL, &fn);
  napi_set_named_property(env, exports, "crc32c", fn);
}
