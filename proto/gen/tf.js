/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// int64 fields decode as JS numbers (exact up to 2^53), not Long objects.
$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorflow = $root.tensorflow = (() => {

    /**
     * Namespace tensorflow.
     * @exports tensorflow
     * @namespace
     */
    const tensorflow = {};

    tensorflow.CheckpointState = (function() {

        /**
         * Properties of a CheckpointState.
         * @typedef {Object} tensorflow.CheckpointState.$Properties
         * @property {string|null} [modelCheckpointPath] CheckpointState modelCheckpointPath
         * @property {Array.<string>|null} [allModelCheckpointPaths] CheckpointState allModelCheckpointPaths
         * @property {Array.<number>|null} [allModelCheckpointTimestamps] CheckpointState allModelCheckpointTimestamps
         * @property {number|null} [lastPreservedTimestamp] CheckpointState lastPreservedTimestamp
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CheckpointState.
         * @memberof tensorflow
         * @interface ICheckpointState
         * @augments tensorflow.CheckpointState.$Properties
         * @deprecated Use tensorflow.CheckpointState.$Properties instead.
         */

        /**
         * Shape of a CheckpointState.
         * @typedef {tensorflow.CheckpointState.$Properties} tensorflow.CheckpointState.$Shape
         */

        /**
         * Constructs a new CheckpointState.
         * @memberof tensorflow
         * @classdesc Represents a CheckpointState.
         * @constructor
         * @param {tensorflow.CheckpointState.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CheckpointState = function (properties) {
            this.allModelCheckpointPaths = [];
            this.allModelCheckpointTimestamps = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CheckpointState modelCheckpointPath.
         * @member {string} modelCheckpointPath
         * @memberof tensorflow.CheckpointState
         * @instance
         */
        CheckpointState.prototype.modelCheckpointPath = "";

        /**
         * CheckpointState allModelCheckpointPaths.
         * @member {Array.<string>} allModelCheckpointPaths
         * @memberof tensorflow.CheckpointState
         * @instance
         */
        CheckpointState.prototype.allModelCheckpointPaths = $util.emptyArray;

        /**
         * CheckpointState allModelCheckpointTimestamps.
         * @member {Array.<number>} allModelCheckpointTimestamps
         * @memberof tensorflow.CheckpointState
         * @instance
         */
        CheckpointState.prototype.allModelCheckpointTimestamps = $util.emptyArray;

        /**
         * CheckpointState lastPreservedTimestamp.
         * @member {number} lastPreservedTimestamp
         * @memberof tensorflow.CheckpointState
         * @instance
         */
        CheckpointState.prototype.lastPreservedTimestamp = 0;

        /**
         * Creates a new CheckpointState instance using the specified properties.
         * @function create
         * @memberof tensorflow.CheckpointState
         * @static
         * @param {tensorflow.CheckpointState.$Properties=} [properties] Properties to set
         * @returns {tensorflow.CheckpointState} CheckpointState instance
         * @type {{
         *   (properties: tensorflow.CheckpointState.$Shape): tensorflow.CheckpointState & tensorflow.CheckpointState.$Shape;
         *   (properties?: tensorflow.CheckpointState.$Properties): tensorflow.CheckpointState;
         * }}
         */
        CheckpointState.create = function(properties) {
            return new CheckpointState(properties);
        };

        /**
         * Encodes the specified CheckpointState message. Does not implicitly {@link tensorflow.CheckpointState.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.CheckpointState
         * @static
         * @param {tensorflow.CheckpointState.$Properties} message CheckpointState message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CheckpointState.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.modelCheckpointPath != null && $Object.hasOwnProperty.call(message, "modelCheckpointPath") && message.modelCheckpointPath !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.modelCheckpointPath);
            if (message.allModelCheckpointPaths != null && message.allModelCheckpointPaths.length)
                for (let i = 0; i < message.allModelCheckpointPaths.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.allModelCheckpointPaths[i]);
            if (message.allModelCheckpointTimestamps != null && message.allModelCheckpointTimestamps.length)
                writer.uint32(/* id 3, wireType 2 =*/26).doubles(message.allModelCheckpointTimestamps);
            if (message.lastPreservedTimestamp != null && $Object.hasOwnProperty.call(message, "lastPreservedTimestamp") && !$Object.is(message.lastPreservedTimestamp, 0))
                writer.uint32(/* id 4, wireType 1 =*/33).double(message.lastPreservedTimestamp);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CheckpointState message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.CheckpointState
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.CheckpointState & tensorflow.CheckpointState.$Shape} CheckpointState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CheckpointState.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.CheckpointState();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.modelCheckpointPath = value;
                        else
                            delete message.modelCheckpointPath;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.allModelCheckpointPaths && message.allModelCheckpointPaths.length))
                            message.allModelCheckpointPaths = [];
                        message.allModelCheckpointPaths.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType === 2) {
                            if (!(message.allModelCheckpointTimestamps && message.allModelCheckpointTimestamps.length))
                                message.allModelCheckpointTimestamps = [];
                            reader.doubles(message.allModelCheckpointTimestamps);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.allModelCheckpointTimestamps && message.allModelCheckpointTimestamps.length))
                            message.allModelCheckpointTimestamps = [];
                        message.allModelCheckpointTimestamps.push(reader.double());
                        continue;
                    }
                case 4: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.lastPreservedTimestamp = value;
                        else
                            delete message.lastPreservedTimestamp;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CheckpointState;
    })();

    tensorflow.MetaGraphDef = (function() {

        /**
         * Properties of a MetaGraphDef.
         * @typedef {Object} tensorflow.MetaGraphDef.$Properties
         * @property {tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null} [metaInfoDef] MetaGraphDef metaInfoDef
         * @property {Uint8Array|null} [graphDef] MetaGraphDef graphDef
         * @property {Uint8Array|null} [saverDef] MetaGraphDef saverDef
         * @property {Object.<string,Uint8Array>|null} [collectionDef] MetaGraphDef collectionDef
         * @property {Object.<string,tensorflow.SignatureDef.$Properties>|null} [signatureDef] MetaGraphDef signatureDef
         * @property {Array.<tensorflow.AssetFileDef.$Properties>|null} [assetFileDef] MetaGraphDef assetFileDef
         * @property {tensorflow.SavedObjectGraph.$Properties|null} [objectGraphDef] MetaGraphDef objectGraphDef
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MetaGraphDef.
         * @memberof tensorflow
         * @interface IMetaGraphDef
         * @augments tensorflow.MetaGraphDef.$Properties
         * @deprecated Use tensorflow.MetaGraphDef.$Properties instead.
         */

        /**
         * Shape of a MetaGraphDef.
         * @typedef {{
         *   metaInfoDef?: tensorflow.MetaGraphDef.MetaInfoDef.$Shape|null;
         *   graphDef?: Uint8Array|null;
         *   saverDef?: Uint8Array|null;
         *   collectionDef?: Object.<string,Uint8Array>|null;
         *   signatureDef?: Object.<string,tensorflow.SignatureDef.$Shape>|null;
         *   assetFileDef?: Array.<tensorflow.AssetFileDef.$Shape>|null;
         *   objectGraphDef?: tensorflow.SavedObjectGraph.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.MetaGraphDef.$Shape
         */

        /**
         * Constructs a new MetaGraphDef.
         * @memberof tensorflow
         * @classdesc Represents a MetaGraphDef.
         * @constructor
         * @param {tensorflow.MetaGraphDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MetaGraphDef = function (properties) {
            this.collectionDef = {};
            this.signatureDef = {};
            this.assetFileDef = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MetaGraphDef metaInfoDef.
         * @member {tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null|undefined} metaInfoDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.metaInfoDef = null;

        /**
         * MetaGraphDef graphDef.
         * @member {Uint8Array} graphDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.graphDef = $util.newBuffer([]);

        /**
         * MetaGraphDef saverDef.
         * @member {Uint8Array} saverDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.saverDef = $util.newBuffer([]);

        /**
         * MetaGraphDef collectionDef.
         * @member {Object.<string,Uint8Array>} collectionDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.collectionDef = $util.emptyObject;

        /**
         * MetaGraphDef signatureDef.
         * @member {Object.<string,tensorflow.SignatureDef.$Properties>} signatureDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.signatureDef = $util.emptyObject;

        /**
         * MetaGraphDef assetFileDef.
         * @member {Array.<tensorflow.AssetFileDef.$Properties>} assetFileDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.assetFileDef = $util.emptyArray;

        /**
         * MetaGraphDef objectGraphDef.
         * @member {tensorflow.SavedObjectGraph.$Properties|null|undefined} objectGraphDef
         * @memberof tensorflow.MetaGraphDef
         * @instance
         */
        MetaGraphDef.prototype.objectGraphDef = null;

        /**
         * Creates a new MetaGraphDef instance using the specified properties.
         * @function create
         * @memberof tensorflow.MetaGraphDef
         * @static
         * @param {tensorflow.MetaGraphDef.$Properties=} [properties] Properties to set
         * @returns {tensorflow.MetaGraphDef} MetaGraphDef instance
         * @type {{
         *   (properties: tensorflow.MetaGraphDef.$Shape): tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape;
         *   (properties?: tensorflow.MetaGraphDef.$Properties): tensorflow.MetaGraphDef;
         * }}
         */
        MetaGraphDef.create = function(properties) {
            return new MetaGraphDef(properties);
        };

        /**
         * Encodes the specified MetaGraphDef message. Does not implicitly {@link tensorflow.MetaGraphDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.MetaGraphDef
         * @static
         * @param {tensorflow.MetaGraphDef.$Properties} message MetaGraphDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MetaGraphDef.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.metaInfoDef != null && $Object.hasOwnProperty.call(message, "metaInfoDef"))
                $root.tensorflow.MetaGraphDef.MetaInfoDef.encode(message.metaInfoDef, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.graphDef != null && $Object.hasOwnProperty.call(message, "graphDef") && message.graphDef.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.graphDef);
            if (message.saverDef != null && $Object.hasOwnProperty.call(message, "saverDef") && message.saverDef.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.saverDef);
            if (message.collectionDef != null && $Object.hasOwnProperty.call(message, "collectionDef"))
                for (let keys = $Object.keys(message.collectionDef), i = 0; i < keys.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).bytes(message.collectionDef[keys[i]]).ldelim();
            if (message.signatureDef != null && $Object.hasOwnProperty.call(message, "signatureDef"))
                for (let keys = $Object.keys(message.signatureDef), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.SignatureDef.encode(message.signatureDef[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim().ldelim();
                }
            if (message.assetFileDef != null && message.assetFileDef.length)
                for (let i = 0; i < message.assetFileDef.length; ++i)
                    $root.tensorflow.AssetFileDef.encode(message.assetFileDef[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.objectGraphDef != null && $Object.hasOwnProperty.call(message, "objectGraphDef"))
                $root.tensorflow.SavedObjectGraph.encode(message.objectGraphDef, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MetaGraphDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.MetaGraphDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape} MetaGraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MetaGraphDef.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, key, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.MetaGraphDef();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.metaInfoDef = $root.tensorflow.MetaGraphDef.MetaInfoDef.decode(reader, reader.size(), $undefined, _depth + 1, message.metaInfoDef);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.graphDef = value;
                        else
                            delete message.graphDef;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.saverDef = value;
                        else
                            delete message.saverDef;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (message.collectionDef === $util.emptyObject)
                            message.collectionDef = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = [];
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = reader.bytes();
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.collectionDef, key);
                        message.collectionDef[key] = value;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (message.signatureDef === $util.emptyObject)
                            message.signatureDef = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = $root.tensorflow.SignatureDef.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.signatureDef, key);
                        message.signatureDef[key] = value || new $root.tensorflow.SignatureDef();
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.assetFileDef && message.assetFileDef.length))
                            message.assetFileDef = [];
                        message.assetFileDef.push($root.tensorflow.AssetFileDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.objectGraphDef = $root.tensorflow.SavedObjectGraph.decode(reader, reader.size(), $undefined, _depth + 1, message.objectGraphDef);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        MetaGraphDef.MetaInfoDef = (function() {

            /**
             * Properties of a MetaInfoDef.
             * @typedef {Object} tensorflow.MetaGraphDef.MetaInfoDef.$Properties
             * @property {string|null} [metaGraphVersion] MetaInfoDef metaGraphVersion
             * @property {Uint8Array|null} [strippedOpList] MetaInfoDef strippedOpList
             * @property {Uint8Array|null} [anyInfo] MetaInfoDef anyInfo
             * @property {Array.<string>|null} [tags] MetaInfoDef tags
             * @property {string|null} [tensorflowVersion] MetaInfoDef tensorflowVersion
             * @property {string|null} [tensorflowGitVersion] MetaInfoDef tensorflowGitVersion
             * @property {boolean|null} [strippedDefaultAttrs] MetaInfoDef strippedDefaultAttrs
             * @property {Object.<string,string>|null} [functionAliases] MetaInfoDef functionAliases
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MetaInfoDef.
             * @memberof tensorflow.MetaGraphDef
             * @interface IMetaInfoDef
             * @augments tensorflow.MetaGraphDef.MetaInfoDef.$Properties
             * @deprecated Use tensorflow.MetaGraphDef.MetaInfoDef.$Properties instead.
             */

            /**
             * Shape of a MetaInfoDef.
             * @typedef {tensorflow.MetaGraphDef.MetaInfoDef.$Properties} tensorflow.MetaGraphDef.MetaInfoDef.$Shape
             */

            /**
             * Constructs a new MetaInfoDef.
             * @memberof tensorflow.MetaGraphDef
             * @classdesc Represents a MetaInfoDef.
             * @constructor
             * @param {tensorflow.MetaGraphDef.MetaInfoDef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MetaInfoDef = function (properties) {
                this.tags = [];
                this.functionAliases = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MetaInfoDef metaGraphVersion.
             * @member {string} metaGraphVersion
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.metaGraphVersion = "";

            /**
             * MetaInfoDef strippedOpList.
             * @member {Uint8Array} strippedOpList
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.strippedOpList = $util.newBuffer([]);

            /**
             * MetaInfoDef anyInfo.
             * @member {Uint8Array} anyInfo
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.anyInfo = $util.newBuffer([]);

            /**
             * MetaInfoDef tags.
             * @member {Array.<string>} tags
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tags = $util.emptyArray;

            /**
             * MetaInfoDef tensorflowVersion.
             * @member {string} tensorflowVersion
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tensorflowVersion = "";

            /**
             * MetaInfoDef tensorflowGitVersion.
             * @member {string} tensorflowGitVersion
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.tensorflowGitVersion = "";

            /**
             * MetaInfoDef strippedDefaultAttrs.
             * @member {boolean} strippedDefaultAttrs
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.strippedDefaultAttrs = false;

            /**
             * MetaInfoDef functionAliases.
             * @member {Object.<string,string>} functionAliases
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @instance
             */
            MetaInfoDef.prototype.functionAliases = $util.emptyObject;

            /**
             * Creates a new MetaInfoDef instance using the specified properties.
             * @function create
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @static
             * @param {tensorflow.MetaGraphDef.MetaInfoDef.$Properties=} [properties] Properties to set
             * @returns {tensorflow.MetaGraphDef.MetaInfoDef} MetaInfoDef instance
             * @type {{
             *   (properties: tensorflow.MetaGraphDef.MetaInfoDef.$Shape): tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape;
             *   (properties?: tensorflow.MetaGraphDef.MetaInfoDef.$Properties): tensorflow.MetaGraphDef.MetaInfoDef;
             * }}
             */
            MetaInfoDef.create = function(properties) {
                return new MetaInfoDef(properties);
            };

            /**
             * Encodes the specified MetaInfoDef message. Does not implicitly {@link tensorflow.MetaGraphDef.MetaInfoDef.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @static
             * @param {tensorflow.MetaGraphDef.MetaInfoDef.$Properties} message MetaInfoDef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MetaInfoDef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.metaGraphVersion != null && $Object.hasOwnProperty.call(message, "metaGraphVersion") && message.metaGraphVersion !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.metaGraphVersion);
                if (message.strippedOpList != null && $Object.hasOwnProperty.call(message, "strippedOpList") && message.strippedOpList.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.strippedOpList);
                if (message.anyInfo != null && $Object.hasOwnProperty.call(message, "anyInfo") && message.anyInfo.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.anyInfo);
                if (message.tags != null && message.tags.length)
                    for (let i = 0; i < message.tags.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.tags[i]);
                if (message.tensorflowVersion != null && $Object.hasOwnProperty.call(message, "tensorflowVersion") && message.tensorflowVersion !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.tensorflowVersion);
                if (message.tensorflowGitVersion != null && $Object.hasOwnProperty.call(message, "tensorflowGitVersion") && message.tensorflowGitVersion !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.tensorflowGitVersion);
                if (message.strippedDefaultAttrs != null && $Object.hasOwnProperty.call(message, "strippedDefaultAttrs") && message.strippedDefaultAttrs !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.strippedDefaultAttrs);
                if (message.functionAliases != null && $Object.hasOwnProperty.call(message, "functionAliases"))
                    for (let keys = $Object.keys(message.functionAliases), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.functionAliases[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MetaInfoDef message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.MetaGraphDef.MetaInfoDef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape} MetaInfoDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MetaInfoDef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.MetaGraphDef.MetaInfoDef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.metaGraphVersion = value;
                            else
                                delete message.metaGraphVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.strippedOpList = value;
                            else
                                delete message.strippedOpList;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.anyInfo = value;
                            else
                                delete message.anyInfo;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tags && message.tags.length))
                                message.tags = [];
                            message.tags.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tensorflowVersion = value;
                            else
                                delete message.tensorflowVersion;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tensorflowGitVersion = value;
                            else
                                delete message.tensorflowGitVersion;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.strippedDefaultAttrs = value;
                            else
                                delete message.strippedDefaultAttrs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (message.functionAliases === $util.emptyObject)
                                message.functionAliases = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.functionAliases, key);
                            message.functionAliases[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return MetaInfoDef;
        })();

        return MetaGraphDef;
    })();

    tensorflow.TensorInfo = (function() {

        /**
         * Properties of a TensorInfo.
         * @typedef {Object} tensorflow.TensorInfo.$Properties
         * @property {string|null} [name] TensorInfo name
         * @property {tensorflow.TensorInfo.CooSparse.$Properties|null} [cooSparse] TensorInfo cooSparse
         * @property {tensorflow.TensorInfo.CompositeTensor.$Properties|null} [compositeTensor] TensorInfo compositeTensor
         * @property {tensorflow.DataType|null} [dtype] TensorInfo dtype
         * @property {tensorflow.TensorShapeProto.$Properties|null} [tensorShape] TensorInfo tensorShape
         * @property {"name"|"cooSparse"|"compositeTensor"} [encoding] TensorInfo encoding
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorInfo.
         * @memberof tensorflow
         * @interface ITensorInfo
         * @augments tensorflow.TensorInfo.$Properties
         * @deprecated Use tensorflow.TensorInfo.$Properties instead.
         */

        /**
         * Narrowed shape of a TensorInfo.
         * @typedef {{
         *   name?: string|null;
         *   cooSparse?: tensorflow.TensorInfo.CooSparse.$Shape|null;
         *   compositeTensor?: tensorflow.TensorInfo.CompositeTensor.$Shape|null;
         *   dtype?: tensorflow.DataType|null;
         *   tensorShape?: tensorflow.TensorShapeProto.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ encoding?: undefined; name?: null; cooSparse?: null; compositeTensor?: null }|{ encoding?: "name"; name: string; cooSparse?: null; compositeTensor?: null }|{ encoding?: "cooSparse"; name?: null; cooSparse: tensorflow.TensorInfo.CooSparse.$Shape; compositeTensor?: null }|{ encoding?: "compositeTensor"; name?: null; cooSparse?: null; compositeTensor: tensorflow.TensorInfo.CompositeTensor.$Shape })
         * )} tensorflow.TensorInfo.$Shape
         */

        /**
         * Constructs a new TensorInfo.
         * @memberof tensorflow
         * @classdesc Represents a TensorInfo.
         * @constructor
         * @param {tensorflow.TensorInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorInfo name.
         * @member {string|null|undefined} name
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        TensorInfo.prototype.name = null;

        /**
         * TensorInfo cooSparse.
         * @member {tensorflow.TensorInfo.CooSparse.$Properties|null|undefined} cooSparse
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        TensorInfo.prototype.cooSparse = null;

        /**
         * TensorInfo compositeTensor.
         * @member {tensorflow.TensorInfo.CompositeTensor.$Properties|null|undefined} compositeTensor
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        TensorInfo.prototype.compositeTensor = null;

        /**
         * TensorInfo dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        TensorInfo.prototype.dtype = 0;

        /**
         * TensorInfo tensorShape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} tensorShape
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        TensorInfo.prototype.tensorShape = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * TensorInfo encoding.
         * @member {"name"|"cooSparse"|"compositeTensor"|undefined} encoding
         * @memberof tensorflow.TensorInfo
         * @instance
         */
        $Object.defineProperty(TensorInfo.prototype, "encoding", {
            get: $util.oneOfGetter($oneOfFields = ["name", "cooSparse", "compositeTensor"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new TensorInfo instance using the specified properties.
         * @function create
         * @memberof tensorflow.TensorInfo
         * @static
         * @param {tensorflow.TensorInfo.$Properties=} [properties] Properties to set
         * @returns {tensorflow.TensorInfo} TensorInfo instance
         * @type {{
         *   (properties: tensorflow.TensorInfo.$Shape): tensorflow.TensorInfo & tensorflow.TensorInfo.$Shape;
         *   (properties?: tensorflow.TensorInfo.$Properties): tensorflow.TensorInfo;
         * }}
         */
        TensorInfo.create = function(properties) {
            return new TensorInfo(properties);
        };

        /**
         * Encodes the specified TensorInfo message. Does not implicitly {@link tensorflow.TensorInfo.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorInfo
         * @static
         * @param {tensorflow.TensorInfo.$Properties} message TensorInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.dtype);
            if (message.tensorShape != null && $Object.hasOwnProperty.call(message, "tensorShape"))
                $root.tensorflow.TensorShapeProto.encode(message.tensorShape, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.cooSparse != null && $Object.hasOwnProperty.call(message, "cooSparse"))
                $root.tensorflow.TensorInfo.CooSparse.encode(message.cooSparse, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.compositeTensor != null && $Object.hasOwnProperty.call(message, "compositeTensor"))
                $root.tensorflow.TensorInfo.CompositeTensor.encode(message.compositeTensor, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TensorInfo message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorInfo & tensorflow.TensorInfo.$Shape} TensorInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.TensorInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.name = reader.stringVerify();
                        message.encoding = "name";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.cooSparse = $root.tensorflow.TensorInfo.CooSparse.decode(reader, reader.size(), $undefined, _depth + 1, message.cooSparse);
                        message.encoding = "cooSparse";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.compositeTensor = $root.tensorflow.TensorInfo.CompositeTensor.decode(reader, reader.size(), $undefined, _depth + 1, message.compositeTensor);
                        message.encoding = "compositeTensor";
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.tensorShape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensorShape);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TensorInfo.CooSparse = (function() {

            /**
             * Properties of a CooSparse.
             * @typedef {Object} tensorflow.TensorInfo.CooSparse.$Properties
             * @property {string|null} [valuesTensorName] CooSparse valuesTensorName
             * @property {string|null} [indicesTensorName] CooSparse indicesTensorName
             * @property {string|null} [denseShapeTensorName] CooSparse denseShapeTensorName
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CooSparse.
             * @memberof tensorflow.TensorInfo
             * @interface ICooSparse
             * @augments tensorflow.TensorInfo.CooSparse.$Properties
             * @deprecated Use tensorflow.TensorInfo.CooSparse.$Properties instead.
             */

            /**
             * Shape of a CooSparse.
             * @typedef {tensorflow.TensorInfo.CooSparse.$Properties} tensorflow.TensorInfo.CooSparse.$Shape
             */

            /**
             * Constructs a new CooSparse.
             * @memberof tensorflow.TensorInfo
             * @classdesc Represents a CooSparse.
             * @constructor
             * @param {tensorflow.TensorInfo.CooSparse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CooSparse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CooSparse valuesTensorName.
             * @member {string} valuesTensorName
             * @memberof tensorflow.TensorInfo.CooSparse
             * @instance
             */
            CooSparse.prototype.valuesTensorName = "";

            /**
             * CooSparse indicesTensorName.
             * @member {string} indicesTensorName
             * @memberof tensorflow.TensorInfo.CooSparse
             * @instance
             */
            CooSparse.prototype.indicesTensorName = "";

            /**
             * CooSparse denseShapeTensorName.
             * @member {string} denseShapeTensorName
             * @memberof tensorflow.TensorInfo.CooSparse
             * @instance
             */
            CooSparse.prototype.denseShapeTensorName = "";

            /**
             * Creates a new CooSparse instance using the specified properties.
             * @function create
             * @memberof tensorflow.TensorInfo.CooSparse
             * @static
             * @param {tensorflow.TensorInfo.CooSparse.$Properties=} [properties] Properties to set
             * @returns {tensorflow.TensorInfo.CooSparse} CooSparse instance
             * @type {{
             *   (properties: tensorflow.TensorInfo.CooSparse.$Shape): tensorflow.TensorInfo.CooSparse & tensorflow.TensorInfo.CooSparse.$Shape;
             *   (properties?: tensorflow.TensorInfo.CooSparse.$Properties): tensorflow.TensorInfo.CooSparse;
             * }}
             */
            CooSparse.create = function(properties) {
                return new CooSparse(properties);
            };

            /**
             * Encodes the specified CooSparse message. Does not implicitly {@link tensorflow.TensorInfo.CooSparse.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TensorInfo.CooSparse
             * @static
             * @param {tensorflow.TensorInfo.CooSparse.$Properties} message CooSparse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CooSparse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.valuesTensorName != null && $Object.hasOwnProperty.call(message, "valuesTensorName") && message.valuesTensorName !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.valuesTensorName);
                if (message.indicesTensorName != null && $Object.hasOwnProperty.call(message, "indicesTensorName") && message.indicesTensorName !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.indicesTensorName);
                if (message.denseShapeTensorName != null && $Object.hasOwnProperty.call(message, "denseShapeTensorName") && message.denseShapeTensorName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.denseShapeTensorName);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CooSparse message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorInfo.CooSparse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorInfo.CooSparse & tensorflow.TensorInfo.CooSparse.$Shape} CooSparse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CooSparse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.TensorInfo.CooSparse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.valuesTensorName = value;
                            else
                                delete message.valuesTensorName;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.indicesTensorName = value;
                            else
                                delete message.indicesTensorName;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.denseShapeTensorName = value;
                            else
                                delete message.denseShapeTensorName;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return CooSparse;
        })();

        TensorInfo.CompositeTensor = (function() {

            /**
             * Properties of a CompositeTensor.
             * @typedef {Object} tensorflow.TensorInfo.CompositeTensor.$Properties
             * @property {Uint8Array|null} [typeSpec] CompositeTensor typeSpec
             * @property {Array.<tensorflow.TensorInfo.$Properties>|null} [components] CompositeTensor components
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CompositeTensor.
             * @memberof tensorflow.TensorInfo
             * @interface ICompositeTensor
             * @augments tensorflow.TensorInfo.CompositeTensor.$Properties
             * @deprecated Use tensorflow.TensorInfo.CompositeTensor.$Properties instead.
             */

            /**
             * Shape of a CompositeTensor.
             * @typedef {{
             *   typeSpec?: Uint8Array|null;
             *   components?: Array.<tensorflow.TensorInfo.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} tensorflow.TensorInfo.CompositeTensor.$Shape
             */

            /**
             * Constructs a new CompositeTensor.
             * @memberof tensorflow.TensorInfo
             * @classdesc Represents a CompositeTensor.
             * @constructor
             * @param {tensorflow.TensorInfo.CompositeTensor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CompositeTensor = function (properties) {
                this.components = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CompositeTensor typeSpec.
             * @member {Uint8Array} typeSpec
             * @memberof tensorflow.TensorInfo.CompositeTensor
             * @instance
             */
            CompositeTensor.prototype.typeSpec = $util.newBuffer([]);

            /**
             * CompositeTensor components.
             * @member {Array.<tensorflow.TensorInfo.$Properties>} components
             * @memberof tensorflow.TensorInfo.CompositeTensor
             * @instance
             */
            CompositeTensor.prototype.components = $util.emptyArray;

            /**
             * Creates a new CompositeTensor instance using the specified properties.
             * @function create
             * @memberof tensorflow.TensorInfo.CompositeTensor
             * @static
             * @param {tensorflow.TensorInfo.CompositeTensor.$Properties=} [properties] Properties to set
             * @returns {tensorflow.TensorInfo.CompositeTensor} CompositeTensor instance
             * @type {{
             *   (properties: tensorflow.TensorInfo.CompositeTensor.$Shape): tensorflow.TensorInfo.CompositeTensor & tensorflow.TensorInfo.CompositeTensor.$Shape;
             *   (properties?: tensorflow.TensorInfo.CompositeTensor.$Properties): tensorflow.TensorInfo.CompositeTensor;
             * }}
             */
            CompositeTensor.create = function(properties) {
                return new CompositeTensor(properties);
            };

            /**
             * Encodes the specified CompositeTensor message. Does not implicitly {@link tensorflow.TensorInfo.CompositeTensor.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TensorInfo.CompositeTensor
             * @static
             * @param {tensorflow.TensorInfo.CompositeTensor.$Properties} message CompositeTensor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CompositeTensor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.typeSpec != null && $Object.hasOwnProperty.call(message, "typeSpec") && message.typeSpec.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.typeSpec);
                if (message.components != null && message.components.length)
                    for (let i = 0; i < message.components.length; ++i)
                        $root.tensorflow.TensorInfo.encode(message.components[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CompositeTensor message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorInfo.CompositeTensor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorInfo.CompositeTensor & tensorflow.TensorInfo.CompositeTensor.$Shape} CompositeTensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CompositeTensor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.TensorInfo.CompositeTensor();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.typeSpec = value;
                            else
                                delete message.typeSpec;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.components && message.components.length))
                                message.components = [];
                            message.components.push($root.tensorflow.TensorInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return CompositeTensor;
        })();

        return TensorInfo;
    })();

    tensorflow.SignatureDef = (function() {

        /**
         * Properties of a SignatureDef.
         * @typedef {Object} tensorflow.SignatureDef.$Properties
         * @property {Object.<string,tensorflow.TensorInfo.$Properties>|null} [inputs] SignatureDef inputs
         * @property {Object.<string,tensorflow.TensorInfo.$Properties>|null} [outputs] SignatureDef outputs
         * @property {string|null} [methodName] SignatureDef methodName
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SignatureDef.
         * @memberof tensorflow
         * @interface ISignatureDef
         * @augments tensorflow.SignatureDef.$Properties
         * @deprecated Use tensorflow.SignatureDef.$Properties instead.
         */

        /**
         * Shape of a SignatureDef.
         * @typedef {{
         *   inputs?: Object.<string,tensorflow.TensorInfo.$Shape>|null;
         *   outputs?: Object.<string,tensorflow.TensorInfo.$Shape>|null;
         *   methodName?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SignatureDef.$Shape
         */

        /**
         * Constructs a new SignatureDef.
         * @memberof tensorflow
         * @classdesc Represents a SignatureDef.
         * @constructor
         * @param {tensorflow.SignatureDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SignatureDef = function (properties) {
            this.inputs = {};
            this.outputs = {};
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SignatureDef inputs.
         * @member {Object.<string,tensorflow.TensorInfo.$Properties>} inputs
         * @memberof tensorflow.SignatureDef
         * @instance
         */
        SignatureDef.prototype.inputs = $util.emptyObject;

        /**
         * SignatureDef outputs.
         * @member {Object.<string,tensorflow.TensorInfo.$Properties>} outputs
         * @memberof tensorflow.SignatureDef
         * @instance
         */
        SignatureDef.prototype.outputs = $util.emptyObject;

        /**
         * SignatureDef methodName.
         * @member {string} methodName
         * @memberof tensorflow.SignatureDef
         * @instance
         */
        SignatureDef.prototype.methodName = "";

        /**
         * Creates a new SignatureDef instance using the specified properties.
         * @function create
         * @memberof tensorflow.SignatureDef
         * @static
         * @param {tensorflow.SignatureDef.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SignatureDef} SignatureDef instance
         * @type {{
         *   (properties: tensorflow.SignatureDef.$Shape): tensorflow.SignatureDef & tensorflow.SignatureDef.$Shape;
         *   (properties?: tensorflow.SignatureDef.$Properties): tensorflow.SignatureDef;
         * }}
         */
        SignatureDef.create = function(properties) {
            return new SignatureDef(properties);
        };

        /**
         * Encodes the specified SignatureDef message. Does not implicitly {@link tensorflow.SignatureDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SignatureDef
         * @static
         * @param {tensorflow.SignatureDef.$Properties} message SignatureDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SignatureDef.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.inputs != null && $Object.hasOwnProperty.call(message, "inputs"))
                for (let keys = $Object.keys(message.inputs), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.TensorInfo.encode(message.inputs[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim().ldelim();
                }
            if (message.outputs != null && $Object.hasOwnProperty.call(message, "outputs"))
                for (let keys = $Object.keys(message.outputs), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.TensorInfo.encode(message.outputs[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim().ldelim();
                }
            if (message.methodName != null && $Object.hasOwnProperty.call(message, "methodName") && message.methodName !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.methodName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SignatureDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SignatureDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SignatureDef & tensorflow.SignatureDef.$Shape} SignatureDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SignatureDef.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, key, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SignatureDef();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (message.inputs === $util.emptyObject)
                            message.inputs = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = $root.tensorflow.TensorInfo.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.inputs, key);
                        message.inputs[key] = value || new $root.tensorflow.TensorInfo();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (message.outputs === $util.emptyObject)
                            message.outputs = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = $root.tensorflow.TensorInfo.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.outputs, key);
                        message.outputs[key] = value || new $root.tensorflow.TensorInfo();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.methodName = value;
                        else
                            delete message.methodName;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SignatureDef;
    })();

    tensorflow.AssetFileDef = (function() {

        /**
         * Properties of an AssetFileDef.
         * @typedef {Object} tensorflow.AssetFileDef.$Properties
         * @property {tensorflow.TensorInfo.$Properties|null} [tensorInfo] AssetFileDef tensorInfo
         * @property {string|null} [filename] AssetFileDef filename
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AssetFileDef.
         * @memberof tensorflow
         * @interface IAssetFileDef
         * @augments tensorflow.AssetFileDef.$Properties
         * @deprecated Use tensorflow.AssetFileDef.$Properties instead.
         */

        /**
         * Shape of an AssetFileDef.
         * @typedef {{
         *   tensorInfo?: tensorflow.TensorInfo.$Shape|null;
         *   filename?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.AssetFileDef.$Shape
         */

        /**
         * Constructs a new AssetFileDef.
         * @memberof tensorflow
         * @classdesc Represents an AssetFileDef.
         * @constructor
         * @param {tensorflow.AssetFileDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AssetFileDef = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AssetFileDef tensorInfo.
         * @member {tensorflow.TensorInfo.$Properties|null|undefined} tensorInfo
         * @memberof tensorflow.AssetFileDef
         * @instance
         */
        AssetFileDef.prototype.tensorInfo = null;

        /**
         * AssetFileDef filename.
         * @member {string} filename
         * @memberof tensorflow.AssetFileDef
         * @instance
         */
        AssetFileDef.prototype.filename = "";

        /**
         * Creates a new AssetFileDef instance using the specified properties.
         * @function create
         * @memberof tensorflow.AssetFileDef
         * @static
         * @param {tensorflow.AssetFileDef.$Properties=} [properties] Properties to set
         * @returns {tensorflow.AssetFileDef} AssetFileDef instance
         * @type {{
         *   (properties: tensorflow.AssetFileDef.$Shape): tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape;
         *   (properties?: tensorflow.AssetFileDef.$Properties): tensorflow.AssetFileDef;
         * }}
         */
        AssetFileDef.create = function(properties) {
            return new AssetFileDef(properties);
        };

        /**
         * Encodes the specified AssetFileDef message. Does not implicitly {@link tensorflow.AssetFileDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.AssetFileDef
         * @static
         * @param {tensorflow.AssetFileDef.$Properties} message AssetFileDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AssetFileDef.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tensorInfo != null && $Object.hasOwnProperty.call(message, "tensorInfo"))
                $root.tensorflow.TensorInfo.encode(message.tensorInfo, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.filename);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AssetFileDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.AssetFileDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape} AssetFileDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AssetFileDef.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.AssetFileDef();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tensorInfo = $root.tensorflow.TensorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.tensorInfo);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.filename = value;
                        else
                            delete message.filename;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return AssetFileDef;
    })();

    tensorflow.SavedObjectGraph = (function() {

        /**
         * Properties of a SavedObjectGraph.
         * @typedef {Object} tensorflow.SavedObjectGraph.$Properties
         * @property {Array.<tensorflow.SavedObject.$Properties>|null} [nodes] SavedObjectGraph nodes
         * @property {Object.<string,Uint8Array>|null} [concreteFunctions] SavedObjectGraph concreteFunctions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedObjectGraph.
         * @memberof tensorflow
         * @interface ISavedObjectGraph
         * @augments tensorflow.SavedObjectGraph.$Properties
         * @deprecated Use tensorflow.SavedObjectGraph.$Properties instead.
         */

        /**
         * Shape of a SavedObjectGraph.
         * @typedef {{
         *   nodes?: Array.<tensorflow.SavedObject.$Shape>|null;
         *   concreteFunctions?: Object.<string,Uint8Array>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedObjectGraph.$Shape
         */

        /**
         * Constructs a new SavedObjectGraph.
         * @memberof tensorflow
         * @classdesc Represents a SavedObjectGraph.
         * @constructor
         * @param {tensorflow.SavedObjectGraph.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedObjectGraph = function (properties) {
            this.nodes = [];
            this.concreteFunctions = {};
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedObjectGraph nodes.
         * @member {Array.<tensorflow.SavedObject.$Properties>} nodes
         * @memberof tensorflow.SavedObjectGraph
         * @instance
         */
        SavedObjectGraph.prototype.nodes = $util.emptyArray;

        /**
         * SavedObjectGraph concreteFunctions.
         * @member {Object.<string,Uint8Array>} concreteFunctions
         * @memberof tensorflow.SavedObjectGraph
         * @instance
         */
        SavedObjectGraph.prototype.concreteFunctions = $util.emptyObject;

        /**
         * Creates a new SavedObjectGraph instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedObjectGraph
         * @static
         * @param {tensorflow.SavedObjectGraph.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedObjectGraph} SavedObjectGraph instance
         * @type {{
         *   (properties: tensorflow.SavedObjectGraph.$Shape): tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape;
         *   (properties?: tensorflow.SavedObjectGraph.$Properties): tensorflow.SavedObjectGraph;
         * }}
         */
        SavedObjectGraph.create = function(properties) {
            return new SavedObjectGraph(properties);
        };

        /**
         * Encodes the specified SavedObjectGraph message. Does not implicitly {@link tensorflow.SavedObjectGraph.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedObjectGraph
         * @static
         * @param {tensorflow.SavedObjectGraph.$Properties} message SavedObjectGraph message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedObjectGraph.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.nodes != null && message.nodes.length)
                for (let i = 0; i < message.nodes.length; ++i)
                    $root.tensorflow.SavedObject.encode(message.nodes[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.concreteFunctions != null && $Object.hasOwnProperty.call(message, "concreteFunctions"))
                for (let keys = $Object.keys(message.concreteFunctions), i = 0; i < keys.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).bytes(message.concreteFunctions[keys[i]]).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedObjectGraph message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedObjectGraph
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape} SavedObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedObjectGraph.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, key, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedObjectGraph();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodes && message.nodes.length))
                            message.nodes = [];
                        message.nodes.push($root.tensorflow.SavedObject.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (message.concreteFunctions === $util.emptyObject)
                            message.concreteFunctions = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = [];
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = reader.bytes();
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.concreteFunctions, key);
                        message.concreteFunctions[key] = value;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedObjectGraph;
    })();

    tensorflow.SavedObject = (function() {

        /**
         * Properties of a SavedObject.
         * @typedef {Object} tensorflow.SavedObject.$Properties
         * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>|null} [children] SavedObject children
         * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties>|null} [slotVariables] SavedObject slotVariables
         * @property {tensorflow.SavedUserObject.$Properties|null} [userObject] SavedObject userObject
         * @property {tensorflow.SavedAsset.$Properties|null} [asset] SavedObject asset
         * @property {tensorflow.SavedFunction.$Properties|null} ["function"] SavedObject function
         * @property {tensorflow.SavedVariable.$Properties|null} [variable] SavedObject variable
         * @property {tensorflow.SavedBareConcreteFunction.$Properties|null} [bareConcreteFunction] SavedObject bareConcreteFunction
         * @property {tensorflow.SavedConstant.$Properties|null} [constant] SavedObject constant
         * @property {tensorflow.SavedResource.$Properties|null} [resource] SavedObject resource
         * @property {tensorflow.CapturedTensor.$Properties|null} [capturedTensor] SavedObject capturedTensor
         * @property {Object.<string,tensorflow.SaveableObject.$Properties>|null} [saveableObjects] SavedObject saveableObjects
         * @property {string|null} [registeredName] SavedObject registeredName
         * @property {Uint8Array|null} [serializedUserProto] SavedObject serializedUserProto
         * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>|null} [dependencies] SavedObject dependencies
         * @property {string|null} [registeredSaver] SavedObject registeredSaver
         * @property {"userObject"|"asset"|"function"|"variable"|"bareConcreteFunction"|"constant"|"resource"|"capturedTensor"} [kind] SavedObject kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedObject.
         * @memberof tensorflow
         * @interface ISavedObject
         * @augments tensorflow.SavedObject.$Properties
         * @deprecated Use tensorflow.SavedObject.$Properties instead.
         */

        /**
         * Narrowed shape of a SavedObject.
         * @typedef {{
         *   children?: Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape>|null;
         *   slotVariables?: Array.<tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape>|null;
         *   userObject?: tensorflow.SavedUserObject.$Shape|null;
         *   asset?: tensorflow.SavedAsset.$Shape|null;
         *   "function"?: tensorflow.SavedFunction.$Shape|null;
         *   variable?: tensorflow.SavedVariable.$Shape|null;
         *   bareConcreteFunction?: tensorflow.SavedBareConcreteFunction.$Shape|null;
         *   constant?: tensorflow.SavedConstant.$Shape|null;
         *   resource?: tensorflow.SavedResource.$Shape|null;
         *   capturedTensor?: tensorflow.CapturedTensor.$Shape|null;
         *   saveableObjects?: Object.<string,tensorflow.SaveableObject.$Shape>|null;
         *   registeredName?: string|null;
         *   serializedUserProto?: Uint8Array|null;
         *   dependencies?: Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape>|null;
         *   registeredSaver?: string|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; userObject?: null; asset?: null; "function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "userObject"; userObject: tensorflow.SavedUserObject.$Shape; asset?: null; "function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "asset"; userObject?: null; asset: tensorflow.SavedAsset.$Shape; "function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "function"; userObject?: null; asset?: null; "function": tensorflow.SavedFunction.$Shape; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "variable"; userObject?: null; asset?: null; "function"?: null; variable: tensorflow.SavedVariable.$Shape; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "bareConcreteFunction"; userObject?: null; asset?: null; "function"?: null; variable?: null; bareConcreteFunction: tensorflow.SavedBareConcreteFunction.$Shape; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "constant"; userObject?: null; asset?: null; "function"?: null; variable?: null; bareConcreteFunction?: null; constant: tensorflow.SavedConstant.$Shape; resource?: null; capturedTensor?: null }|{ kind?: "resource"; userObject?: null; asset?: null; "function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource: tensorflow.SavedResource.$Shape; capturedTensor?: null }|{ kind?: "capturedTensor"; userObject?: null; asset?: null; "function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor: tensorflow.CapturedTensor.$Shape })
         * )} tensorflow.SavedObject.$Shape
         */

        /**
         * Constructs a new SavedObject.
         * @memberof tensorflow
         * @classdesc Represents a SavedObject.
         * @constructor
         * @param {tensorflow.SavedObject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedObject = function (properties) {
            this.children = [];
            this.slotVariables = [];
            this.saveableObjects = {};
            this.dependencies = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedObject children.
         * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>} children
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.children = $util.emptyArray;

        /**
         * SavedObject slotVariables.
         * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties>} slotVariables
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.slotVariables = $util.emptyArray;

        /**
         * SavedObject userObject.
         * @member {tensorflow.SavedUserObject.$Properties|null|undefined} userObject
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.userObject = null;

        /**
         * SavedObject asset.
         * @member {tensorflow.SavedAsset.$Properties|null|undefined} asset
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.asset = null;

        /**
         * SavedObject function.
         * @member {tensorflow.SavedFunction.$Properties|null|undefined} function
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype["function"] = null;

        /**
         * SavedObject variable.
         * @member {tensorflow.SavedVariable.$Properties|null|undefined} variable
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.variable = null;

        /**
         * SavedObject bareConcreteFunction.
         * @member {tensorflow.SavedBareConcreteFunction.$Properties|null|undefined} bareConcreteFunction
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.bareConcreteFunction = null;

        /**
         * SavedObject constant.
         * @member {tensorflow.SavedConstant.$Properties|null|undefined} constant
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.constant = null;

        /**
         * SavedObject resource.
         * @member {tensorflow.SavedResource.$Properties|null|undefined} resource
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.resource = null;

        /**
         * SavedObject capturedTensor.
         * @member {tensorflow.CapturedTensor.$Properties|null|undefined} capturedTensor
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.capturedTensor = null;

        /**
         * SavedObject saveableObjects.
         * @member {Object.<string,tensorflow.SaveableObject.$Properties>} saveableObjects
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.saveableObjects = $util.emptyObject;

        /**
         * SavedObject registeredName.
         * @member {string} registeredName
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.registeredName = "";

        /**
         * SavedObject serializedUserProto.
         * @member {Uint8Array} serializedUserProto
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.serializedUserProto = $util.newBuffer([]);

        /**
         * SavedObject dependencies.
         * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>} dependencies
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.dependencies = $util.emptyArray;

        /**
         * SavedObject registeredSaver.
         * @member {string} registeredSaver
         * @memberof tensorflow.SavedObject
         * @instance
         */
        SavedObject.prototype.registeredSaver = "";

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * SavedObject kind.
         * @member {"userObject"|"asset"|"function"|"variable"|"bareConcreteFunction"|"constant"|"resource"|"capturedTensor"|undefined} kind
         * @memberof tensorflow.SavedObject
         * @instance
         */
        $Object.defineProperty(SavedObject.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["userObject", "asset", "function", "variable", "bareConcreteFunction", "constant", "resource", "capturedTensor"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new SavedObject instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedObject
         * @static
         * @param {tensorflow.SavedObject.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedObject} SavedObject instance
         * @type {{
         *   (properties: tensorflow.SavedObject.$Shape): tensorflow.SavedObject & tensorflow.SavedObject.$Shape;
         *   (properties?: tensorflow.SavedObject.$Properties): tensorflow.SavedObject;
         * }}
         */
        SavedObject.create = function(properties) {
            return new SavedObject(properties);
        };

        /**
         * Encodes the specified SavedObject message. Does not implicitly {@link tensorflow.SavedObject.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedObject
         * @static
         * @param {tensorflow.SavedObject.$Properties} message SavedObject message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedObject.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.children != null && message.children.length)
                for (let i = 0; i < message.children.length; ++i)
                    $root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.encode(message.children[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.slotVariables != null && message.slotVariables.length)
                for (let i = 0; i < message.slotVariables.length; ++i)
                    $root.tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.encode(message.slotVariables[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.userObject != null && $Object.hasOwnProperty.call(message, "userObject"))
                $root.tensorflow.SavedUserObject.encode(message.userObject, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.asset != null && $Object.hasOwnProperty.call(message, "asset"))
                $root.tensorflow.SavedAsset.encode(message.asset, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message["function"] != null && $Object.hasOwnProperty.call(message, "function"))
                $root.tensorflow.SavedFunction.encode(message["function"], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.variable != null && $Object.hasOwnProperty.call(message, "variable"))
                $root.tensorflow.SavedVariable.encode(message.variable, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.bareConcreteFunction != null && $Object.hasOwnProperty.call(message, "bareConcreteFunction"))
                $root.tensorflow.SavedBareConcreteFunction.encode(message.bareConcreteFunction, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.constant != null && $Object.hasOwnProperty.call(message, "constant"))
                $root.tensorflow.SavedConstant.encode(message.constant, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
            if (message.resource != null && $Object.hasOwnProperty.call(message, "resource"))
                $root.tensorflow.SavedResource.encode(message.resource, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.saveableObjects != null && $Object.hasOwnProperty.call(message, "saveableObjects"))
                for (let keys = $Object.keys(message.saveableObjects), i = 0; i < keys.length; ++i) {
                    writer.uint32(/* id 11, wireType 2 =*/90).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                    $root.tensorflow.SaveableObject.encode(message.saveableObjects[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim().ldelim();
                }
            if (message.capturedTensor != null && $Object.hasOwnProperty.call(message, "capturedTensor"))
                $root.tensorflow.CapturedTensor.encode(message.capturedTensor, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.registeredName != null && $Object.hasOwnProperty.call(message, "registeredName") && message.registeredName !== "")
                writer.uint32(/* id 13, wireType 2 =*/106).string(message.registeredName);
            if (message.serializedUserProto != null && $Object.hasOwnProperty.call(message, "serializedUserProto") && message.serializedUserProto.length)
                writer.uint32(/* id 14, wireType 2 =*/114).bytes(message.serializedUserProto);
            if (message.dependencies != null && message.dependencies.length)
                for (let i = 0; i < message.dependencies.length; ++i)
                    $root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.encode(message.dependencies[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.registeredSaver != null && $Object.hasOwnProperty.call(message, "registeredSaver") && message.registeredSaver !== "")
                writer.uint32(/* id 16, wireType 2 =*/130).string(message.registeredSaver);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedObject message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedObject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedObject & tensorflow.SavedObject.$Shape} SavedObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedObject.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, key, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedObject();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.children && message.children.length))
                            message.children = [];
                        message.children.push($root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.slotVariables && message.slotVariables.length))
                            message.slotVariables = [];
                        message.slotVariables.push($root.tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.userObject = $root.tensorflow.SavedUserObject.decode(reader, reader.size(), $undefined, _depth + 1, message.userObject);
                        message.kind = "userObject";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.asset = $root.tensorflow.SavedAsset.decode(reader, reader.size(), $undefined, _depth + 1, message.asset);
                        message.kind = "asset";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message["function"] = $root.tensorflow.SavedFunction.decode(reader, reader.size(), $undefined, _depth + 1, message["function"]);
                        message.kind = "function";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.variable = $root.tensorflow.SavedVariable.decode(reader, reader.size(), $undefined, _depth + 1, message.variable);
                        message.kind = "variable";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.bareConcreteFunction = $root.tensorflow.SavedBareConcreteFunction.decode(reader, reader.size(), $undefined, _depth + 1, message.bareConcreteFunction);
                        message.kind = "bareConcreteFunction";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.constant = $root.tensorflow.SavedConstant.decode(reader, reader.size(), $undefined, _depth + 1, message.constant);
                        message.kind = "constant";
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.resource = $root.tensorflow.SavedResource.decode(reader, reader.size(), $undefined, _depth + 1, message.resource);
                        message.kind = "resource";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.capturedTensor = $root.tensorflow.CapturedTensor.decode(reader, reader.size(), $undefined, _depth + 1, message.capturedTensor);
                        message.kind = "capturedTensor";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if (message.saveableObjects === $util.emptyObject)
                            message.saveableObjects = {};
                        let end2 = reader.size() + reader.pos;
                        if (end2 > reader.len)
                            throw $RangeError("index out of range");
                        reader.len = end2;
                        key = "";
                        value = null;
                        while (reader.pos < end2) {
                            let tag2 = reader.tag();
                            wireType = tag2 & 7;
                            switch (tag2 >>>= 3) {
                            case 1:
                                if (wireType !== 2)
                                    break;
                                key = reader.stringVerify();
                                continue;
                            case 2:
                                if (wireType !== 2)
                                    break;
                                value = $root.tensorflow.SaveableObject.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                continue;
                            }
                            reader.skipType(wireType, _depth, tag2);
                        }
                        if (reader.pos !== end2)
                            throw $RangeError("index out of range");
                        reader.len = end;
                        if (key === "__proto__")
                            $util.makeProp(message.saveableObjects, key);
                        message.saveableObjects[key] = value || new $root.tensorflow.SaveableObject();
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.registeredName = value;
                        else
                            delete message.registeredName;
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.serializedUserProto = value;
                        else
                            delete message.serializedUserProto;
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dependencies && message.dependencies.length))
                            message.dependencies = [];
                        message.dependencies.push($root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.registeredSaver = value;
                        else
                            delete message.registeredSaver;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedObject;
    })();

    tensorflow.SavedUserObject = (function() {

        /**
         * Properties of a SavedUserObject.
         * @typedef {Object} tensorflow.SavedUserObject.$Properties
         * @property {string|null} [identifier] SavedUserObject identifier
         * @property {tensorflow.VersionDef.$Properties|null} [version] SavedUserObject version
         * @property {string|null} [metadata] SavedUserObject metadata
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedUserObject.
         * @memberof tensorflow
         * @interface ISavedUserObject
         * @augments tensorflow.SavedUserObject.$Properties
         * @deprecated Use tensorflow.SavedUserObject.$Properties instead.
         */

        /**
         * Shape of a SavedUserObject.
         * @typedef {tensorflow.SavedUserObject.$Properties} tensorflow.SavedUserObject.$Shape
         */

        /**
         * Constructs a new SavedUserObject.
         * @memberof tensorflow
         * @classdesc Represents a SavedUserObject.
         * @constructor
         * @param {tensorflow.SavedUserObject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedUserObject = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedUserObject identifier.
         * @member {string} identifier
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.identifier = "";

        /**
         * SavedUserObject version.
         * @member {tensorflow.VersionDef.$Properties|null|undefined} version
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.version = null;

        /**
         * SavedUserObject metadata.
         * @member {string} metadata
         * @memberof tensorflow.SavedUserObject
         * @instance
         */
        SavedUserObject.prototype.metadata = "";

        /**
         * Creates a new SavedUserObject instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedUserObject
         * @static
         * @param {tensorflow.SavedUserObject.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedUserObject} SavedUserObject instance
         * @type {{
         *   (properties: tensorflow.SavedUserObject.$Shape): tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape;
         *   (properties?: tensorflow.SavedUserObject.$Properties): tensorflow.SavedUserObject;
         * }}
         */
        SavedUserObject.create = function(properties) {
            return new SavedUserObject(properties);
        };

        /**
         * Encodes the specified SavedUserObject message. Does not implicitly {@link tensorflow.SavedUserObject.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedUserObject
         * @static
         * @param {tensorflow.SavedUserObject.$Properties} message SavedUserObject message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedUserObject.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.identifier != null && $Object.hasOwnProperty.call(message, "identifier") && message.identifier !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.identifier);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                $root.tensorflow.VersionDef.encode(message.version, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata") && message.metadata !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.metadata);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedUserObject message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedUserObject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape} SavedUserObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedUserObject.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedUserObject();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.identifier = value;
                        else
                            delete message.identifier;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.version = $root.tensorflow.VersionDef.decode(reader, reader.size(), $undefined, _depth + 1, message.version);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.metadata = value;
                        else
                            delete message.metadata;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedUserObject;
    })();

    tensorflow.SavedAsset = (function() {

        /**
         * Properties of a SavedAsset.
         * @typedef {Object} tensorflow.SavedAsset.$Properties
         * @property {number|null} [assetFileDefIndex] SavedAsset assetFileDefIndex
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedAsset.
         * @memberof tensorflow
         * @interface ISavedAsset
         * @augments tensorflow.SavedAsset.$Properties
         * @deprecated Use tensorflow.SavedAsset.$Properties instead.
         */

        /**
         * Shape of a SavedAsset.
         * @typedef {tensorflow.SavedAsset.$Properties} tensorflow.SavedAsset.$Shape
         */

        /**
         * Constructs a new SavedAsset.
         * @memberof tensorflow
         * @classdesc Represents a SavedAsset.
         * @constructor
         * @param {tensorflow.SavedAsset.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedAsset = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedAsset assetFileDefIndex.
         * @member {number} assetFileDefIndex
         * @memberof tensorflow.SavedAsset
         * @instance
         */
        SavedAsset.prototype.assetFileDefIndex = 0;

        /**
         * Creates a new SavedAsset instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedAsset
         * @static
         * @param {tensorflow.SavedAsset.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedAsset} SavedAsset instance
         * @type {{
         *   (properties: tensorflow.SavedAsset.$Shape): tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape;
         *   (properties?: tensorflow.SavedAsset.$Properties): tensorflow.SavedAsset;
         * }}
         */
        SavedAsset.create = function(properties) {
            return new SavedAsset(properties);
        };

        /**
         * Encodes the specified SavedAsset message. Does not implicitly {@link tensorflow.SavedAsset.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedAsset
         * @static
         * @param {tensorflow.SavedAsset.$Properties} message SavedAsset message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedAsset.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.assetFileDefIndex != null && $Object.hasOwnProperty.call(message, "assetFileDefIndex") && message.assetFileDefIndex !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.assetFileDefIndex);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedAsset message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedAsset
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape} SavedAsset
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedAsset.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedAsset();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.assetFileDefIndex = value;
                        else
                            delete message.assetFileDefIndex;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedAsset;
    })();

    tensorflow.SavedFunction = (function() {

        /**
         * Properties of a SavedFunction.
         * @typedef {Object} tensorflow.SavedFunction.$Properties
         * @property {Array.<string>|null} [concreteFunctions] SavedFunction concreteFunctions
         * @property {Uint8Array|null} [functionSpec] SavedFunction functionSpec
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedFunction.
         * @memberof tensorflow
         * @interface ISavedFunction
         * @augments tensorflow.SavedFunction.$Properties
         * @deprecated Use tensorflow.SavedFunction.$Properties instead.
         */

        /**
         * Shape of a SavedFunction.
         * @typedef {tensorflow.SavedFunction.$Properties} tensorflow.SavedFunction.$Shape
         */

        /**
         * Constructs a new SavedFunction.
         * @memberof tensorflow
         * @classdesc Represents a SavedFunction.
         * @constructor
         * @param {tensorflow.SavedFunction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedFunction = function (properties) {
            this.concreteFunctions = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedFunction concreteFunctions.
         * @member {Array.<string>} concreteFunctions
         * @memberof tensorflow.SavedFunction
         * @instance
         */
        SavedFunction.prototype.concreteFunctions = $util.emptyArray;

        /**
         * SavedFunction functionSpec.
         * @member {Uint8Array} functionSpec
         * @memberof tensorflow.SavedFunction
         * @instance
         */
        SavedFunction.prototype.functionSpec = $util.newBuffer([]);

        /**
         * Creates a new SavedFunction instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedFunction
         * @static
         * @param {tensorflow.SavedFunction.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedFunction} SavedFunction instance
         * @type {{
         *   (properties: tensorflow.SavedFunction.$Shape): tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape;
         *   (properties?: tensorflow.SavedFunction.$Properties): tensorflow.SavedFunction;
         * }}
         */
        SavedFunction.create = function(properties) {
            return new SavedFunction(properties);
        };

        /**
         * Encodes the specified SavedFunction message. Does not implicitly {@link tensorflow.SavedFunction.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedFunction
         * @static
         * @param {tensorflow.SavedFunction.$Properties} message SavedFunction message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedFunction.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.concreteFunctions != null && message.concreteFunctions.length)
                for (let i = 0; i < message.concreteFunctions.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.concreteFunctions[i]);
            if (message.functionSpec != null && $Object.hasOwnProperty.call(message, "functionSpec") && message.functionSpec.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.functionSpec);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedFunction message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedFunction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape} SavedFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedFunction.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedFunction();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.concreteFunctions && message.concreteFunctions.length))
                            message.concreteFunctions = [];
                        message.concreteFunctions.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.functionSpec = value;
                        else
                            delete message.functionSpec;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedFunction;
    })();

    tensorflow.CapturedTensor = (function() {

        /**
         * Properties of a CapturedTensor.
         * @typedef {Object} tensorflow.CapturedTensor.$Properties
         * @property {string|null} [name] CapturedTensor name
         * @property {string|null} [concreteFunction] CapturedTensor concreteFunction
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CapturedTensor.
         * @memberof tensorflow
         * @interface ICapturedTensor
         * @augments tensorflow.CapturedTensor.$Properties
         * @deprecated Use tensorflow.CapturedTensor.$Properties instead.
         */

        /**
         * Shape of a CapturedTensor.
         * @typedef {tensorflow.CapturedTensor.$Properties} tensorflow.CapturedTensor.$Shape
         */

        /**
         * Constructs a new CapturedTensor.
         * @memberof tensorflow
         * @classdesc Represents a CapturedTensor.
         * @constructor
         * @param {tensorflow.CapturedTensor.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CapturedTensor = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CapturedTensor name.
         * @member {string} name
         * @memberof tensorflow.CapturedTensor
         * @instance
         */
        CapturedTensor.prototype.name = "";

        /**
         * CapturedTensor concreteFunction.
         * @member {string} concreteFunction
         * @memberof tensorflow.CapturedTensor
         * @instance
         */
        CapturedTensor.prototype.concreteFunction = "";

        /**
         * Creates a new CapturedTensor instance using the specified properties.
         * @function create
         * @memberof tensorflow.CapturedTensor
         * @static
         * @param {tensorflow.CapturedTensor.$Properties=} [properties] Properties to set
         * @returns {tensorflow.CapturedTensor} CapturedTensor instance
         * @type {{
         *   (properties: tensorflow.CapturedTensor.$Shape): tensorflow.CapturedTensor & tensorflow.CapturedTensor.$Shape;
         *   (properties?: tensorflow.CapturedTensor.$Properties): tensorflow.CapturedTensor;
         * }}
         */
        CapturedTensor.create = function(properties) {
            return new CapturedTensor(properties);
        };

        /**
         * Encodes the specified CapturedTensor message. Does not implicitly {@link tensorflow.CapturedTensor.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.CapturedTensor
         * @static
         * @param {tensorflow.CapturedTensor.$Properties} message CapturedTensor message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CapturedTensor.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.concreteFunction != null && $Object.hasOwnProperty.call(message, "concreteFunction") && message.concreteFunction !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.concreteFunction);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CapturedTensor message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.CapturedTensor
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.CapturedTensor & tensorflow.CapturedTensor.$Shape} CapturedTensor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CapturedTensor.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.CapturedTensor();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.concreteFunction = value;
                        else
                            delete message.concreteFunction;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CapturedTensor;
    })();

    tensorflow.SavedBareConcreteFunction = (function() {

        /**
         * Properties of a SavedBareConcreteFunction.
         * @typedef {Object} tensorflow.SavedBareConcreteFunction.$Properties
         * @property {string|null} [concreteFunctionName] SavedBareConcreteFunction concreteFunctionName
         * @property {Array.<string>|null} [argumentKeywords] SavedBareConcreteFunction argumentKeywords
         * @property {number|null} [allowedPositionalArguments] SavedBareConcreteFunction allowedPositionalArguments
         * @property {Uint8Array|null} [functionSpec] SavedBareConcreteFunction functionSpec
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedBareConcreteFunction.
         * @memberof tensorflow
         * @interface ISavedBareConcreteFunction
         * @augments tensorflow.SavedBareConcreteFunction.$Properties
         * @deprecated Use tensorflow.SavedBareConcreteFunction.$Properties instead.
         */

        /**
         * Shape of a SavedBareConcreteFunction.
         * @typedef {tensorflow.SavedBareConcreteFunction.$Properties} tensorflow.SavedBareConcreteFunction.$Shape
         */

        /**
         * Constructs a new SavedBareConcreteFunction.
         * @memberof tensorflow
         * @classdesc Represents a SavedBareConcreteFunction.
         * @constructor
         * @param {tensorflow.SavedBareConcreteFunction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedBareConcreteFunction = function (properties) {
            this.argumentKeywords = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedBareConcreteFunction concreteFunctionName.
         * @member {string} concreteFunctionName
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.concreteFunctionName = "";

        /**
         * SavedBareConcreteFunction argumentKeywords.
         * @member {Array.<string>} argumentKeywords
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.argumentKeywords = $util.emptyArray;

        /**
         * SavedBareConcreteFunction allowedPositionalArguments.
         * @member {number} allowedPositionalArguments
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.allowedPositionalArguments = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SavedBareConcreteFunction functionSpec.
         * @member {Uint8Array} functionSpec
         * @memberof tensorflow.SavedBareConcreteFunction
         * @instance
         */
        SavedBareConcreteFunction.prototype.functionSpec = $util.newBuffer([]);

        /**
         * Creates a new SavedBareConcreteFunction instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedBareConcreteFunction
         * @static
         * @param {tensorflow.SavedBareConcreteFunction.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedBareConcreteFunction} SavedBareConcreteFunction instance
         * @type {{
         *   (properties: tensorflow.SavedBareConcreteFunction.$Shape): tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape;
         *   (properties?: tensorflow.SavedBareConcreteFunction.$Properties): tensorflow.SavedBareConcreteFunction;
         * }}
         */
        SavedBareConcreteFunction.create = function(properties) {
            return new SavedBareConcreteFunction(properties);
        };

        /**
         * Encodes the specified SavedBareConcreteFunction message. Does not implicitly {@link tensorflow.SavedBareConcreteFunction.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedBareConcreteFunction
         * @static
         * @param {tensorflow.SavedBareConcreteFunction.$Properties} message SavedBareConcreteFunction message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedBareConcreteFunction.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.concreteFunctionName != null && $Object.hasOwnProperty.call(message, "concreteFunctionName") && message.concreteFunctionName !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.concreteFunctionName);
            if (message.argumentKeywords != null && message.argumentKeywords.length)
                for (let i = 0; i < message.argumentKeywords.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.argumentKeywords[i]);
            if (message.allowedPositionalArguments != null && $Object.hasOwnProperty.call(message, "allowedPositionalArguments") && (typeof message.allowedPositionalArguments === "object" ? message.allowedPositionalArguments.low || message.allowedPositionalArguments.high : message.allowedPositionalArguments !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.allowedPositionalArguments);
            if (message.functionSpec != null && $Object.hasOwnProperty.call(message, "functionSpec") && message.functionSpec.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.functionSpec);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedBareConcreteFunction message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedBareConcreteFunction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape} SavedBareConcreteFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedBareConcreteFunction.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedBareConcreteFunction();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.concreteFunctionName = value;
                        else
                            delete message.concreteFunctionName;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.argumentKeywords && message.argumentKeywords.length))
                            message.argumentKeywords = [];
                        message.argumentKeywords.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.allowedPositionalArguments = value;
                        else
                            delete message.allowedPositionalArguments;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.functionSpec = value;
                        else
                            delete message.functionSpec;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedBareConcreteFunction;
    })();

    tensorflow.SavedConstant = (function() {

        /**
         * Properties of a SavedConstant.
         * @typedef {Object} tensorflow.SavedConstant.$Properties
         * @property {string|null} [operation] SavedConstant operation
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedConstant.
         * @memberof tensorflow
         * @interface ISavedConstant
         * @augments tensorflow.SavedConstant.$Properties
         * @deprecated Use tensorflow.SavedConstant.$Properties instead.
         */

        /**
         * Shape of a SavedConstant.
         * @typedef {tensorflow.SavedConstant.$Properties} tensorflow.SavedConstant.$Shape
         */

        /**
         * Constructs a new SavedConstant.
         * @memberof tensorflow
         * @classdesc Represents a SavedConstant.
         * @constructor
         * @param {tensorflow.SavedConstant.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedConstant = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedConstant operation.
         * @member {string} operation
         * @memberof tensorflow.SavedConstant
         * @instance
         */
        SavedConstant.prototype.operation = "";

        /**
         * Creates a new SavedConstant instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedConstant
         * @static
         * @param {tensorflow.SavedConstant.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedConstant} SavedConstant instance
         * @type {{
         *   (properties: tensorflow.SavedConstant.$Shape): tensorflow.SavedConstant & tensorflow.SavedConstant.$Shape;
         *   (properties?: tensorflow.SavedConstant.$Properties): tensorflow.SavedConstant;
         * }}
         */
        SavedConstant.create = function(properties) {
            return new SavedConstant(properties);
        };

        /**
         * Encodes the specified SavedConstant message. Does not implicitly {@link tensorflow.SavedConstant.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedConstant
         * @static
         * @param {tensorflow.SavedConstant.$Properties} message SavedConstant message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedConstant.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.operation);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedConstant message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedConstant
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedConstant & tensorflow.SavedConstant.$Shape} SavedConstant
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedConstant.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedConstant();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.operation = value;
                        else
                            delete message.operation;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedConstant;
    })();

    tensorflow.SavedVariable = (function() {

        /**
         * Properties of a SavedVariable.
         * @typedef {Object} tensorflow.SavedVariable.$Properties
         * @property {tensorflow.DataType|null} [dtype] SavedVariable dtype
         * @property {tensorflow.TensorShapeProto.$Properties|null} [shape] SavedVariable shape
         * @property {boolean|null} [trainable] SavedVariable trainable
         * @property {number|null} [synchronization] SavedVariable synchronization
         * @property {number|null} [aggregation] SavedVariable aggregation
         * @property {string|null} [name] SavedVariable name
         * @property {string|null} [device] SavedVariable device
         * @property {Array.<tensorflow.SavedVariable.$Properties>|null} [experimentalDistributedVariableComponents] SavedVariable experimentalDistributedVariableComponents
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedVariable.
         * @memberof tensorflow
         * @interface ISavedVariable
         * @augments tensorflow.SavedVariable.$Properties
         * @deprecated Use tensorflow.SavedVariable.$Properties instead.
         */

        /**
         * Shape of a SavedVariable.
         * @typedef {tensorflow.SavedVariable.$Properties} tensorflow.SavedVariable.$Shape
         */

        /**
         * Constructs a new SavedVariable.
         * @memberof tensorflow
         * @classdesc Represents a SavedVariable.
         * @constructor
         * @param {tensorflow.SavedVariable.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedVariable = function (properties) {
            this.experimentalDistributedVariableComponents = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedVariable dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.dtype = 0;

        /**
         * SavedVariable shape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} shape
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.shape = null;

        /**
         * SavedVariable trainable.
         * @member {boolean} trainable
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.trainable = false;

        /**
         * SavedVariable synchronization.
         * @member {number} synchronization
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.synchronization = 0;

        /**
         * SavedVariable aggregation.
         * @member {number} aggregation
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.aggregation = 0;

        /**
         * SavedVariable name.
         * @member {string} name
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.name = "";

        /**
         * SavedVariable device.
         * @member {string} device
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.device = "";

        /**
         * SavedVariable experimentalDistributedVariableComponents.
         * @member {Array.<tensorflow.SavedVariable.$Properties>} experimentalDistributedVariableComponents
         * @memberof tensorflow.SavedVariable
         * @instance
         */
        SavedVariable.prototype.experimentalDistributedVariableComponents = $util.emptyArray;

        /**
         * Creates a new SavedVariable instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedVariable
         * @static
         * @param {tensorflow.SavedVariable.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedVariable} SavedVariable instance
         * @type {{
         *   (properties: tensorflow.SavedVariable.$Shape): tensorflow.SavedVariable & tensorflow.SavedVariable.$Shape;
         *   (properties?: tensorflow.SavedVariable.$Properties): tensorflow.SavedVariable;
         * }}
         */
        SavedVariable.create = function(properties) {
            return new SavedVariable(properties);
        };

        /**
         * Encodes the specified SavedVariable message. Does not implicitly {@link tensorflow.SavedVariable.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedVariable
         * @static
         * @param {tensorflow.SavedVariable.$Properties} message SavedVariable message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedVariable.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.dtype);
            if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
                $root.tensorflow.TensorShapeProto.encode(message.shape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.trainable != null && $Object.hasOwnProperty.call(message, "trainable") && message.trainable !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.trainable);
            if (message.synchronization != null && $Object.hasOwnProperty.call(message, "synchronization") && message.synchronization !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).int32(message.synchronization);
            if (message.aggregation != null && $Object.hasOwnProperty.call(message, "aggregation") && message.aggregation !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).int32(message.aggregation);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.name);
            if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.device);
            if (message.experimentalDistributedVariableComponents != null && message.experimentalDistributedVariableComponents.length)
                for (let i = 0; i < message.experimentalDistributedVariableComponents.length; ++i)
                    $root.tensorflow.SavedVariable.encode(message.experimentalDistributedVariableComponents[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedVariable message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedVariable
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedVariable & tensorflow.SavedVariable.$Shape} SavedVariable
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedVariable.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedVariable();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.trainable = value;
                        else
                            delete message.trainable;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.synchronization = value;
                        else
                            delete message.synchronization;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.aggregation = value;
                        else
                            delete message.aggregation;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.experimentalDistributedVariableComponents && message.experimentalDistributedVariableComponents.length))
                            message.experimentalDistributedVariableComponents = [];
                        message.experimentalDistributedVariableComponents.push($root.tensorflow.SavedVariable.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedVariable;
    })();

    tensorflow.SavedResource = (function() {

        /**
         * Properties of a SavedResource.
         * @typedef {Object} tensorflow.SavedResource.$Properties
         * @property {string|null} [device] SavedResource device
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedResource.
         * @memberof tensorflow
         * @interface ISavedResource
         * @augments tensorflow.SavedResource.$Properties
         * @deprecated Use tensorflow.SavedResource.$Properties instead.
         */

        /**
         * Shape of a SavedResource.
         * @typedef {tensorflow.SavedResource.$Properties} tensorflow.SavedResource.$Shape
         */

        /**
         * Constructs a new SavedResource.
         * @memberof tensorflow
         * @classdesc Represents a SavedResource.
         * @constructor
         * @param {tensorflow.SavedResource.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedResource = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedResource device.
         * @member {string} device
         * @memberof tensorflow.SavedResource
         * @instance
         */
        SavedResource.prototype.device = "";

        /**
         * Creates a new SavedResource instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedResource
         * @static
         * @param {tensorflow.SavedResource.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedResource} SavedResource instance
         * @type {{
         *   (properties: tensorflow.SavedResource.$Shape): tensorflow.SavedResource & tensorflow.SavedResource.$Shape;
         *   (properties?: tensorflow.SavedResource.$Properties): tensorflow.SavedResource;
         * }}
         */
        SavedResource.create = function(properties) {
            return new SavedResource(properties);
        };

        /**
         * Encodes the specified SavedResource message. Does not implicitly {@link tensorflow.SavedResource.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedResource
         * @static
         * @param {tensorflow.SavedResource.$Properties} message SavedResource message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedResource.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.device);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedResource message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedResource
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedResource & tensorflow.SavedResource.$Shape} SavedResource
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedResource.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedResource();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.device = value;
                        else
                            delete message.device;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedResource;
    })();

    tensorflow.SaveableObject = (function() {

        /**
         * Properties of a SaveableObject.
         * @typedef {Object} tensorflow.SaveableObject.$Properties
         * @property {number|null} [saveFunction] SaveableObject saveFunction
         * @property {number|null} [restoreFunction] SaveableObject restoreFunction
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SaveableObject.
         * @memberof tensorflow
         * @interface ISaveableObject
         * @augments tensorflow.SaveableObject.$Properties
         * @deprecated Use tensorflow.SaveableObject.$Properties instead.
         */

        /**
         * Shape of a SaveableObject.
         * @typedef {tensorflow.SaveableObject.$Properties} tensorflow.SaveableObject.$Shape
         */

        /**
         * Constructs a new SaveableObject.
         * @memberof tensorflow
         * @classdesc Represents a SaveableObject.
         * @constructor
         * @param {tensorflow.SaveableObject.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SaveableObject = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SaveableObject saveFunction.
         * @member {number} saveFunction
         * @memberof tensorflow.SaveableObject
         * @instance
         */
        SaveableObject.prototype.saveFunction = 0;

        /**
         * SaveableObject restoreFunction.
         * @member {number} restoreFunction
         * @memberof tensorflow.SaveableObject
         * @instance
         */
        SaveableObject.prototype.restoreFunction = 0;

        /**
         * Creates a new SaveableObject instance using the specified properties.
         * @function create
         * @memberof tensorflow.SaveableObject
         * @static
         * @param {tensorflow.SaveableObject.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SaveableObject} SaveableObject instance
         * @type {{
         *   (properties: tensorflow.SaveableObject.$Shape): tensorflow.SaveableObject & tensorflow.SaveableObject.$Shape;
         *   (properties?: tensorflow.SaveableObject.$Properties): tensorflow.SaveableObject;
         * }}
         */
        SaveableObject.create = function(properties) {
            return new SaveableObject(properties);
        };

        /**
         * Encodes the specified SaveableObject message. Does not implicitly {@link tensorflow.SaveableObject.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SaveableObject
         * @static
         * @param {tensorflow.SaveableObject.$Properties} message SaveableObject message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SaveableObject.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.saveFunction != null && $Object.hasOwnProperty.call(message, "saveFunction") && message.saveFunction !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.saveFunction);
            if (message.restoreFunction != null && $Object.hasOwnProperty.call(message, "restoreFunction") && message.restoreFunction !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.restoreFunction);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SaveableObject message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SaveableObject
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SaveableObject & tensorflow.SaveableObject.$Shape} SaveableObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SaveableObject.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SaveableObject();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.saveFunction = value;
                        else
                            delete message.saveFunction;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.restoreFunction = value;
                        else
                            delete message.restoreFunction;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SaveableObject;
    })();

    tensorflow.TensorShapeProto = (function() {

        /**
         * Properties of a TensorShapeProto.
         * @typedef {Object} tensorflow.TensorShapeProto.$Properties
         * @property {Array.<tensorflow.TensorShapeProto.Dim.$Properties>|null} [dim] TensorShapeProto dim
         * @property {boolean|null} [unknownRank] TensorShapeProto unknownRank
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorShapeProto.
         * @memberof tensorflow
         * @interface ITensorShapeProto
         * @augments tensorflow.TensorShapeProto.$Properties
         * @deprecated Use tensorflow.TensorShapeProto.$Properties instead.
         */

        /**
         * Shape of a TensorShapeProto.
         * @typedef {tensorflow.TensorShapeProto.$Properties} tensorflow.TensorShapeProto.$Shape
         */

        /**
         * Constructs a new TensorShapeProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorShapeProto.
         * @constructor
         * @param {tensorflow.TensorShapeProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorShapeProto = function (properties) {
            this.dim = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorShapeProto dim.
         * @member {Array.<tensorflow.TensorShapeProto.Dim.$Properties>} dim
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.dim = $util.emptyArray;

        /**
         * TensorShapeProto unknownRank.
         * @member {boolean} unknownRank
         * @memberof tensorflow.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.unknownRank = false;

        /**
         * Creates a new TensorShapeProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {tensorflow.TensorShapeProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.TensorShapeProto} TensorShapeProto instance
         * @type {{
         *   (properties: tensorflow.TensorShapeProto.$Shape): tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape;
         *   (properties?: tensorflow.TensorShapeProto.$Properties): tensorflow.TensorShapeProto;
         * }}
         */
        TensorShapeProto.create = function(properties) {
            return new TensorShapeProto(properties);
        };

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link tensorflow.TensorShapeProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {tensorflow.TensorShapeProto.$Properties} message TensorShapeProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorShapeProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dim != null && message.dim.length)
                for (let i = 0; i < message.dim.length; ++i)
                    $root.tensorflow.TensorShapeProto.Dim.encode(message.dim[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.unknownRank != null && $Object.hasOwnProperty.call(message, "unknownRank") && message.unknownRank !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.unknownRank);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorShapeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorShapeProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.TensorShapeProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dim && message.dim.length))
                            message.dim = [];
                        message.dim.push($root.tensorflow.TensorShapeProto.Dim.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.unknownRank = value;
                        else
                            delete message.unknownRank;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TensorShapeProto.Dim = (function() {

            /**
             * Properties of a Dim.
             * @typedef {Object} tensorflow.TensorShapeProto.Dim.$Properties
             * @property {number|null} [size] Dim size
             * @property {string|null} [name] Dim name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dim.
             * @memberof tensorflow.TensorShapeProto
             * @interface IDim
             * @augments tensorflow.TensorShapeProto.Dim.$Properties
             * @deprecated Use tensorflow.TensorShapeProto.Dim.$Properties instead.
             */

            /**
             * Shape of a Dim.
             * @typedef {tensorflow.TensorShapeProto.Dim.$Properties} tensorflow.TensorShapeProto.Dim.$Shape
             */

            /**
             * Constructs a new Dim.
             * @memberof tensorflow.TensorShapeProto
             * @classdesc Represents a Dim.
             * @constructor
             * @param {tensorflow.TensorShapeProto.Dim.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dim = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Dim size.
             * @member {number} size
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Dim name.
             * @member {string} name
             * @memberof tensorflow.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.name = "";

            /**
             * Creates a new Dim instance using the specified properties.
             * @function create
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {tensorflow.TensorShapeProto.Dim.$Properties=} [properties] Properties to set
             * @returns {tensorflow.TensorShapeProto.Dim} Dim instance
             * @type {{
             *   (properties: tensorflow.TensorShapeProto.Dim.$Shape): tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape;
             *   (properties?: tensorflow.TensorShapeProto.Dim.$Properties): tensorflow.TensorShapeProto.Dim;
             * }}
             */
            Dim.create = function(properties) {
                return new Dim(properties);
            };

            /**
             * Encodes the specified Dim message. Does not implicitly {@link tensorflow.TensorShapeProto.Dim.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {tensorflow.TensorShapeProto.Dim.$Properties} message Dim message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Dim.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.size);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorShapeProto.Dim
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dim.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.TensorShapeProto.Dim();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    tensorflow.TrackableObjectGraph = (function() {

        /**
         * Properties of a TrackableObjectGraph.
         * @typedef {Object} tensorflow.TrackableObjectGraph.$Properties
         * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.$Properties>|null} [nodes] TrackableObjectGraph nodes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TrackableObjectGraph.
         * @memberof tensorflow
         * @interface ITrackableObjectGraph
         * @augments tensorflow.TrackableObjectGraph.$Properties
         * @deprecated Use tensorflow.TrackableObjectGraph.$Properties instead.
         */

        /**
         * Shape of a TrackableObjectGraph.
         * @typedef {tensorflow.TrackableObjectGraph.$Properties} tensorflow.TrackableObjectGraph.$Shape
         */

        /**
         * Constructs a new TrackableObjectGraph.
         * @memberof tensorflow
         * @classdesc Represents a TrackableObjectGraph.
         * @constructor
         * @param {tensorflow.TrackableObjectGraph.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TrackableObjectGraph = function (properties) {
            this.nodes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TrackableObjectGraph nodes.
         * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.$Properties>} nodes
         * @memberof tensorflow.TrackableObjectGraph
         * @instance
         */
        TrackableObjectGraph.prototype.nodes = $util.emptyArray;

        /**
         * Creates a new TrackableObjectGraph instance using the specified properties.
         * @function create
         * @memberof tensorflow.TrackableObjectGraph
         * @static
         * @param {tensorflow.TrackableObjectGraph.$Properties=} [properties] Properties to set
         * @returns {tensorflow.TrackableObjectGraph} TrackableObjectGraph instance
         * @type {{
         *   (properties: tensorflow.TrackableObjectGraph.$Shape): tensorflow.TrackableObjectGraph & tensorflow.TrackableObjectGraph.$Shape;
         *   (properties?: tensorflow.TrackableObjectGraph.$Properties): tensorflow.TrackableObjectGraph;
         * }}
         */
        TrackableObjectGraph.create = function(properties) {
            return new TrackableObjectGraph(properties);
        };

        /**
         * Encodes the specified TrackableObjectGraph message. Does not implicitly {@link tensorflow.TrackableObjectGraph.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TrackableObjectGraph
         * @static
         * @param {tensorflow.TrackableObjectGraph.$Properties} message TrackableObjectGraph message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TrackableObjectGraph.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.nodes != null && message.nodes.length)
                for (let i = 0; i < message.nodes.length; ++i)
                    $root.tensorflow.TrackableObjectGraph.TrackableObject.encode(message.nodes[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TrackableObjectGraph message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TrackableObjectGraph
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TrackableObjectGraph & tensorflow.TrackableObjectGraph.$Shape} TrackableObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TrackableObjectGraph.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.TrackableObjectGraph();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.nodes && message.nodes.length))
                            message.nodes = [];
                        message.nodes.push($root.tensorflow.TrackableObjectGraph.TrackableObject.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TrackableObjectGraph.TrackableObject = (function() {

            /**
             * Properties of a TrackableObject.
             * @typedef {Object} tensorflow.TrackableObjectGraph.TrackableObject.$Properties
             * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>|null} [children] TrackableObject children
             * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties>|null} [attributes] TrackableObject attributes
             * @property {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties>|null} [slotVariables] TrackableObject slotVariables
             * @property {tensorflow.RegisteredSaver.$Properties|null} [registeredSaver] TrackableObject registeredSaver
             * @property {google.protobuf.BoolValue.$Properties|null} [hasCheckpointValues] TrackableObject hasCheckpointValues
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrackableObject.
             * @memberof tensorflow.TrackableObjectGraph
             * @interface ITrackableObject
             * @augments tensorflow.TrackableObjectGraph.TrackableObject.$Properties
             * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.$Properties instead.
             */

            /**
             * Shape of a TrackableObject.
             * @typedef {tensorflow.TrackableObjectGraph.TrackableObject.$Properties} tensorflow.TrackableObjectGraph.TrackableObject.$Shape
             */

            /**
             * Constructs a new TrackableObject.
             * @memberof tensorflow.TrackableObjectGraph
             * @classdesc Represents a TrackableObject.
             * @constructor
             * @param {tensorflow.TrackableObjectGraph.TrackableObject.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrackableObject = function (properties) {
                this.children = [];
                this.attributes = [];
                this.slotVariables = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrackableObject children.
             * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties>} children
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @instance
             */
            TrackableObject.prototype.children = $util.emptyArray;

            /**
             * TrackableObject attributes.
             * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties>} attributes
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @instance
             */
            TrackableObject.prototype.attributes = $util.emptyArray;

            /**
             * TrackableObject slotVariables.
             * @member {Array.<tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties>} slotVariables
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @instance
             */
            TrackableObject.prototype.slotVariables = $util.emptyArray;

            /**
             * TrackableObject registeredSaver.
             * @member {tensorflow.RegisteredSaver.$Properties|null|undefined} registeredSaver
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @instance
             */
            TrackableObject.prototype.registeredSaver = null;

            /**
             * TrackableObject hasCheckpointValues.
             * @member {google.protobuf.BoolValue.$Properties|null|undefined} hasCheckpointValues
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @instance
             */
            TrackableObject.prototype.hasCheckpointValues = null;

            /**
             * Creates a new TrackableObject instance using the specified properties.
             * @function create
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @static
             * @param {tensorflow.TrackableObjectGraph.TrackableObject.$Properties=} [properties] Properties to set
             * @returns {tensorflow.TrackableObjectGraph.TrackableObject} TrackableObject instance
             * @type {{
             *   (properties: tensorflow.TrackableObjectGraph.TrackableObject.$Shape): tensorflow.TrackableObjectGraph.TrackableObject & tensorflow.TrackableObjectGraph.TrackableObject.$Shape;
             *   (properties?: tensorflow.TrackableObjectGraph.TrackableObject.$Properties): tensorflow.TrackableObjectGraph.TrackableObject;
             * }}
             */
            TrackableObject.create = function(properties) {
                return new TrackableObject(properties);
            };

            /**
             * Encodes the specified TrackableObject message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @static
             * @param {tensorflow.TrackableObjectGraph.TrackableObject.$Properties} message TrackableObject message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrackableObject.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.children != null && message.children.length)
                    for (let i = 0; i < message.children.length; ++i)
                        $root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.encode(message.children[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.attributes != null && message.attributes.length)
                    for (let i = 0; i < message.attributes.length; ++i)
                        $root.tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.encode(message.attributes[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.slotVariables != null && message.slotVariables.length)
                    for (let i = 0; i < message.slotVariables.length; ++i)
                        $root.tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.encode(message.slotVariables[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.registeredSaver != null && $Object.hasOwnProperty.call(message, "registeredSaver"))
                    $root.tensorflow.RegisteredSaver.encode(message.registeredSaver, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.hasCheckpointValues != null && $Object.hasOwnProperty.call(message, "hasCheckpointValues"))
                    $root.google.protobuf.BoolValue.encode(message.hasCheckpointValues, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TrackableObject message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TrackableObjectGraph.TrackableObject
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TrackableObjectGraph.TrackableObject & tensorflow.TrackableObjectGraph.TrackableObject.$Shape} TrackableObject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrackableObject.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.TrackableObjectGraph.TrackableObject();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.children && message.children.length))
                                message.children = [];
                            message.children.push($root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.attributes && message.attributes.length))
                                message.attributes = [];
                            message.attributes.push($root.tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.slotVariables && message.slotVariables.length))
                                message.slotVariables = [];
                            message.slotVariables.push($root.tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.registeredSaver = $root.tensorflow.RegisteredSaver.decode(reader, reader.size(), $undefined, _depth + 1, message.registeredSaver);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.hasCheckpointValues = $root.google.protobuf.BoolValue.decode(reader, reader.size(), $undefined, _depth + 1, message.hasCheckpointValues);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            TrackableObject.ObjectReference = (function() {

                /**
                 * Properties of an ObjectReference.
                 * @typedef {Object} tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties
                 * @property {number|null} [nodeId] ObjectReference nodeId
                 * @property {string|null} [localName] ObjectReference localName
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ObjectReference.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @interface IObjectReference
                 * @augments tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties
                 * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties instead.
                 */

                /**
                 * Shape of an ObjectReference.
                 * @typedef {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties} tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape
                 */

                /**
                 * Constructs a new ObjectReference.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @classdesc Represents an ObjectReference.
                 * @constructor
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ObjectReference = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ObjectReference nodeId.
                 * @member {number} nodeId
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference
                 * @instance
                 */
                ObjectReference.prototype.nodeId = 0;

                /**
                 * ObjectReference localName.
                 * @member {string} localName
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference
                 * @instance
                 */
                ObjectReference.prototype.localName = "";

                /**
                 * Creates a new ObjectReference instance using the specified properties.
                 * @function create
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties=} [properties] Properties to set
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference} ObjectReference instance
                 * @type {{
                 *   (properties: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference & tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape;
                 *   (properties?: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference;
                 * }}
                 */
                ObjectReference.create = function(properties) {
                    return new ObjectReference(properties);
                };

                /**
                 * Encodes the specified ObjectReference message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.verify|verify} messages.
                 * @function encode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties} message ObjectReference message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ObjectReference.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.nodeId);
                    if (message.localName != null && $Object.hasOwnProperty.call(message, "localName") && message.localName !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.localName);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ObjectReference message from the specified reader or buffer.
                 * @function decode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference & tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape} ObjectReference
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ObjectReference.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.nodeId = value;
                                else
                                    delete message.nodeId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.localName = value;
                                else
                                    delete message.localName;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return ObjectReference;
            })();

            TrackableObject.SerializedTensor = (function() {

                /**
                 * Properties of a SerializedTensor.
                 * @typedef {Object} tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties
                 * @property {string|null} [name] SerializedTensor name
                 * @property {string|null} [fullName] SerializedTensor fullName
                 * @property {string|null} [checkpointKey] SerializedTensor checkpointKey
                 * @property {boolean|null} [optionalRestore] SerializedTensor optionalRestore
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SerializedTensor.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @interface ISerializedTensor
                 * @augments tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties
                 * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties instead.
                 */

                /**
                 * Shape of a SerializedTensor.
                 * @typedef {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties} tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape
                 */

                /**
                 * Constructs a new SerializedTensor.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @classdesc Represents a SerializedTensor.
                 * @constructor
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SerializedTensor = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SerializedTensor name.
                 * @member {string} name
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @instance
                 */
                SerializedTensor.prototype.name = "";

                /**
                 * SerializedTensor fullName.
                 * @member {string} fullName
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @instance
                 */
                SerializedTensor.prototype.fullName = "";

                /**
                 * SerializedTensor checkpointKey.
                 * @member {string} checkpointKey
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @instance
                 */
                SerializedTensor.prototype.checkpointKey = "";

                /**
                 * SerializedTensor optionalRestore.
                 * @member {boolean} optionalRestore
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @instance
                 */
                SerializedTensor.prototype.optionalRestore = false;

                /**
                 * Creates a new SerializedTensor instance using the specified properties.
                 * @function create
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties=} [properties] Properties to set
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor} SerializedTensor instance
                 * @type {{
                 *   (properties: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor & tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape;
                 *   (properties?: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor;
                 * }}
                 */
                SerializedTensor.create = function(properties) {
                    return new SerializedTensor(properties);
                };

                /**
                 * Encodes the specified SerializedTensor message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.verify|verify} messages.
                 * @function encode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties} message SerializedTensor message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SerializedTensor.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                    if (message.fullName != null && $Object.hasOwnProperty.call(message, "fullName") && message.fullName !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.fullName);
                    if (message.checkpointKey != null && $Object.hasOwnProperty.call(message, "checkpointKey") && message.checkpointKey !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.checkpointKey);
                    if (message.optionalRestore != null && $Object.hasOwnProperty.call(message, "optionalRestore") && message.optionalRestore !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.optionalRestore);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SerializedTensor message from the specified reader or buffer.
                 * @function decode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor & tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape} SerializedTensor
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SerializedTensor.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.fullName = value;
                                else
                                    delete message.fullName;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.checkpointKey = value;
                                else
                                    delete message.checkpointKey;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.optionalRestore = value;
                                else
                                    delete message.optionalRestore;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SerializedTensor;
            })();

            TrackableObject.SlotVariableReference = (function() {

                /**
                 * Properties of a SlotVariableReference.
                 * @typedef {Object} tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties
                 * @property {number|null} [originalVariableNodeId] SlotVariableReference originalVariableNodeId
                 * @property {string|null} [slotName] SlotVariableReference slotName
                 * @property {number|null} [slotVariableNodeId] SlotVariableReference slotVariableNodeId
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SlotVariableReference.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @interface ISlotVariableReference
                 * @augments tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties
                 * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties instead.
                 */

                /**
                 * Shape of a SlotVariableReference.
                 * @typedef {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties} tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape
                 */

                /**
                 * Constructs a new SlotVariableReference.
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject
                 * @classdesc Represents a SlotVariableReference.
                 * @constructor
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SlotVariableReference = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SlotVariableReference originalVariableNodeId.
                 * @member {number} originalVariableNodeId
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @instance
                 */
                SlotVariableReference.prototype.originalVariableNodeId = 0;

                /**
                 * SlotVariableReference slotName.
                 * @member {string} slotName
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @instance
                 */
                SlotVariableReference.prototype.slotName = "";

                /**
                 * SlotVariableReference slotVariableNodeId.
                 * @member {number} slotVariableNodeId
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @instance
                 */
                SlotVariableReference.prototype.slotVariableNodeId = 0;

                /**
                 * Creates a new SlotVariableReference instance using the specified properties.
                 * @function create
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties=} [properties] Properties to set
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference} SlotVariableReference instance
                 * @type {{
                 *   (properties: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference & tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape;
                 *   (properties?: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference;
                 * }}
                 */
                SlotVariableReference.create = function(properties) {
                    return new SlotVariableReference(properties);
                };

                /**
                 * Encodes the specified SlotVariableReference message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.verify|verify} messages.
                 * @function encode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @static
                 * @param {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties} message SlotVariableReference message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SlotVariableReference.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.originalVariableNodeId != null && $Object.hasOwnProperty.call(message, "originalVariableNodeId") && message.originalVariableNodeId !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.originalVariableNodeId);
                    if (message.slotName != null && $Object.hasOwnProperty.call(message, "slotName") && message.slotName !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.slotName);
                    if (message.slotVariableNodeId != null && $Object.hasOwnProperty.call(message, "slotVariableNodeId") && message.slotVariableNodeId !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).int32(message.slotVariableNodeId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SlotVariableReference message from the specified reader or buffer.
                 * @function decode
                 * @memberof tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference & tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape} SlotVariableReference
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SlotVariableReference.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.originalVariableNodeId = value;
                                else
                                    delete message.originalVariableNodeId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.slotName = value;
                                else
                                    delete message.slotName;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.slotVariableNodeId = value;
                                else
                                    delete message.slotVariableNodeId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SlotVariableReference;
            })();

            return TrackableObject;
        })();

        return TrackableObjectGraph;
    })();

    tensorflow.RegisteredSaver = (function() {

        /**
         * Properties of a RegisteredSaver.
         * @typedef {Object} tensorflow.RegisteredSaver.$Properties
         * @property {string|null} [name] RegisteredSaver name
         * @property {string|null} [objectName] RegisteredSaver objectName
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RegisteredSaver.
         * @memberof tensorflow
         * @interface IRegisteredSaver
         * @augments tensorflow.RegisteredSaver.$Properties
         * @deprecated Use tensorflow.RegisteredSaver.$Properties instead.
         */

        /**
         * Shape of a RegisteredSaver.
         * @typedef {tensorflow.RegisteredSaver.$Properties} tensorflow.RegisteredSaver.$Shape
         */

        /**
         * Constructs a new RegisteredSaver.
         * @memberof tensorflow
         * @classdesc Represents a RegisteredSaver.
         * @constructor
         * @param {tensorflow.RegisteredSaver.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RegisteredSaver = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RegisteredSaver name.
         * @member {string} name
         * @memberof tensorflow.RegisteredSaver
         * @instance
         */
        RegisteredSaver.prototype.name = "";

        /**
         * RegisteredSaver objectName.
         * @member {string} objectName
         * @memberof tensorflow.RegisteredSaver
         * @instance
         */
        RegisteredSaver.prototype.objectName = "";

        /**
         * Creates a new RegisteredSaver instance using the specified properties.
         * @function create
         * @memberof tensorflow.RegisteredSaver
         * @static
         * @param {tensorflow.RegisteredSaver.$Properties=} [properties] Properties to set
         * @returns {tensorflow.RegisteredSaver} RegisteredSaver instance
         * @type {{
         *   (properties: tensorflow.RegisteredSaver.$Shape): tensorflow.RegisteredSaver & tensorflow.RegisteredSaver.$Shape;
         *   (properties?: tensorflow.RegisteredSaver.$Properties): tensorflow.RegisteredSaver;
         * }}
         */
        RegisteredSaver.create = function(properties) {
            return new RegisteredSaver(properties);
        };

        /**
         * Encodes the specified RegisteredSaver message. Does not implicitly {@link tensorflow.RegisteredSaver.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.RegisteredSaver
         * @static
         * @param {tensorflow.RegisteredSaver.$Properties} message RegisteredSaver message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RegisteredSaver.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.objectName != null && $Object.hasOwnProperty.call(message, "objectName") && message.objectName !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.objectName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RegisteredSaver message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.RegisteredSaver
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.RegisteredSaver & tensorflow.RegisteredSaver.$Shape} RegisteredSaver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RegisteredSaver.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.RegisteredSaver();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.objectName = value;
                        else
                            delete message.objectName;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RegisteredSaver;
    })();

    /**
     * DataType enum.
     * @name tensorflow.DataType
     * @enum {number}
     * @property {number} DT_INVALID=0 DT_INVALID value
     * @property {number} DT_FLOAT=1 DT_FLOAT value
     * @property {number} DT_DOUBLE=2 DT_DOUBLE value
     * @property {number} DT_INT32=3 DT_INT32 value
     * @property {number} DT_UINT8=4 DT_UINT8 value
     * @property {number} DT_INT16=5 DT_INT16 value
     * @property {number} DT_INT8=6 DT_INT8 value
     * @property {number} DT_STRING=7 DT_STRING value
     * @property {number} DT_COMPLEX64=8 DT_COMPLEX64 value
     * @property {number} DT_INT64=9 DT_INT64 value
     * @property {number} DT_BOOL=10 DT_BOOL value
     * @property {number} DT_QINT8=11 DT_QINT8 value
     * @property {number} DT_QUINT8=12 DT_QUINT8 value
     * @property {number} DT_QINT32=13 DT_QINT32 value
     * @property {number} DT_BFLOAT16=14 DT_BFLOAT16 value
     * @property {number} DT_QINT16=15 DT_QINT16 value
     * @property {number} DT_QUINT16=16 DT_QUINT16 value
     * @property {number} DT_UINT16=17 DT_UINT16 value
     * @property {number} DT_COMPLEX128=18 DT_COMPLEX128 value
     * @property {number} DT_HALF=19 DT_HALF value
     * @property {number} DT_RESOURCE=20 DT_RESOURCE value
     * @property {number} DT_VARIANT=21 DT_VARIANT value
     * @property {number} DT_UINT32=22 DT_UINT32 value
     * @property {number} DT_UINT64=23 DT_UINT64 value
     * @property {number} DT_FLOAT8_E5M2=24 DT_FLOAT8_E5M2 value
     * @property {number} DT_FLOAT8_E4M3FN=25 DT_FLOAT8_E4M3FN value
     * @property {number} DT_FLOAT8_E4M3FNUZ=26 DT_FLOAT8_E4M3FNUZ value
     * @property {number} DT_FLOAT8_E4M3B11FNUZ=27 DT_FLOAT8_E4M3B11FNUZ value
     * @property {number} DT_FLOAT8_E5M2FNUZ=28 DT_FLOAT8_E5M2FNUZ value
     * @property {number} DT_INT4=29 DT_INT4 value
     * @property {number} DT_UINT4=30 DT_UINT4 value
     * @property {number} DT_INT2=31 DT_INT2 value
     * @property {number} DT_UINT2=32 DT_UINT2 value
     * @property {number} DT_FLOAT_REF=101 DT_FLOAT_REF value
     * @property {number} DT_DOUBLE_REF=102 DT_DOUBLE_REF value
     * @property {number} DT_INT32_REF=103 DT_INT32_REF value
     * @property {number} DT_UINT8_REF=104 DT_UINT8_REF value
     * @property {number} DT_INT16_REF=105 DT_INT16_REF value
     * @property {number} DT_INT8_REF=106 DT_INT8_REF value
     * @property {number} DT_STRING_REF=107 DT_STRING_REF value
     * @property {number} DT_COMPLEX64_REF=108 DT_COMPLEX64_REF value
     * @property {number} DT_INT64_REF=109 DT_INT64_REF value
     * @property {number} DT_BOOL_REF=110 DT_BOOL_REF value
     * @property {number} DT_QINT8_REF=111 DT_QINT8_REF value
     * @property {number} DT_QUINT8_REF=112 DT_QUINT8_REF value
     * @property {number} DT_QINT32_REF=113 DT_QINT32_REF value
     * @property {number} DT_BFLOAT16_REF=114 DT_BFLOAT16_REF value
     * @property {number} DT_QINT16_REF=115 DT_QINT16_REF value
     * @property {number} DT_QUINT16_REF=116 DT_QUINT16_REF value
     * @property {number} DT_UINT16_REF=117 DT_UINT16_REF value
     * @property {number} DT_COMPLEX128_REF=118 DT_COMPLEX128_REF value
     * @property {number} DT_HALF_REF=119 DT_HALF_REF value
     * @property {number} DT_RESOURCE_REF=120 DT_RESOURCE_REF value
     * @property {number} DT_VARIANT_REF=121 DT_VARIANT_REF value
     * @property {number} DT_UINT32_REF=122 DT_UINT32_REF value
     * @property {number} DT_UINT64_REF=123 DT_UINT64_REF value
     * @property {number} DT_FLOAT8_E5M2_REF=124 DT_FLOAT8_E5M2_REF value
     * @property {number} DT_FLOAT8_E4M3FN_REF=125 DT_FLOAT8_E4M3FN_REF value
     * @property {number} DT_FLOAT8_E4M3FNUZ_REF=126 DT_FLOAT8_E4M3FNUZ_REF value
     * @property {number} DT_FLOAT8_E4M3B11FNUZ_REF=127 DT_FLOAT8_E4M3B11FNUZ_REF value
     * @property {number} DT_FLOAT8_E5M2FNUZ_REF=128 DT_FLOAT8_E5M2FNUZ_REF value
     * @property {number} DT_INT4_REF=129 DT_INT4_REF value
     * @property {number} DT_UINT4_REF=130 DT_UINT4_REF value
     */
    tensorflow.DataType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[8] = "DT_COMPLEX64"] = 8;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[11] = "DT_QINT8"] = 11;
        values[valuesById[12] = "DT_QUINT8"] = 12;
        values[valuesById[13] = "DT_QINT32"] = 13;
        values[valuesById[14] = "DT_BFLOAT16"] = 14;
        values[valuesById[15] = "DT_QINT16"] = 15;
        values[valuesById[16] = "DT_QUINT16"] = 16;
        values[valuesById[17] = "DT_UINT16"] = 17;
        values[valuesById[18] = "DT_COMPLEX128"] = 18;
        values[valuesById[19] = "DT_HALF"] = 19;
        values[valuesById[20] = "DT_RESOURCE"] = 20;
        values[valuesById[21] = "DT_VARIANT"] = 21;
        values[valuesById[22] = "DT_UINT32"] = 22;
        values[valuesById[23] = "DT_UINT64"] = 23;
        values[valuesById[24] = "DT_FLOAT8_E5M2"] = 24;
        values[valuesById[25] = "DT_FLOAT8_E4M3FN"] = 25;
        values[valuesById[26] = "DT_FLOAT8_E4M3FNUZ"] = 26;
        values[valuesById[27] = "DT_FLOAT8_E4M3B11FNUZ"] = 27;
        values[valuesById[28] = "DT_FLOAT8_E5M2FNUZ"] = 28;
        values[valuesById[29] = "DT_INT4"] = 29;
        values[valuesById[30] = "DT_UINT4"] = 30;
        values[valuesById[31] = "DT_INT2"] = 31;
        values[valuesById[32] = "DT_UINT2"] = 32;
        values[valuesById[101] = "DT_FLOAT_REF"] = 101;
        values[valuesById[102] = "DT_DOUBLE_REF"] = 102;
        values[valuesById[103] = "DT_INT32_REF"] = 103;
        values[valuesById[104] = "DT_UINT8_REF"] = 104;
        values[valuesById[105] = "DT_INT16_REF"] = 105;
        values[valuesById[106] = "DT_INT8_REF"] = 106;
        values[valuesById[107] = "DT_STRING_REF"] = 107;
        values[valuesById[108] = "DT_COMPLEX64_REF"] = 108;
        values[valuesById[109] = "DT_INT64_REF"] = 109;
        values[valuesById[110] = "DT_BOOL_REF"] = 110;
        values[valuesById[111] = "DT_QINT8_REF"] = 111;
        values[valuesById[112] = "DT_QUINT8_REF"] = 112;
        values[valuesById[113] = "DT_QINT32_REF"] = 113;
        values[valuesById[114] = "DT_BFLOAT16_REF"] = 114;
        values[valuesById[115] = "DT_QINT16_REF"] = 115;
        values[valuesById[116] = "DT_QUINT16_REF"] = 116;
        values[valuesById[117] = "DT_UINT16_REF"] = 117;
        values[valuesById[118] = "DT_COMPLEX128_REF"] = 118;
        values[valuesById[119] = "DT_HALF_REF"] = 119;
        values[valuesById[120] = "DT_RESOURCE_REF"] = 120;
        values[valuesById[121] = "DT_VARIANT_REF"] = 121;
        values[valuesById[122] = "DT_UINT32_REF"] = 122;
        values[valuesById[123] = "DT_UINT64_REF"] = 123;
        values[valuesById[124] = "DT_FLOAT8_E5M2_REF"] = 124;
        values[valuesById[125] = "DT_FLOAT8_E4M3FN_REF"] = 125;
        values[valuesById[126] = "DT_FLOAT8_E4M3FNUZ_REF"] = 126;
        values[valuesById[127] = "DT_FLOAT8_E4M3B11FNUZ_REF"] = 127;
        values[valuesById[128] = "DT_FLOAT8_E5M2FNUZ_REF"] = 128;
        values[valuesById[129] = "DT_INT4_REF"] = 129;
        values[valuesById[130] = "DT_UINT4_REF"] = 130;
        return values;
    })();

    tensorflow.VersionDef = (function() {

        /**
         * Properties of a VersionDef.
         * @typedef {Object} tensorflow.VersionDef.$Properties
         * @property {number|null} [producer] VersionDef producer
         * @property {number|null} [minConsumer] VersionDef minConsumer
         * @property {Array.<number>|null} [badConsumers] VersionDef badConsumers
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VersionDef.
         * @memberof tensorflow
         * @interface IVersionDef
         * @augments tensorflow.VersionDef.$Properties
         * @deprecated Use tensorflow.VersionDef.$Properties instead.
         */

        /**
         * Shape of a VersionDef.
         * @typedef {tensorflow.VersionDef.$Properties} tensorflow.VersionDef.$Shape
         */

        /**
         * Constructs a new VersionDef.
         * @memberof tensorflow
         * @classdesc Represents a VersionDef.
         * @constructor
         * @param {tensorflow.VersionDef.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VersionDef = function (properties) {
            this.badConsumers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VersionDef producer.
         * @member {number} producer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.producer = 0;

        /**
         * VersionDef minConsumer.
         * @member {number} minConsumer
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.minConsumer = 0;

        /**
         * VersionDef badConsumers.
         * @member {Array.<number>} badConsumers
         * @memberof tensorflow.VersionDef
         * @instance
         */
        VersionDef.prototype.badConsumers = $util.emptyArray;

        /**
         * Creates a new VersionDef instance using the specified properties.
         * @function create
         * @memberof tensorflow.VersionDef
         * @static
         * @param {tensorflow.VersionDef.$Properties=} [properties] Properties to set
         * @returns {tensorflow.VersionDef} VersionDef instance
         * @type {{
         *   (properties: tensorflow.VersionDef.$Shape): tensorflow.VersionDef & tensorflow.VersionDef.$Shape;
         *   (properties?: tensorflow.VersionDef.$Properties): tensorflow.VersionDef;
         * }}
         */
        VersionDef.create = function(properties) {
            return new VersionDef(properties);
        };

        /**
         * Encodes the specified VersionDef message. Does not implicitly {@link tensorflow.VersionDef.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.VersionDef
         * @static
         * @param {tensorflow.VersionDef.$Properties} message VersionDef message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VersionDef.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.producer != null && $Object.hasOwnProperty.call(message, "producer") && message.producer !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.producer);
            if (message.minConsumer != null && $Object.hasOwnProperty.call(message, "minConsumer") && message.minConsumer !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.minConsumer);
            if (message.badConsumers != null && message.badConsumers.length)
                writer.uint32(/* id 3, wireType 2 =*/26).int32s(message.badConsumers);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VersionDef message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.VersionDef
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.VersionDef & tensorflow.VersionDef.$Shape} VersionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VersionDef.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.VersionDef();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.producer = value;
                        else
                            delete message.producer;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.minConsumer = value;
                        else
                            delete message.minConsumer;
                        continue;
                    }
                case 3: {
                        if (wireType === 2) {
                            if (!(message.badConsumers && message.badConsumers.length))
                                message.badConsumers = [];
                            reader.int32s(message.badConsumers);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.badConsumers && message.badConsumers.length))
                            message.badConsumers = [];
                        message.badConsumers.push(reader.int32());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VersionDef;
    })();

    tensorflow.SavedModel = (function() {

        /**
         * Properties of a SavedModel.
         * @typedef {Object} tensorflow.SavedModel.$Properties
         * @property {number|null} [savedModelSchemaVersion] SavedModel savedModelSchemaVersion
         * @property {Array.<tensorflow.MetaGraphDef.$Properties>|null} [metaGraphs] SavedModel metaGraphs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedModel.
         * @memberof tensorflow
         * @interface ISavedModel
         * @augments tensorflow.SavedModel.$Properties
         * @deprecated Use tensorflow.SavedModel.$Properties instead.
         */

        /**
         * Shape of a SavedModel.
         * @typedef {{
         *   savedModelSchemaVersion?: number|null;
         *   metaGraphs?: Array.<tensorflow.MetaGraphDef.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedModel.$Shape
         */

        /**
         * Constructs a new SavedModel.
         * @memberof tensorflow
         * @classdesc Represents a SavedModel.
         * @constructor
         * @param {tensorflow.SavedModel.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedModel = function (properties) {
            this.metaGraphs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedModel savedModelSchemaVersion.
         * @member {number} savedModelSchemaVersion
         * @memberof tensorflow.SavedModel
         * @instance
         */
        SavedModel.prototype.savedModelSchemaVersion = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * SavedModel metaGraphs.
         * @member {Array.<tensorflow.MetaGraphDef.$Properties>} metaGraphs
         * @memberof tensorflow.SavedModel
         * @instance
         */
        SavedModel.prototype.metaGraphs = $util.emptyArray;

        /**
         * Creates a new SavedModel instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedModel
         * @static
         * @param {tensorflow.SavedModel.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedModel} SavedModel instance
         * @type {{
         *   (properties: tensorflow.SavedModel.$Shape): tensorflow.SavedModel & tensorflow.SavedModel.$Shape;
         *   (properties?: tensorflow.SavedModel.$Properties): tensorflow.SavedModel;
         * }}
         */
        SavedModel.create = function(properties) {
            return new SavedModel(properties);
        };

        /**
         * Encodes the specified SavedModel message. Does not implicitly {@link tensorflow.SavedModel.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedModel
         * @static
         * @param {tensorflow.SavedModel.$Properties} message SavedModel message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedModel.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.savedModelSchemaVersion != null && $Object.hasOwnProperty.call(message, "savedModelSchemaVersion") && (typeof message.savedModelSchemaVersion === "object" ? message.savedModelSchemaVersion.low || message.savedModelSchemaVersion.high : message.savedModelSchemaVersion !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.savedModelSchemaVersion);
            if (message.metaGraphs != null && message.metaGraphs.length)
                for (let i = 0; i < message.metaGraphs.length; ++i)
                    $root.tensorflow.MetaGraphDef.encode(message.metaGraphs[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedModel message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedModel
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedModel & tensorflow.SavedModel.$Shape} SavedModel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedModel.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedModel();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.savedModelSchemaVersion = value;
                        else
                            delete message.savedModelSchemaVersion;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.metaGraphs && message.metaGraphs.length))
                            message.metaGraphs = [];
                        message.metaGraphs.push($root.tensorflow.MetaGraphDef.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedModel;
    })();

    tensorflow.SavedSliceMeta = (function() {

        /**
         * Properties of a SavedSliceMeta.
         * @typedef {Object} tensorflow.SavedSliceMeta.$Properties
         * @property {string|null} [name] SavedSliceMeta name
         * @property {tensorflow.TensorShapeProto.$Properties|null} [shape] SavedSliceMeta shape
         * @property {tensorflow.DataType|null} [type] SavedSliceMeta type
         * @property {Array.<tensorflow.TensorSliceProto.$Properties>|null} [slice] SavedSliceMeta slice
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedSliceMeta.
         * @memberof tensorflow
         * @interface ISavedSliceMeta
         * @augments tensorflow.SavedSliceMeta.$Properties
         * @deprecated Use tensorflow.SavedSliceMeta.$Properties instead.
         */

        /**
         * Shape of a SavedSliceMeta.
         * @typedef {{
         *   name?: string|null;
         *   shape?: tensorflow.TensorShapeProto.$Shape|null;
         *   type?: tensorflow.DataType|null;
         *   slice?: Array.<tensorflow.TensorSliceProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedSliceMeta.$Shape
         */

        /**
         * Constructs a new SavedSliceMeta.
         * @memberof tensorflow
         * @classdesc Represents a SavedSliceMeta.
         * @constructor
         * @param {tensorflow.SavedSliceMeta.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedSliceMeta = function (properties) {
            this.slice = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedSliceMeta name.
         * @member {string} name
         * @memberof tensorflow.SavedSliceMeta
         * @instance
         */
        SavedSliceMeta.prototype.name = "";

        /**
         * SavedSliceMeta shape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} shape
         * @memberof tensorflow.SavedSliceMeta
         * @instance
         */
        SavedSliceMeta.prototype.shape = null;

        /**
         * SavedSliceMeta type.
         * @member {tensorflow.DataType} type
         * @memberof tensorflow.SavedSliceMeta
         * @instance
         */
        SavedSliceMeta.prototype.type = 0;

        /**
         * SavedSliceMeta slice.
         * @member {Array.<tensorflow.TensorSliceProto.$Properties>} slice
         * @memberof tensorflow.SavedSliceMeta
         * @instance
         */
        SavedSliceMeta.prototype.slice = $util.emptyArray;

        /**
         * Creates a new SavedSliceMeta instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedSliceMeta
         * @static
         * @param {tensorflow.SavedSliceMeta.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedSliceMeta} SavedSliceMeta instance
         * @type {{
         *   (properties: tensorflow.SavedSliceMeta.$Shape): tensorflow.SavedSliceMeta & tensorflow.SavedSliceMeta.$Shape;
         *   (properties?: tensorflow.SavedSliceMeta.$Properties): tensorflow.SavedSliceMeta;
         * }}
         */
        SavedSliceMeta.create = function(properties) {
            return new SavedSliceMeta(properties);
        };

        /**
         * Encodes the specified SavedSliceMeta message. Does not implicitly {@link tensorflow.SavedSliceMeta.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedSliceMeta
         * @static
         * @param {tensorflow.SavedSliceMeta.$Properties} message SavedSliceMeta message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedSliceMeta.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
                $root.tensorflow.TensorShapeProto.encode(message.shape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.type);
            if (message.slice != null && message.slice.length)
                for (let i = 0; i < message.slice.length; ++i)
                    $root.tensorflow.TensorSliceProto.encode(message.slice[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedSliceMeta message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedSliceMeta
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedSliceMeta & tensorflow.SavedSliceMeta.$Shape} SavedSliceMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedSliceMeta.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedSliceMeta();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.slice && message.slice.length))
                            message.slice = [];
                        message.slice.push($root.tensorflow.TensorSliceProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedSliceMeta;
    })();

    tensorflow.SavedTensorSliceMeta = (function() {

        /**
         * Properties of a SavedTensorSliceMeta.
         * @typedef {Object} tensorflow.SavedTensorSliceMeta.$Properties
         * @property {Array.<tensorflow.SavedSliceMeta.$Properties>|null} [tensor] SavedTensorSliceMeta tensor
         * @property {tensorflow.VersionDef.$Properties|null} [versions] SavedTensorSliceMeta versions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedTensorSliceMeta.
         * @memberof tensorflow
         * @interface ISavedTensorSliceMeta
         * @augments tensorflow.SavedTensorSliceMeta.$Properties
         * @deprecated Use tensorflow.SavedTensorSliceMeta.$Properties instead.
         */

        /**
         * Shape of a SavedTensorSliceMeta.
         * @typedef {{
         *   tensor?: Array.<tensorflow.SavedSliceMeta.$Shape>|null;
         *   versions?: tensorflow.VersionDef.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedTensorSliceMeta.$Shape
         */

        /**
         * Constructs a new SavedTensorSliceMeta.
         * @memberof tensorflow
         * @classdesc Represents a SavedTensorSliceMeta.
         * @constructor
         * @param {tensorflow.SavedTensorSliceMeta.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedTensorSliceMeta = function (properties) {
            this.tensor = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedTensorSliceMeta tensor.
         * @member {Array.<tensorflow.SavedSliceMeta.$Properties>} tensor
         * @memberof tensorflow.SavedTensorSliceMeta
         * @instance
         */
        SavedTensorSliceMeta.prototype.tensor = $util.emptyArray;

        /**
         * SavedTensorSliceMeta versions.
         * @member {tensorflow.VersionDef.$Properties|null|undefined} versions
         * @memberof tensorflow.SavedTensorSliceMeta
         * @instance
         */
        SavedTensorSliceMeta.prototype.versions = null;

        /**
         * Creates a new SavedTensorSliceMeta instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedTensorSliceMeta
         * @static
         * @param {tensorflow.SavedTensorSliceMeta.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedTensorSliceMeta} SavedTensorSliceMeta instance
         * @type {{
         *   (properties: tensorflow.SavedTensorSliceMeta.$Shape): tensorflow.SavedTensorSliceMeta & tensorflow.SavedTensorSliceMeta.$Shape;
         *   (properties?: tensorflow.SavedTensorSliceMeta.$Properties): tensorflow.SavedTensorSliceMeta;
         * }}
         */
        SavedTensorSliceMeta.create = function(properties) {
            return new SavedTensorSliceMeta(properties);
        };

        /**
         * Encodes the specified SavedTensorSliceMeta message. Does not implicitly {@link tensorflow.SavedTensorSliceMeta.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedTensorSliceMeta
         * @static
         * @param {tensorflow.SavedTensorSliceMeta.$Properties} message SavedTensorSliceMeta message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedTensorSliceMeta.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tensor != null && message.tensor.length)
                for (let i = 0; i < message.tensor.length; ++i)
                    $root.tensorflow.SavedSliceMeta.encode(message.tensor[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.versions != null && $Object.hasOwnProperty.call(message, "versions"))
                $root.tensorflow.VersionDef.encode(message.versions, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedTensorSliceMeta message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedTensorSliceMeta
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedTensorSliceMeta & tensorflow.SavedTensorSliceMeta.$Shape} SavedTensorSliceMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedTensorSliceMeta.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedTensorSliceMeta();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tensor && message.tensor.length))
                            message.tensor = [];
                        message.tensor.push($root.tensorflow.SavedSliceMeta.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.versions = $root.tensorflow.VersionDef.decode(reader, reader.size(), $undefined, _depth + 1, message.versions);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedTensorSliceMeta;
    })();

    tensorflow.SavedSlice = (function() {

        /**
         * Properties of a SavedSlice.
         * @typedef {Object} tensorflow.SavedSlice.$Properties
         * @property {string|null} [name] SavedSlice name
         * @property {tensorflow.TensorSliceProto.$Properties|null} [slice] SavedSlice slice
         * @property {tensorflow.TensorProto.$Properties|null} [data] SavedSlice data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedSlice.
         * @memberof tensorflow
         * @interface ISavedSlice
         * @augments tensorflow.SavedSlice.$Properties
         * @deprecated Use tensorflow.SavedSlice.$Properties instead.
         */

        /**
         * Shape of a SavedSlice.
         * @typedef {{
         *   name?: string|null;
         *   slice?: tensorflow.TensorSliceProto.$Shape|null;
         *   data?: tensorflow.TensorProto.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedSlice.$Shape
         */

        /**
         * Constructs a new SavedSlice.
         * @memberof tensorflow
         * @classdesc Represents a SavedSlice.
         * @constructor
         * @param {tensorflow.SavedSlice.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedSlice = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedSlice name.
         * @member {string} name
         * @memberof tensorflow.SavedSlice
         * @instance
         */
        SavedSlice.prototype.name = "";

        /**
         * SavedSlice slice.
         * @member {tensorflow.TensorSliceProto.$Properties|null|undefined} slice
         * @memberof tensorflow.SavedSlice
         * @instance
         */
        SavedSlice.prototype.slice = null;

        /**
         * SavedSlice data.
         * @member {tensorflow.TensorProto.$Properties|null|undefined} data
         * @memberof tensorflow.SavedSlice
         * @instance
         */
        SavedSlice.prototype.data = null;

        /**
         * Creates a new SavedSlice instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedSlice
         * @static
         * @param {tensorflow.SavedSlice.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedSlice} SavedSlice instance
         * @type {{
         *   (properties: tensorflow.SavedSlice.$Shape): tensorflow.SavedSlice & tensorflow.SavedSlice.$Shape;
         *   (properties?: tensorflow.SavedSlice.$Properties): tensorflow.SavedSlice;
         * }}
         */
        SavedSlice.create = function(properties) {
            return new SavedSlice(properties);
        };

        /**
         * Encodes the specified SavedSlice message. Does not implicitly {@link tensorflow.SavedSlice.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedSlice
         * @static
         * @param {tensorflow.SavedSlice.$Properties} message SavedSlice message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedSlice.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.slice != null && $Object.hasOwnProperty.call(message, "slice"))
                $root.tensorflow.TensorSliceProto.encode(message.slice, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                $root.tensorflow.TensorProto.encode(message.data, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedSlice message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedSlice
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedSlice & tensorflow.SavedSlice.$Shape} SavedSlice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedSlice.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedSlice();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.slice = $root.tensorflow.TensorSliceProto.decode(reader, reader.size(), $undefined, _depth + 1, message.slice);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.data = $root.tensorflow.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1, message.data);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedSlice;
    })();

    tensorflow.SavedTensorSlices = (function() {

        /**
         * Properties of a SavedTensorSlices.
         * @typedef {Object} tensorflow.SavedTensorSlices.$Properties
         * @property {tensorflow.SavedTensorSliceMeta.$Properties|null} [meta] SavedTensorSlices meta
         * @property {tensorflow.SavedSlice.$Properties|null} [data] SavedTensorSlices data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SavedTensorSlices.
         * @memberof tensorflow
         * @interface ISavedTensorSlices
         * @augments tensorflow.SavedTensorSlices.$Properties
         * @deprecated Use tensorflow.SavedTensorSlices.$Properties instead.
         */

        /**
         * Shape of a SavedTensorSlices.
         * @typedef {{
         *   meta?: tensorflow.SavedTensorSliceMeta.$Shape|null;
         *   data?: tensorflow.SavedSlice.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.SavedTensorSlices.$Shape
         */

        /**
         * Constructs a new SavedTensorSlices.
         * @memberof tensorflow
         * @classdesc Represents a SavedTensorSlices.
         * @constructor
         * @param {tensorflow.SavedTensorSlices.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SavedTensorSlices = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SavedTensorSlices meta.
         * @member {tensorflow.SavedTensorSliceMeta.$Properties|null|undefined} meta
         * @memberof tensorflow.SavedTensorSlices
         * @instance
         */
        SavedTensorSlices.prototype.meta = null;

        /**
         * SavedTensorSlices data.
         * @member {tensorflow.SavedSlice.$Properties|null|undefined} data
         * @memberof tensorflow.SavedTensorSlices
         * @instance
         */
        SavedTensorSlices.prototype.data = null;

        /**
         * Creates a new SavedTensorSlices instance using the specified properties.
         * @function create
         * @memberof tensorflow.SavedTensorSlices
         * @static
         * @param {tensorflow.SavedTensorSlices.$Properties=} [properties] Properties to set
         * @returns {tensorflow.SavedTensorSlices} SavedTensorSlices instance
         * @type {{
         *   (properties: tensorflow.SavedTensorSlices.$Shape): tensorflow.SavedTensorSlices & tensorflow.SavedTensorSlices.$Shape;
         *   (properties?: tensorflow.SavedTensorSlices.$Properties): tensorflow.SavedTensorSlices;
         * }}
         */
        SavedTensorSlices.create = function(properties) {
            return new SavedTensorSlices(properties);
        };

        /**
         * Encodes the specified SavedTensorSlices message. Does not implicitly {@link tensorflow.SavedTensorSlices.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.SavedTensorSlices
         * @static
         * @param {tensorflow.SavedTensorSlices.$Properties} message SavedTensorSlices message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SavedTensorSlices.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                $root.tensorflow.SavedTensorSliceMeta.encode(message.meta, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                $root.tensorflow.SavedSlice.encode(message.data, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SavedTensorSlices message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.SavedTensorSlices
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.SavedTensorSlices & tensorflow.SavedTensorSlices.$Shape} SavedTensorSlices
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SavedTensorSlices.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.SavedTensorSlices();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.meta = $root.tensorflow.SavedTensorSliceMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.meta);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.data = $root.tensorflow.SavedSlice.decode(reader, reader.size(), $undefined, _depth + 1, message.data);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SavedTensorSlices;
    })();

    tensorflow.TensorProto = (function() {

        /**
         * Properties of a TensorProto.
         * @typedef {Object} tensorflow.TensorProto.$Properties
         * @property {tensorflow.DataType|null} [dtype] TensorProto dtype
         * @property {tensorflow.TensorShapeProto.$Properties|null} [tensorShape] TensorProto tensorShape
         * @property {number|null} [versionNumber] TensorProto versionNumber
         * @property {Uint8Array|null} [tensorContent] TensorProto tensorContent
         * @property {Array.<number>|null} [halfVal] TensorProto halfVal
         * @property {Array.<number>|null} [floatVal] TensorProto floatVal
         * @property {Array.<number>|null} [doubleVal] TensorProto doubleVal
         * @property {Array.<number>|null} [intVal] TensorProto intVal
         * @property {Array.<Uint8Array>|null} [stringVal] TensorProto stringVal
         * @property {Array.<number>|null} [scomplexVal] TensorProto scomplexVal
         * @property {Array.<number>|null} [int64Val] TensorProto int64Val
         * @property {Array.<boolean>|null} [boolVal] TensorProto boolVal
         * @property {Array.<number>|null} [dcomplexVal] TensorProto dcomplexVal
         * @property {Array.<Uint8Array>|null} [resourceHandleVal] TensorProto resourceHandleVal
         * @property {Array.<tensorflow.VariantTensorDataProto.$Properties>|null} [variantVal] TensorProto variantVal
         * @property {Array.<number>|null} [uint32Val] TensorProto uint32Val
         * @property {Array.<number>|null} [uint64Val] TensorProto uint64Val
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorProto.
         * @memberof tensorflow
         * @interface ITensorProto
         * @augments tensorflow.TensorProto.$Properties
         * @deprecated Use tensorflow.TensorProto.$Properties instead.
         */

        /**
         * Shape of a TensorProto.
         * @typedef {tensorflow.TensorProto.$Properties} tensorflow.TensorProto.$Shape
         */

        /**
         * Constructs a new TensorProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorProto.
         * @constructor
         * @param {tensorflow.TensorProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorProto = function (properties) {
            this.halfVal = [];
            this.floatVal = [];
            this.doubleVal = [];
            this.intVal = [];
            this.stringVal = [];
            this.scomplexVal = [];
            this.int64Val = [];
            this.boolVal = [];
            this.dcomplexVal = [];
            this.resourceHandleVal = [];
            this.variantVal = [];
            this.uint32Val = [];
            this.uint64Val = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorProto dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dtype = 0;

        /**
         * TensorProto tensorShape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} tensorShape
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensorShape = null;

        /**
         * TensorProto versionNumber.
         * @member {number} versionNumber
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.versionNumber = 0;

        /**
         * TensorProto tensorContent.
         * @member {Uint8Array} tensorContent
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.tensorContent = $util.newBuffer([]);

        /**
         * TensorProto halfVal.
         * @member {Array.<number>} halfVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.halfVal = $util.emptyArray;

        /**
         * TensorProto floatVal.
         * @member {Array.<number>} floatVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.floatVal = $util.emptyArray;

        /**
         * TensorProto doubleVal.
         * @member {Array.<number>} doubleVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.doubleVal = $util.emptyArray;

        /**
         * TensorProto intVal.
         * @member {Array.<number>} intVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.intVal = $util.emptyArray;

        /**
         * TensorProto stringVal.
         * @member {Array.<Uint8Array>} stringVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.stringVal = $util.emptyArray;

        /**
         * TensorProto scomplexVal.
         * @member {Array.<number>} scomplexVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.scomplexVal = $util.emptyArray;

        /**
         * TensorProto int64Val.
         * @member {Array.<number>} int64Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.int64Val = $util.emptyArray;

        /**
         * TensorProto boolVal.
         * @member {Array.<boolean>} boolVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.boolVal = $util.emptyArray;

        /**
         * TensorProto dcomplexVal.
         * @member {Array.<number>} dcomplexVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.dcomplexVal = $util.emptyArray;

        /**
         * TensorProto resourceHandleVal.
         * @member {Array.<Uint8Array>} resourceHandleVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.resourceHandleVal = $util.emptyArray;

        /**
         * TensorProto variantVal.
         * @member {Array.<tensorflow.VariantTensorDataProto.$Properties>} variantVal
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.variantVal = $util.emptyArray;

        /**
         * TensorProto uint32Val.
         * @member {Array.<number>} uint32Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint32Val = $util.emptyArray;

        /**
         * TensorProto uint64Val.
         * @member {Array.<number>} uint64Val
         * @memberof tensorflow.TensorProto
         * @instance
         */
        TensorProto.prototype.uint64Val = $util.emptyArray;

        /**
         * Creates a new TensorProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.TensorProto
         * @static
         * @param {tensorflow.TensorProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.TensorProto} TensorProto instance
         * @type {{
         *   (properties: tensorflow.TensorProto.$Shape): tensorflow.TensorProto & tensorflow.TensorProto.$Shape;
         *   (properties?: tensorflow.TensorProto.$Properties): tensorflow.TensorProto;
         * }}
         */
        TensorProto.create = function(properties) {
            return new TensorProto(properties);
        };

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link tensorflow.TensorProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorProto
         * @static
         * @param {tensorflow.TensorProto.$Properties} message TensorProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.dtype);
            if (message.tensorShape != null && $Object.hasOwnProperty.call(message, "tensorShape"))
                $root.tensorflow.TensorShapeProto.encode(message.tensorShape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.versionNumber != null && $Object.hasOwnProperty.call(message, "versionNumber") && message.versionNumber !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.versionNumber);
            if (message.tensorContent != null && $Object.hasOwnProperty.call(message, "tensorContent") && message.tensorContent.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.tensorContent);
            if (message.floatVal != null && message.floatVal.length)
                writer.uint32(/* id 5, wireType 2 =*/42).floats(message.floatVal);
            if (message.doubleVal != null && message.doubleVal.length)
                writer.uint32(/* id 6, wireType 2 =*/50).doubles(message.doubleVal);
            if (message.intVal != null && message.intVal.length)
                writer.uint32(/* id 7, wireType 2 =*/58).int32s(message.intVal);
            if (message.stringVal != null && message.stringVal.length)
                for (let i = 0; i < message.stringVal.length; ++i)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.stringVal[i]);
            if (message.scomplexVal != null && message.scomplexVal.length)
                writer.uint32(/* id 9, wireType 2 =*/74).floats(message.scomplexVal);
            if (message.int64Val != null && message.int64Val.length)
                writer.uint32(/* id 10, wireType 2 =*/82).int64s(message.int64Val);
            if (message.boolVal != null && message.boolVal.length)
                writer.uint32(/* id 11, wireType 2 =*/90).bools(message.boolVal);
            if (message.dcomplexVal != null && message.dcomplexVal.length)
                writer.uint32(/* id 12, wireType 2 =*/98).doubles(message.dcomplexVal);
            if (message.halfVal != null && message.halfVal.length)
                writer.uint32(/* id 13, wireType 2 =*/106).int32s(message.halfVal);
            if (message.resourceHandleVal != null && message.resourceHandleVal.length)
                for (let i = 0; i < message.resourceHandleVal.length; ++i)
                    writer.uint32(/* id 14, wireType 2 =*/114).bytes(message.resourceHandleVal[i]);
            if (message.variantVal != null && message.variantVal.length)
                for (let i = 0; i < message.variantVal.length; ++i)
                    $root.tensorflow.VariantTensorDataProto.encode(message.variantVal[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.uint32Val != null && message.uint32Val.length)
                writer.uint32(/* id 16, wireType 2 =*/130).uint32s(message.uint32Val);
            if (message.uint64Val != null && message.uint64Val.length)
                writer.uint32(/* id 17, wireType 2 =*/138).uint64s(message.uint64Val);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorProto & tensorflow.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.TensorProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.tensorShape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensorShape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.versionNumber = value;
                        else
                            delete message.versionNumber;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.tensorContent = value;
                        else
                            delete message.tensorContent;
                        continue;
                    }
                case 13: {
                        if (wireType === 2) {
                            if (!(message.halfVal && message.halfVal.length))
                                message.halfVal = [];
                            reader.int32s(message.halfVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.halfVal && message.halfVal.length))
                            message.halfVal = [];
                        message.halfVal.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.floatVal && message.floatVal.length))
                                message.floatVal = [];
                            reader.floats(message.floatVal);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.floatVal && message.floatVal.length))
                            message.floatVal = [];
                        message.floatVal.push(reader.float());
                        continue;
                    }
                case 6: {
                        if (wireType === 2) {
                            if (!(message.doubleVal && message.doubleVal.length))
                                message.doubleVal = [];
                            reader.doubles(message.doubleVal);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.doubleVal && message.doubleVal.length))
                            message.doubleVal = [];
                        message.doubleVal.push(reader.double());
                        continue;
                    }
                case 7: {
                        if (wireType === 2) {
                            if (!(message.intVal && message.intVal.length))
                                message.intVal = [];
                            reader.int32s(message.intVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.intVal && message.intVal.length))
                            message.intVal = [];
                        message.intVal.push(reader.int32());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.stringVal && message.stringVal.length))
                            message.stringVal = [];
                        message.stringVal.push(reader.bytes());
                        continue;
                    }
                case 9: {
                        if (wireType === 2) {
                            if (!(message.scomplexVal && message.scomplexVal.length))
                                message.scomplexVal = [];
                            reader.floats(message.scomplexVal);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.scomplexVal && message.scomplexVal.length))
                            message.scomplexVal = [];
                        message.scomplexVal.push(reader.float());
                        continue;
                    }
                case 10: {
                        if (wireType === 2) {
                            if (!(message.int64Val && message.int64Val.length))
                                message.int64Val = [];
                            reader.int64s(message.int64Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.int64Val && message.int64Val.length))
                            message.int64Val = [];
                        message.int64Val.push(reader.int64());
                        continue;
                    }
                case 11: {
                        if (wireType === 2) {
                            if (!(message.boolVal && message.boolVal.length))
                                message.boolVal = [];
                            reader.bools(message.boolVal);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.boolVal && message.boolVal.length))
                            message.boolVal = [];
                        message.boolVal.push(reader.bool());
                        continue;
                    }
                case 12: {
                        if (wireType === 2) {
                            if (!(message.dcomplexVal && message.dcomplexVal.length))
                                message.dcomplexVal = [];
                            reader.doubles(message.dcomplexVal);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.dcomplexVal && message.dcomplexVal.length))
                            message.dcomplexVal = [];
                        message.dcomplexVal.push(reader.double());
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        if (!(message.resourceHandleVal && message.resourceHandleVal.length))
                            message.resourceHandleVal = [];
                        message.resourceHandleVal.push(reader.bytes());
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        if (!(message.variantVal && message.variantVal.length))
                            message.variantVal = [];
                        message.variantVal.push($root.tensorflow.VariantTensorDataProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 16: {
                        if (wireType === 2) {
                            if (!(message.uint32Val && message.uint32Val.length))
                                message.uint32Val = [];
                            reader.uint32s(message.uint32Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint32Val && message.uint32Val.length))
                            message.uint32Val = [];
                        message.uint32Val.push(reader.uint32());
                        continue;
                    }
                case 17: {
                        if (wireType === 2) {
                            if (!(message.uint64Val && message.uint64Val.length))
                                message.uint64Val = [];
                            reader.uint64s(message.uint64Val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.uint64Val && message.uint64Val.length))
                            message.uint64Val = [];
                        message.uint64Val.push(reader.uint64());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TensorProto;
    })();

    tensorflow.VariantTensorDataProto = (function() {

        /**
         * Properties of a VariantTensorDataProto.
         * @typedef {Object} tensorflow.VariantTensorDataProto.$Properties
         * @property {string|null} [typeName] VariantTensorDataProto typeName
         * @property {Uint8Array|null} [metadata] VariantTensorDataProto metadata
         * @property {Array.<tensorflow.TensorProto.$Properties>|null} [tensors] VariantTensorDataProto tensors
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VariantTensorDataProto.
         * @memberof tensorflow
         * @interface IVariantTensorDataProto
         * @augments tensorflow.VariantTensorDataProto.$Properties
         * @deprecated Use tensorflow.VariantTensorDataProto.$Properties instead.
         */

        /**
         * Shape of a VariantTensorDataProto.
         * @typedef {tensorflow.VariantTensorDataProto.$Properties} tensorflow.VariantTensorDataProto.$Shape
         */

        /**
         * Constructs a new VariantTensorDataProto.
         * @memberof tensorflow
         * @classdesc Represents a VariantTensorDataProto.
         * @constructor
         * @param {tensorflow.VariantTensorDataProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VariantTensorDataProto = function (properties) {
            this.tensors = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VariantTensorDataProto typeName.
         * @member {string} typeName
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.typeName = "";

        /**
         * VariantTensorDataProto metadata.
         * @member {Uint8Array} metadata
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.metadata = $util.newBuffer([]);

        /**
         * VariantTensorDataProto tensors.
         * @member {Array.<tensorflow.TensorProto.$Properties>} tensors
         * @memberof tensorflow.VariantTensorDataProto
         * @instance
         */
        VariantTensorDataProto.prototype.tensors = $util.emptyArray;

        /**
         * Creates a new VariantTensorDataProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {tensorflow.VariantTensorDataProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.VariantTensorDataProto} VariantTensorDataProto instance
         * @type {{
         *   (properties: tensorflow.VariantTensorDataProto.$Shape): tensorflow.VariantTensorDataProto & tensorflow.VariantTensorDataProto.$Shape;
         *   (properties?: tensorflow.VariantTensorDataProto.$Properties): tensorflow.VariantTensorDataProto;
         * }}
         */
        VariantTensorDataProto.create = function(properties) {
            return new VariantTensorDataProto(properties);
        };

        /**
         * Encodes the specified VariantTensorDataProto message. Does not implicitly {@link tensorflow.VariantTensorDataProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {tensorflow.VariantTensorDataProto.$Properties} message VariantTensorDataProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VariantTensorDataProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.typeName != null && $Object.hasOwnProperty.call(message, "typeName") && message.typeName !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.typeName);
            if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata") && message.metadata.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.metadata);
            if (message.tensors != null && message.tensors.length)
                for (let i = 0; i < message.tensors.length; ++i)
                    $root.tensorflow.TensorProto.encode(message.tensors[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VariantTensorDataProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.VariantTensorDataProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.VariantTensorDataProto & tensorflow.VariantTensorDataProto.$Shape} VariantTensorDataProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VariantTensorDataProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.VariantTensorDataProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.typeName = value;
                        else
                            delete message.typeName;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.metadata = value;
                        else
                            delete message.metadata;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tensors && message.tensors.length))
                            message.tensors = [];
                        message.tensors.push($root.tensorflow.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return VariantTensorDataProto;
    })();

    tensorflow.TensorSliceProto = (function() {

        /**
         * Properties of a TensorSliceProto.
         * @typedef {Object} tensorflow.TensorSliceProto.$Properties
         * @property {Array.<tensorflow.TensorSliceProto.Extent.$Properties>|null} [extent] TensorSliceProto extent
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorSliceProto.
         * @memberof tensorflow
         * @interface ITensorSliceProto
         * @augments tensorflow.TensorSliceProto.$Properties
         * @deprecated Use tensorflow.TensorSliceProto.$Properties instead.
         */

        /**
         * Shape of a TensorSliceProto.
         * @typedef {{
         *   extent?: Array.<tensorflow.TensorSliceProto.Extent.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.TensorSliceProto.$Shape
         */

        /**
         * Constructs a new TensorSliceProto.
         * @memberof tensorflow
         * @classdesc Represents a TensorSliceProto.
         * @constructor
         * @param {tensorflow.TensorSliceProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorSliceProto = function (properties) {
            this.extent = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorSliceProto extent.
         * @member {Array.<tensorflow.TensorSliceProto.Extent.$Properties>} extent
         * @memberof tensorflow.TensorSliceProto
         * @instance
         */
        TensorSliceProto.prototype.extent = $util.emptyArray;

        /**
         * Creates a new TensorSliceProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.TensorSliceProto
         * @static
         * @param {tensorflow.TensorSliceProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.TensorSliceProto} TensorSliceProto instance
         * @type {{
         *   (properties: tensorflow.TensorSliceProto.$Shape): tensorflow.TensorSliceProto & tensorflow.TensorSliceProto.$Shape;
         *   (properties?: tensorflow.TensorSliceProto.$Properties): tensorflow.TensorSliceProto;
         * }}
         */
        TensorSliceProto.create = function(properties) {
            return new TensorSliceProto(properties);
        };

        /**
         * Encodes the specified TensorSliceProto message. Does not implicitly {@link tensorflow.TensorSliceProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.TensorSliceProto
         * @static
         * @param {tensorflow.TensorSliceProto.$Properties} message TensorSliceProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TensorSliceProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.extent != null && message.extent.length)
                for (let i = 0; i < message.extent.length; ++i)
                    $root.tensorflow.TensorSliceProto.Extent.encode(message.extent[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TensorSliceProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.TensorSliceProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.TensorSliceProto & tensorflow.TensorSliceProto.$Shape} TensorSliceProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorSliceProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.TensorSliceProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.extent && message.extent.length))
                            message.extent = [];
                        message.extent.push($root.tensorflow.TensorSliceProto.Extent.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        TensorSliceProto.Extent = (function() {

            /**
             * Properties of an Extent.
             * @typedef {Object} tensorflow.TensorSliceProto.Extent.$Properties
             * @property {number|null} [start] Extent start
             * @property {number|null} [length] Extent length
             * @property {"length"} [hasLength] Extent hasLength
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Extent.
             * @memberof tensorflow.TensorSliceProto
             * @interface IExtent
             * @augments tensorflow.TensorSliceProto.Extent.$Properties
             * @deprecated Use tensorflow.TensorSliceProto.Extent.$Properties instead.
             */

            /**
             * Narrowed shape of an Extent.
             * @typedef {{
             *   start?: number|null;
             *   length?: number|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ hasLength?: undefined; length?: null }|{ hasLength?: "length"; length: number })
             * )} tensorflow.TensorSliceProto.Extent.$Shape
             */

            /**
             * Constructs a new Extent.
             * @memberof tensorflow.TensorSliceProto
             * @classdesc Represents an Extent.
             * @constructor
             * @param {tensorflow.TensorSliceProto.Extent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Extent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Extent start.
             * @member {number} start
             * @memberof tensorflow.TensorSliceProto.Extent
             * @instance
             */
            Extent.prototype.start = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Extent length.
             * @member {number|null|undefined} length
             * @memberof tensorflow.TensorSliceProto.Extent
             * @instance
             */
            Extent.prototype.length = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Extent hasLength.
             * @member {"length"|undefined} hasLength
             * @memberof tensorflow.TensorSliceProto.Extent
             * @instance
             */
            $Object.defineProperty(Extent.prototype, "hasLength", {
                get: $util.oneOfGetter($oneOfFields = ["length"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Extent instance using the specified properties.
             * @function create
             * @memberof tensorflow.TensorSliceProto.Extent
             * @static
             * @param {tensorflow.TensorSliceProto.Extent.$Properties=} [properties] Properties to set
             * @returns {tensorflow.TensorSliceProto.Extent} Extent instance
             * @type {{
             *   (properties: tensorflow.TensorSliceProto.Extent.$Shape): tensorflow.TensorSliceProto.Extent & tensorflow.TensorSliceProto.Extent.$Shape;
             *   (properties?: tensorflow.TensorSliceProto.Extent.$Properties): tensorflow.TensorSliceProto.Extent;
             * }}
             */
            Extent.create = function(properties) {
                return new Extent(properties);
            };

            /**
             * Encodes the specified Extent message. Does not implicitly {@link tensorflow.TensorSliceProto.Extent.verify|verify} messages.
             * @function encode
             * @memberof tensorflow.TensorSliceProto.Extent
             * @static
             * @param {tensorflow.TensorSliceProto.Extent.$Properties} message Extent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Extent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.start != null && $Object.hasOwnProperty.call(message, "start") && (typeof message.start === "object" ? message.start.low || message.start.high : message.start !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.start);
                if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.length);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Extent message from the specified reader or buffer.
             * @function decode
             * @memberof tensorflow.TensorSliceProto.Extent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorflow.TensorSliceProto.Extent & tensorflow.TensorSliceProto.Extent.$Shape} Extent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Extent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorflow.TensorSliceProto.Extent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.start = value;
                            else
                                delete message.start;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.length = reader.int64();
                            message.hasLength = "length";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Extent;
        })();

        return TensorSliceProto;
    })();

    tensorflow.BundleHeaderProto = (function() {

        /**
         * Properties of a BundleHeaderProto.
         * @typedef {Object} tensorflow.BundleHeaderProto.$Properties
         * @property {number|null} [numShards] BundleHeaderProto numShards
         * @property {tensorflow.BundleHeaderProto.Endianness|null} [endianness] BundleHeaderProto endianness
         * @property {tensorflow.VersionDef.$Properties|null} [version] BundleHeaderProto version
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BundleHeaderProto.
         * @memberof tensorflow
         * @interface IBundleHeaderProto
         * @augments tensorflow.BundleHeaderProto.$Properties
         * @deprecated Use tensorflow.BundleHeaderProto.$Properties instead.
         */

        /**
         * Shape of a BundleHeaderProto.
         * @typedef {tensorflow.BundleHeaderProto.$Properties} tensorflow.BundleHeaderProto.$Shape
         */

        /**
         * Constructs a new BundleHeaderProto.
         * @memberof tensorflow
         * @classdesc Represents a BundleHeaderProto.
         * @constructor
         * @param {tensorflow.BundleHeaderProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BundleHeaderProto = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BundleHeaderProto numShards.
         * @member {number} numShards
         * @memberof tensorflow.BundleHeaderProto
         * @instance
         */
        BundleHeaderProto.prototype.numShards = 0;

        /**
         * BundleHeaderProto endianness.
         * @member {tensorflow.BundleHeaderProto.Endianness} endianness
         * @memberof tensorflow.BundleHeaderProto
         * @instance
         */
        BundleHeaderProto.prototype.endianness = 0;

        /**
         * BundleHeaderProto version.
         * @member {tensorflow.VersionDef.$Properties|null|undefined} version
         * @memberof tensorflow.BundleHeaderProto
         * @instance
         */
        BundleHeaderProto.prototype.version = null;

        /**
         * Creates a new BundleHeaderProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.BundleHeaderProto
         * @static
         * @param {tensorflow.BundleHeaderProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.BundleHeaderProto} BundleHeaderProto instance
         * @type {{
         *   (properties: tensorflow.BundleHeaderProto.$Shape): tensorflow.BundleHeaderProto & tensorflow.BundleHeaderProto.$Shape;
         *   (properties?: tensorflow.BundleHeaderProto.$Properties): tensorflow.BundleHeaderProto;
         * }}
         */
        BundleHeaderProto.create = function(properties) {
            return new BundleHeaderProto(properties);
        };

        /**
         * Encodes the specified BundleHeaderProto message. Does not implicitly {@link tensorflow.BundleHeaderProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.BundleHeaderProto
         * @static
         * @param {tensorflow.BundleHeaderProto.$Properties} message BundleHeaderProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BundleHeaderProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.numShards != null && $Object.hasOwnProperty.call(message, "numShards") && message.numShards !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.numShards);
            if (message.endianness != null && $Object.hasOwnProperty.call(message, "endianness") && message.endianness !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.endianness);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                $root.tensorflow.VersionDef.encode(message.version, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BundleHeaderProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.BundleHeaderProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.BundleHeaderProto & tensorflow.BundleHeaderProto.$Shape} BundleHeaderProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BundleHeaderProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.BundleHeaderProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.numShards = value;
                        else
                            delete message.numShards;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.endianness = value;
                        else
                            delete message.endianness;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.version = $root.tensorflow.VersionDef.decode(reader, reader.size(), $undefined, _depth + 1, message.version);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Endianness enum.
         * @name tensorflow.BundleHeaderProto.Endianness
         * @enum {number}
         * @property {number} LITTLE=0 LITTLE value
         * @property {number} BIG=1 BIG value
         */
        BundleHeaderProto.Endianness = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LITTLE"] = 0;
            values[valuesById[1] = "BIG"] = 1;
            return values;
        })();

        return BundleHeaderProto;
    })();

    tensorflow.BundleEntryProto = (function() {

        /**
         * Properties of a BundleEntryProto.
         * @typedef {Object} tensorflow.BundleEntryProto.$Properties
         * @property {tensorflow.DataType|null} [dtype] BundleEntryProto dtype
         * @property {tensorflow.TensorShapeProto.$Properties|null} [shape] BundleEntryProto shape
         * @property {number|null} [shardId] BundleEntryProto shardId
         * @property {number|null} [offset] BundleEntryProto offset
         * @property {number|null} [size] BundleEntryProto size
         * @property {number|null} [crc32c] BundleEntryProto crc32c
         * @property {Array.<tensorflow.TensorSliceProto.$Properties>|null} [slices] BundleEntryProto slices
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BundleEntryProto.
         * @memberof tensorflow
         * @interface IBundleEntryProto
         * @augments tensorflow.BundleEntryProto.$Properties
         * @deprecated Use tensorflow.BundleEntryProto.$Properties instead.
         */

        /**
         * Shape of a BundleEntryProto.
         * @typedef {{
         *   dtype?: tensorflow.DataType|null;
         *   shape?: tensorflow.TensorShapeProto.$Shape|null;
         *   shardId?: number|null;
         *   offset?: number|null;
         *   size?: number|null;
         *   crc32c?: number|null;
         *   slices?: Array.<tensorflow.TensorSliceProto.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorflow.BundleEntryProto.$Shape
         */

        /**
         * Constructs a new BundleEntryProto.
         * @memberof tensorflow
         * @classdesc Represents a BundleEntryProto.
         * @constructor
         * @param {tensorflow.BundleEntryProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BundleEntryProto = function (properties) {
            this.slices = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BundleEntryProto dtype.
         * @member {tensorflow.DataType} dtype
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.dtype = 0;

        /**
         * BundleEntryProto shape.
         * @member {tensorflow.TensorShapeProto.$Properties|null|undefined} shape
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.shape = null;

        /**
         * BundleEntryProto shardId.
         * @member {number} shardId
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.shardId = 0;

        /**
         * BundleEntryProto offset.
         * @member {number} offset
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * BundleEntryProto size.
         * @member {number} size
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * BundleEntryProto crc32c.
         * @member {number} crc32c
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.crc32c = 0;

        /**
         * BundleEntryProto slices.
         * @member {Array.<tensorflow.TensorSliceProto.$Properties>} slices
         * @memberof tensorflow.BundleEntryProto
         * @instance
         */
        BundleEntryProto.prototype.slices = $util.emptyArray;

        /**
         * Creates a new BundleEntryProto instance using the specified properties.
         * @function create
         * @memberof tensorflow.BundleEntryProto
         * @static
         * @param {tensorflow.BundleEntryProto.$Properties=} [properties] Properties to set
         * @returns {tensorflow.BundleEntryProto} BundleEntryProto instance
         * @type {{
         *   (properties: tensorflow.BundleEntryProto.$Shape): tensorflow.BundleEntryProto & tensorflow.BundleEntryProto.$Shape;
         *   (properties?: tensorflow.BundleEntryProto.$Properties): tensorflow.BundleEntryProto;
         * }}
         */
        BundleEntryProto.create = function(properties) {
            return new BundleEntryProto(properties);
        };

        /**
         * Encodes the specified BundleEntryProto message. Does not implicitly {@link tensorflow.BundleEntryProto.verify|verify} messages.
         * @function encode
         * @memberof tensorflow.BundleEntryProto
         * @static
         * @param {tensorflow.BundleEntryProto.$Properties} message BundleEntryProto message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BundleEntryProto.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype") && message.dtype !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.dtype);
            if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
                $root.tensorflow.TensorShapeProto.encode(message.shape, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.shardId != null && $Object.hasOwnProperty.call(message, "shardId") && message.shardId !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.shardId);
            if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.offset);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.size);
            if (message.crc32c != null && $Object.hasOwnProperty.call(message, "crc32c") && message.crc32c !== 0)
                writer.uint32(/* id 6, wireType 5 =*/53).fixed32(message.crc32c);
            if (message.slices != null && message.slices.length)
                for (let i = 0; i < message.slices.length; ++i)
                    $root.tensorflow.TensorSliceProto.encode(message.slices[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BundleEntryProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorflow.BundleEntryProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorflow.BundleEntryProto & tensorflow.BundleEntryProto.$Shape} BundleEntryProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BundleEntryProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorflow.BundleEntryProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.shape = $root.tensorflow.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.shape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.shardId = value;
                        else
                            delete message.shardId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.offset = value;
                        else
                            delete message.offset;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 6: {
                        if (wireType !== 5)
                            break;
                        if (value = reader.fixed32())
                            message.crc32c = value;
                        else
                            delete message.crc32c;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.slices && message.slices.length))
                            message.slices = [];
                        message.slices.push($root.tensorflow.TensorSliceProto.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return BundleEntryProto;
    })();

    return tensorflow;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.BoolValue = (function() {

            /**
             * Properties of a BoolValue.
             * @typedef {Object} google.protobuf.BoolValue.$Properties
             * @property {boolean|null} [value] BoolValue value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BoolValue.
             * @memberof google.protobuf
             * @interface IBoolValue
             * @augments google.protobuf.BoolValue.$Properties
             * @deprecated Use google.protobuf.BoolValue.$Properties instead.
             */

            /**
             * Shape of a BoolValue.
             * @typedef {google.protobuf.BoolValue.$Properties} google.protobuf.BoolValue.$Shape
             */

            /**
             * Constructs a new BoolValue.
             * @memberof google.protobuf
             * @classdesc Represents a BoolValue.
             * @constructor
             * @param {google.protobuf.BoolValue.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BoolValue = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BoolValue value.
             * @member {boolean} value
             * @memberof google.protobuf.BoolValue
             * @instance
             */
            BoolValue.prototype.value = false;

            /**
             * Creates a new BoolValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {google.protobuf.BoolValue.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.BoolValue} BoolValue instance
             * @type {{
             *   (properties: google.protobuf.BoolValue.$Shape): google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape;
             *   (properties?: google.protobuf.BoolValue.$Properties): google.protobuf.BoolValue;
             * }}
             */
            BoolValue.create = function(properties) {
                return new BoolValue(properties);
            };

            /**
             * Encodes the specified BoolValue message. Does not implicitly {@link google.protobuf.BoolValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {google.protobuf.BoolValue.$Properties} message BoolValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BoolValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BoolValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape} BoolValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BoolValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.BoolValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return BoolValue;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
