{
  "targets": [
    {
      "target_name": "crc32c_hw",
      "sources": ["crc32c_hw.c"],
      "cflags": ["-O2", "-msse4.2"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O2", "-msse4.2"] }
    }
  ]
}
