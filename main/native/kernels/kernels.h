/* The native kernels of Checkpoint Explorer: each file registers its functions on the module's exports. */
#ifndef CKPT_KERNELS_H
#define CKPT_KERNELS_H
#include <node_api.h>

void register_crc32c(napi_env env, napi_value exports);
void register_f32_scan(napi_env env, napi_value exports);

#endif
