import $protobuf from 'protobufjs/minimal.js'

// protobufjs decodes int64 as Long objects whenever `long` is installed (it is a hard dependency), even with
// --force-number. Dropping Long makes int64 offsets/sizes plain numbers (exact up to 2^53). The generated module
// does this too; repeating it here keeps the guarantee if the generated file is ever regenerated without it.
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long
$protobuf.configure()

