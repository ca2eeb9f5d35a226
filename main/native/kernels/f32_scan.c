/*
 * The float32 statistics loop of assembly/f32-kernel.ts (scan), in C with AVX2: eight values per step and
 * memory-destination counter increments, about twice the WebAssembly kernel's speed. It works on that kernel's
 * own linear memory (the ArrayBuffer behind it) and fixed addresses, so f32-simd.ts can call either one and
 * drain the same counter banks. Registered only on CPUs with AVX2.
 */
#include "kernels.h"
#include <immintrin.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* fixed addresses shared with assembly/f32-kernel.ts and f32-simd.ts */
#define BANKS 0x10000u
#define BANK_WORDS 65536u
#define RESULT 0x110000u
#define RESULT_SLOTS 10u

typedef struct {
  double s1, s2;
  float lo, hi, lo_abs;
  int32_t finite, nan, pos_inf, neg_inf, zeros;
} slow_state;

static inline uint32_t key_at(const uint8_t *p) {
  uint16_t k;
  memcpy(&k, p + 2, 2); /* the top half of a little-endian float32 */
  return k;
}

/* One value the vector test set aside (zero, subnormal, NaN, ±Inf), as the WebAssembly kernel treats it. */
static inline void slow_element(uint32_t *bank0, const uint8_t *p, double pivot, slow_state *st) {
  uint32_t b;
  memcpy(&b, p, 4);
  if ((b & 0x7f800000u) == 0x7f800000u) {
    if (b & 0x007fffffu) st->nan++;
    else if (b >> 31) st->neg_inf++;
    else st->pos_inf++;
    return;
  }
  if ((b & 0x7fffffffu) == 0) st->zeros++;
  float x;
  memcpy(&x, &b, 4);
  double d = (double)x - pivot;
  st->s1 += d;
  st->s2 += d * d;
  if (x < st->lo) st->lo = x;
  if (x > st->hi) st->hi = x;
  if (fabsf(x) < st->lo_abs) st->lo_abs = fabsf(x);
  bank0[b >> 16]++;
  st->finite++;
}

__attribute__((target("avx2"))) static void scan_avx2(uint8_t *mem, uint32_t ptr, int32_t n, double pivot) {
  slow_state st = {0, 0, INFINITY, -INFINITY, INFINITY, 0, 0, 0, 0, 0};
  uint32_t *bank0 = (uint32_t *)(mem + BANKS), *bank1 = bank0 + BANK_WORDS, *bank2 = bank1 + BANK_WORDS, *bank3 = bank2 + BANK_WORDS;
  const uint8_t *base = mem + ptr;
  const __m256i exp_mask = _mm256_set1_epi32(0x7f800000), one = _mm256_set1_epi32(0x00800000), top = _mm256_set1_epi32(0x7f000000);
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
  const __m256d pv = _mm256_set1_pd(pivot);
  __m256d a0 = _mm256_setzero_pd(), a1 = a0, q0 = a0, q1 = a0;
  __m256 mn = _mm256_set1_ps(INFINITY), mx = _mm256_set1_ps(-INFINITY), am = mn;
  int64_t fast = 0;
  int32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint8_t *p = base + 4 * (size_t)i;
    __m256 v = _mm256_loadu_ps((const float *)p);
    /* exponent field 0 or 255 in any lane: the eight go one by one */
    __m256i t = _mm256_and_si256(_mm256_add_epi32(_mm256_and_si256(_mm256_castps_si256(v), exp_mask), one), top);
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(t, _mm256_setzero_si256()))) {
      for (int j = 0; j < 8; j++) slow_element(bank0, p + 4 * j, pivot, &st);
      continue;
    }
    __m256d lo = _mm256_sub_pd(_mm256_cvtps_pd(_mm256_castps256_ps128(v)), pv);
    __m256d hi = _mm256_sub_pd(_mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)), pv);
    a0 = _mm256_add_pd(a0, lo);
    a1 = _mm256_add_pd(a1, hi);
    q0 = _mm256_add_pd(q0, _mm256_mul_pd(lo, lo));
    q1 = _mm256_add_pd(q1, _mm256_mul_pd(hi, hi));
    mn = _mm256_min_ps(mn, v);
    mx = _mm256_max_ps(mx, v);
    am = _mm256_min_ps(am, _mm256_and_ps(v, abs_mask));
    bank0[key_at(p)]++;
    bank1[key_at(p + 4)]++;
    bank2[key_at(p + 8)]++;
    bank3[key_at(p + 12)]++;
    bank0[key_at(p + 16)]++;
    bank1[key_at(p + 20)]++;
    bank2[key_at(p + 24)]++;
    bank3[key_at(p + 28)]++;
    fast += 8;
  }
  for (; i < n; i++) slow_element(bank0, base + 4 * (size_t)i, pivot, &st);
  double s[4], q[4];
  float lo8[8], hi8[8], ab8[8];
  _mm256_storeu_pd(s, _mm256_add_pd(a0, a1));
  _mm256_storeu_pd(q, _mm256_add_pd(q0, q1));
  _mm256_storeu_ps(lo8, mn);
  _mm256_storeu_ps(hi8, mx);
  _mm256_storeu_ps(ab8, am);
  float lo = st.lo, hi = st.hi, lo_abs = st.lo_abs;
  for (int j = 0; j < 8; j++) {
    if (lo8[j] < lo) lo = lo8[j];
    if (hi8[j] > hi) hi = hi8[j];
    if (ab8[j] < lo_abs) lo_abs = ab8[j];
  }
  double out[RESULT_SLOTS] = {s[0] + s[1] + s[2] + s[3] + st.s1, q[0] + q[1] + q[2] + q[3] + st.s2, (double)(fast + st.finite), lo, hi,
                              st.nan, st.pos_inf, st.neg_inf, st.zeros, lo_abs};
  memcpy(mem + RESULT, out, sizeof out);
}

/* f32Scan(memory: ArrayBuffer, ptr: number, n: number, pivot: number): the kernel's scan() on that memory */
static napi_value F32Scan(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  bool is_buffer = false;
  void *data = NULL;
  size_t length = 0;
  uint32_t ptr = 0;
  int32_t n = 0;
  double pivot = 0;
  if (argc < 4 || napi_is_arraybuffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer ||
      napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok || napi_get_value_uint32(env, argv[1], &ptr) != napi_ok ||
      napi_get_value_int32(env, argv[2], &n) != napi_ok || napi_get_value_double(env, argv[3], &pivot) != napi_ok) {
    napi_throw_type_error(env, NULL, "f32Scan(memory, ptr, n, pivot): wrong arguments");
    return NULL;
  }
  /* never touch memory outside the buffer: the banks, the result block and the values must all lie inside */
  if (n < 0 || length < RESULT + 8 * RESULT_SLOTS || length < BANKS + 16 * (size_t)BANK_WORDS || (size_t)ptr + 4 * (size_t)n > length) {
    napi_throw_range_error(env, NULL, "f32Scan: range outside the kernel memory");
    return NULL;
  }
  scan_avx2((uint8_t *)data, ptr, n, pivot);
  return NULL;
}

void register_f32_scan(napi_env env, napi_value exports) {
  if (!__builtin_cpu_supports("avx2")) return;
  napi_value fn;
  napi_create_function(env, "f32Scan", NAPI_AUTO_LENGTH, F32Scan, NULL, &fn);
  napi_set_named_property(env, exports, "f32Scan", fn);
}
