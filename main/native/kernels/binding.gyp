{
  "targets": [
    {
      "target_name": "ckpt_kernels",
      "sources": ["module.c", "crc32c.c", "f32_scan.c"],
      "cflags": ["-O2", "-msse4.2"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O2", "-msse4.2"] }
    }
  ]
}
