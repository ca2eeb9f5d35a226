/*
 * Optional native kernels, built by scripts/build-native.mjs where a compiler is present (x86-64). Every
 * function is registered only when this CPU has what it needs; the engine falls back per function.
 */
#include "kernels.h"

static napi_value Init(napi_env env, napi_value exports) {
  __builtin_cpu_init();
  register_crc32c(env, exports);
  register_f32_scan(env, exports);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
