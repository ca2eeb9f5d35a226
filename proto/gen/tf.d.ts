import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace tensorflow. */
export namespace tensorflow {

    /**
     * Properties of a CheckpointState.
     * @deprecated Use tensorflow.CheckpointState.$Properties instead.
     */
    interface ICheckpointState extends tensorflow.CheckpointState.$Properties {
    }

    /** Represents a CheckpointState. */
    class CheckpointState {

        /**
         * Constructs a new CheckpointState.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.CheckpointState.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CheckpointState modelCheckpointPath. */
        modelCheckpointPath: string;

        /** CheckpointState allModelCheckpointPaths. */
        allModelCheckpointPaths: string[];

        /** CheckpointState allModelCheckpointTimestamps. */
        allModelCheckpointTimestamps: number[];

        /** CheckpointState lastPreservedTimestamp. */
        lastPreservedTimestamp: number;

        /**
         * Creates a new CheckpointState instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CheckpointState instance
         */
        static create(properties: tensorflow.CheckpointState.$Shape): tensorflow.CheckpointState & tensorflow.CheckpointState.$Shape;
        static create(properties?: tensorflow.CheckpointState.$Properties): tensorflow.CheckpointState;

        /**
         * Encodes the specified CheckpointState message. Does not implicitly {@link tensorflow.CheckpointState.verify|verify} messages.
         * @param message CheckpointState message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.CheckpointState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CheckpointState message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.CheckpointState & tensorflow.CheckpointState.$Shape} CheckpointState
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.CheckpointState & tensorflow.CheckpointState.$Shape;
    }

    namespace CheckpointState {

        /** Properties of a CheckpointState. */
        interface $Properties {

            /** CheckpointState modelCheckpointPath */
            modelCheckpointPath?: (string|null);

            /** CheckpointState allModelCheckpointPaths */
            allModelCheckpointPaths?: (string[]|null);

            /** CheckpointState allModelCheckpointTimestamps */
            allModelCheckpointTimestamps?: (number[]|null);

            /** CheckpointState lastPreservedTimestamp */
            lastPreservedTimestamp?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CheckpointState. */
        type $Shape = tensorflow.CheckpointState.$Properties;
    }

    /**
     * Properties of a MetaGraphDef.
     * @deprecated Use tensorflow.MetaGraphDef.$Properties instead.
     */
    interface IMetaGraphDef extends tensorflow.MetaGraphDef.$Properties {
    }

    /** Represents a MetaGraphDef. */
    class MetaGraphDef {

        /**
         * Constructs a new MetaGraphDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.MetaGraphDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MetaGraphDef metaInfoDef. */
        metaInfoDef?: (tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null);

        /** MetaGraphDef graphDef. */
        graphDef: Uint8Array;

        /** MetaGraphDef saverDef. */
        saverDef: Uint8Array;

        /** MetaGraphDef collectionDef. */
        collectionDef: { [k: string]: Uint8Array };

        /** MetaGraphDef signatureDef. */
        signatureDef: { [k: string]: tensorflow.SignatureDef.$Properties };

        /** MetaGraphDef assetFileDef. */
        assetFileDef: tensorflow.AssetFileDef.$Properties[];

        /** MetaGraphDef objectGraphDef. */
        objectGraphDef?: (tensorflow.SavedObjectGraph.$Properties|null);

        /**
         * Creates a new MetaGraphDef instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MetaGraphDef instance
         */
        static create(properties: tensorflow.MetaGraphDef.$Shape): tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape;
        static create(properties?: tensorflow.MetaGraphDef.$Properties): tensorflow.MetaGraphDef;

        /**
         * Encodes the specified MetaGraphDef message. Does not implicitly {@link tensorflow.MetaGraphDef.verify|verify} messages.
         * @param message MetaGraphDef message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.MetaGraphDef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MetaGraphDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape} MetaGraphDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.MetaGraphDef & tensorflow.MetaGraphDef.$Shape;
    }

    namespace MetaGraphDef {

        /** Properties of a MetaGraphDef. */
        interface $Properties {

            /** MetaGraphDef metaInfoDef */
            metaInfoDef?: (tensorflow.MetaGraphDef.MetaInfoDef.$Properties|null);

            /** MetaGraphDef graphDef */
            graphDef?: (Uint8Array|null);

            /** MetaGraphDef saverDef */
            saverDef?: (Uint8Array|null);

            /** MetaGraphDef collectionDef */
            collectionDef?: ({ [k: string]: Uint8Array }|null);

            /** MetaGraphDef signatureDef */
            signatureDef?: ({ [k: string]: tensorflow.SignatureDef.$Properties }|null);

            /** MetaGraphDef assetFileDef */
            assetFileDef?: (tensorflow.AssetFileDef.$Properties[]|null);

            /** MetaGraphDef objectGraphDef */
            objectGraphDef?: (tensorflow.SavedObjectGraph.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MetaGraphDef. */
        type $Shape = {
          metaInfoDef?: tensorflow.MetaGraphDef.MetaInfoDef.$Shape|null;
          graphDef?: Uint8Array|null;
          saverDef?: Uint8Array|null;
          collectionDef?: { [k: string]: Uint8Array }|null;
          signatureDef?: { [k: string]: tensorflow.SignatureDef.$Shape }|null;
          assetFileDef?: tensorflow.AssetFileDef.$Shape[]|null;
          objectGraphDef?: tensorflow.SavedObjectGraph.$Shape|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of a MetaInfoDef.
         * @deprecated Use tensorflow.MetaGraphDef.MetaInfoDef.$Properties instead.
         */
        interface IMetaInfoDef extends tensorflow.MetaGraphDef.MetaInfoDef.$Properties {
        }

        /** Represents a MetaInfoDef. */
        class MetaInfoDef {

            /**
             * Constructs a new MetaInfoDef.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.MetaGraphDef.MetaInfoDef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetaInfoDef metaGraphVersion. */
            metaGraphVersion: string;

            /** MetaInfoDef strippedOpList. */
            strippedOpList: Uint8Array;

            /** MetaInfoDef anyInfo. */
            anyInfo: Uint8Array;

            /** MetaInfoDef tags. */
            tags: string[];

            /** MetaInfoDef tensorflowVersion. */
            tensorflowVersion: string;

            /** MetaInfoDef tensorflowGitVersion. */
            tensorflowGitVersion: string;

            /** MetaInfoDef strippedDefaultAttrs. */
            strippedDefaultAttrs: boolean;

            /** MetaInfoDef functionAliases. */
            functionAliases: { [k: string]: string };

            /**
             * Creates a new MetaInfoDef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetaInfoDef instance
             */
            static create(properties: tensorflow.MetaGraphDef.MetaInfoDef.$Shape): tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape;
            static create(properties?: tensorflow.MetaGraphDef.MetaInfoDef.$Properties): tensorflow.MetaGraphDef.MetaInfoDef;

            /**
             * Encodes the specified MetaInfoDef message. Does not implicitly {@link tensorflow.MetaGraphDef.MetaInfoDef.verify|verify} messages.
             * @param message MetaInfoDef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.MetaGraphDef.MetaInfoDef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetaInfoDef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape} MetaInfoDef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.MetaGraphDef.MetaInfoDef & tensorflow.MetaGraphDef.MetaInfoDef.$Shape;
        }

        namespace MetaInfoDef {

            /** Properties of a MetaInfoDef. */
            interface $Properties {

                /** MetaInfoDef metaGraphVersion */
                metaGraphVersion?: (string|null);

                /** MetaInfoDef strippedOpList */
                strippedOpList?: (Uint8Array|null);

                /** MetaInfoDef anyInfo */
                anyInfo?: (Uint8Array|null);

                /** MetaInfoDef tags */
                tags?: (string[]|null);

                /** MetaInfoDef tensorflowVersion */
                tensorflowVersion?: (string|null);

                /** MetaInfoDef tensorflowGitVersion */
                tensorflowGitVersion?: (string|null);

                /** MetaInfoDef strippedDefaultAttrs */
                strippedDefaultAttrs?: (boolean|null);

                /** MetaInfoDef functionAliases */
                functionAliases?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetaInfoDef. */
            type $Shape = tensorflow.MetaGraphDef.MetaInfoDef.$Properties;
        }
    }

    /**
     * Properties of a TensorInfo.
     * @deprecated Use tensorflow.TensorInfo.$Properties instead.
     */
    interface ITensorInfo extends tensorflow.TensorInfo.$Properties {
    }

    /** Represents a TensorInfo. */
    class TensorInfo {

        /**
         * Constructs a new TensorInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorInfo name. */
        name?: (string|null);

        /** TensorInfo cooSparse. */
        cooSparse?: (tensorflow.TensorInfo.CooSparse.$Properties|null);

        /** TensorInfo compositeTensor. */
        compositeTensor?: (tensorflow.TensorInfo.CompositeTensor.$Properties|null);

        /** TensorInfo dtype. */
        dtype: tensorflow.DataType;

        /** TensorInfo tensorShape. */
        tensorShape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** TensorInfo encoding. */
        encoding?: ("name"|"cooSparse"|"compositeTensor");

        /**
         * Creates a new TensorInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorInfo instance
         */
        static create(properties: tensorflow.TensorInfo.$Shape): tensorflow.TensorInfo & tensorflow.TensorInfo.$Shape;
        static create(properties?: tensorflow.TensorInfo.$Properties): tensorflow.TensorInfo;

        /**
         * Encodes the specified TensorInfo message. Does not implicitly {@link tensorflow.TensorInfo.verify|verify} messages.
         * @param message TensorInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.TensorInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorInfo & tensorflow.TensorInfo.$Shape} TensorInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorInfo & tensorflow.TensorInfo.$Shape;
    }

    namespace TensorInfo {

        /** Properties of a TensorInfo. */
        interface $Properties {

            /** TensorInfo name */
            name?: (string|null);

            /** TensorInfo cooSparse */
            cooSparse?: (tensorflow.TensorInfo.CooSparse.$Properties|null);

            /** TensorInfo compositeTensor */
            compositeTensor?: (tensorflow.TensorInfo.CompositeTensor.$Properties|null);

            /** TensorInfo dtype */
            dtype?: (tensorflow.DataType|null);

            /** TensorInfo tensorShape */
            tensorShape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** TensorInfo encoding */
            encoding?: ("name"|"cooSparse"|"compositeTensor");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a TensorInfo. */
        type $Shape = {
          name?: string|null;
          cooSparse?: tensorflow.TensorInfo.CooSparse.$Shape|null;
          compositeTensor?: tensorflow.TensorInfo.CompositeTensor.$Shape|null;
          dtype?: tensorflow.DataType|null;
          tensorShape?: tensorflow.TensorShapeProto.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ encoding?: undefined; name?: null; cooSparse?: null; compositeTensor?: null }|{ encoding?: "name"; name: string; cooSparse?: null; compositeTensor?: null }|{ encoding?: "cooSparse"; name?: null; cooSparse: tensorflow.TensorInfo.CooSparse.$Shape; compositeTensor?: null }|{ encoding?: "compositeTensor"; name?: null; cooSparse?: null; compositeTensor: tensorflow.TensorInfo.CompositeTensor.$Shape })
        );

        /**
         * Properties of a CooSparse.
         * @deprecated Use tensorflow.TensorInfo.CooSparse.$Properties instead.
         */
        interface ICooSparse extends tensorflow.TensorInfo.CooSparse.$Properties {
        }

        /** Represents a CooSparse. */
        class CooSparse {

            /**
             * Constructs a new CooSparse.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TensorInfo.CooSparse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CooSparse valuesTensorName. */
            valuesTensorName: string;

            /** CooSparse indicesTensorName. */
            indicesTensorName: string;

            /** CooSparse denseShapeTensorName. */
            denseShapeTensorName: string;

            /**
             * Creates a new CooSparse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CooSparse instance
             */
            static create(properties: tensorflow.TensorInfo.CooSparse.$Shape): tensorflow.TensorInfo.CooSparse & tensorflow.TensorInfo.CooSparse.$Shape;
            static create(properties?: tensorflow.TensorInfo.CooSparse.$Properties): tensorflow.TensorInfo.CooSparse;

            /**
             * Encodes the specified CooSparse message. Does not implicitly {@link tensorflow.TensorInfo.CooSparse.verify|verify} messages.
             * @param message CooSparse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.TensorInfo.CooSparse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CooSparse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TensorInfo.CooSparse & tensorflow.TensorInfo.CooSparse.$Shape} CooSparse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorInfo.CooSparse & tensorflow.TensorInfo.CooSparse.$Shape;
        }

        namespace CooSparse {

            /** Properties of a CooSparse. */
            interface $Properties {

                /** CooSparse valuesTensorName */
                valuesTensorName?: (string|null);

                /** CooSparse indicesTensorName */
                indicesTensorName?: (string|null);

                /** CooSparse denseShapeTensorName */
                denseShapeTensorName?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CooSparse. */
            type $Shape = tensorflow.TensorInfo.CooSparse.$Properties;
        }

        /**
         * Properties of a CompositeTensor.
         * @deprecated Use tensorflow.TensorInfo.CompositeTensor.$Properties instead.
         */
        interface ICompositeTensor extends tensorflow.TensorInfo.CompositeTensor.$Properties {
        }

        /** Represents a CompositeTensor. */
        class CompositeTensor {

            /**
             * Constructs a new CompositeTensor.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TensorInfo.CompositeTensor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CompositeTensor typeSpec. */
            typeSpec: Uint8Array;

            /** CompositeTensor components. */
            components: tensorflow.TensorInfo.$Properties[];

            /**
             * Creates a new CompositeTensor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CompositeTensor instance
             */
            static create(properties: tensorflow.TensorInfo.CompositeTensor.$Shape): tensorflow.TensorInfo.CompositeTensor & tensorflow.TensorInfo.CompositeTensor.$Shape;
            static create(properties?: tensorflow.TensorInfo.CompositeTensor.$Properties): tensorflow.TensorInfo.CompositeTensor;

            /**
             * Encodes the specified CompositeTensor message. Does not implicitly {@link tensorflow.TensorInfo.CompositeTensor.verify|verify} messages.
             * @param message CompositeTensor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.TensorInfo.CompositeTensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CompositeTensor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TensorInfo.CompositeTensor & tensorflow.TensorInfo.CompositeTensor.$Shape} CompositeTensor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorInfo.CompositeTensor & tensorflow.TensorInfo.CompositeTensor.$Shape;
        }

        namespace CompositeTensor {

            /** Properties of a CompositeTensor. */
            interface $Properties {

                /** CompositeTensor typeSpec */
                typeSpec?: (Uint8Array|null);

                /** CompositeTensor components */
                components?: (tensorflow.TensorInfo.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CompositeTensor. */
            type $Shape = {
              typeSpec?: Uint8Array|null;
              components?: tensorflow.TensorInfo.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }

    /**
     * Properties of a SignatureDef.
     * @deprecated Use tensorflow.SignatureDef.$Properties instead.
     */
    interface ISignatureDef extends tensorflow.SignatureDef.$Properties {
    }

    /** Represents a SignatureDef. */
    class SignatureDef {

        /**
         * Constructs a new SignatureDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SignatureDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SignatureDef inputs. */
        inputs: { [k: string]: tensorflow.TensorInfo.$Properties };

        /** SignatureDef outputs. */
        outputs: { [k: string]: tensorflow.TensorInfo.$Properties };

        /** SignatureDef methodName. */
        methodName: string;

        /**
         * Creates a new SignatureDef instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SignatureDef instance
         */
        static create(properties: tensorflow.SignatureDef.$Shape): tensorflow.SignatureDef & tensorflow.SignatureDef.$Shape;
        static create(properties?: tensorflow.SignatureDef.$Properties): tensorflow.SignatureDef;

        /**
         * Encodes the specified SignatureDef message. Does not implicitly {@link tensorflow.SignatureDef.verify|verify} messages.
         * @param message SignatureDef message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SignatureDef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SignatureDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SignatureDef & tensorflow.SignatureDef.$Shape} SignatureDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SignatureDef & tensorflow.SignatureDef.$Shape;
    }

    namespace SignatureDef {

        /** Properties of a SignatureDef. */
        interface $Properties {

            /** SignatureDef inputs */
            inputs?: ({ [k: string]: tensorflow.TensorInfo.$Properties }|null);

            /** SignatureDef outputs */
            outputs?: ({ [k: string]: tensorflow.TensorInfo.$Properties }|null);

            /** SignatureDef methodName */
            methodName?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SignatureDef. */
        type $Shape = {
          inputs?: { [k: string]: tensorflow.TensorInfo.$Shape }|null;
          outputs?: { [k: string]: tensorflow.TensorInfo.$Shape }|null;
          methodName?: string|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an AssetFileDef.
     * @deprecated Use tensorflow.AssetFileDef.$Properties instead.
     */
    interface IAssetFileDef extends tensorflow.AssetFileDef.$Properties {
    }

    /** Represents an AssetFileDef. */
    class AssetFileDef {

        /**
         * Constructs a new AssetFileDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.AssetFileDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AssetFileDef tensorInfo. */
        tensorInfo?: (tensorflow.TensorInfo.$Properties|null);

        /** AssetFileDef filename. */
        filename: string;

        /**
         * Creates a new AssetFileDef instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AssetFileDef instance
         */
        static create(properties: tensorflow.AssetFileDef.$Shape): tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape;
        static create(properties?: tensorflow.AssetFileDef.$Properties): tensorflow.AssetFileDef;

        /**
         * Encodes the specified AssetFileDef message. Does not implicitly {@link tensorflow.AssetFileDef.verify|verify} messages.
         * @param message AssetFileDef message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.AssetFileDef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AssetFileDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape} AssetFileDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.AssetFileDef & tensorflow.AssetFileDef.$Shape;
    }

    namespace AssetFileDef {

        /** Properties of an AssetFileDef. */
        interface $Properties {

            /** AssetFileDef tensorInfo */
            tensorInfo?: (tensorflow.TensorInfo.$Properties|null);

            /** AssetFileDef filename */
            filename?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AssetFileDef. */
        type $Shape = {
          tensorInfo?: tensorflow.TensorInfo.$Shape|null;
          filename?: string|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedObjectGraph.
     * @deprecated Use tensorflow.SavedObjectGraph.$Properties instead.
     */
    interface ISavedObjectGraph extends tensorflow.SavedObjectGraph.$Properties {
    }

    /** Represents a SavedObjectGraph. */
    class SavedObjectGraph {

        /**
         * Constructs a new SavedObjectGraph.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedObjectGraph.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedObjectGraph nodes. */
        nodes: tensorflow.SavedObject.$Properties[];

        /** SavedObjectGraph concreteFunctions. */
        concreteFunctions: { [k: string]: Uint8Array };

        /**
         * Creates a new SavedObjectGraph instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedObjectGraph instance
         */
        static create(properties: tensorflow.SavedObjectGraph.$Shape): tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape;
        static create(properties?: tensorflow.SavedObjectGraph.$Properties): tensorflow.SavedObjectGraph;

        /**
         * Encodes the specified SavedObjectGraph message. Does not implicitly {@link tensorflow.SavedObjectGraph.verify|verify} messages.
         * @param message SavedObjectGraph message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedObjectGraph.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedObjectGraph message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape} SavedObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedObjectGraph & tensorflow.SavedObjectGraph.$Shape;
    }

    namespace SavedObjectGraph {

        /** Properties of a SavedObjectGraph. */
        interface $Properties {

            /** SavedObjectGraph nodes */
            nodes?: (tensorflow.SavedObject.$Properties[]|null);

            /** SavedObjectGraph concreteFunctions */
            concreteFunctions?: ({ [k: string]: Uint8Array }|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedObjectGraph. */
        type $Shape = {
          nodes?: tensorflow.SavedObject.$Shape[]|null;
          concreteFunctions?: { [k: string]: Uint8Array }|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedObject.
     * @deprecated Use tensorflow.SavedObject.$Properties instead.
     */
    interface ISavedObject extends tensorflow.SavedObject.$Properties {
    }

    /** Represents a SavedObject. */
    class SavedObject {

        /**
         * Constructs a new SavedObject.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedObject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedObject children. */
        children: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[];

        /** SavedObject slotVariables. */
        slotVariables: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties[];

        /** SavedObject userObject. */
        userObject?: (tensorflow.SavedUserObject.$Properties|null);

        /** SavedObject asset. */
        asset?: (tensorflow.SavedAsset.$Properties|null);

        /** SavedObject function. */
        function?: (tensorflow.SavedFunction.$Properties|null);

        /** SavedObject variable. */
        variable?: (tensorflow.SavedVariable.$Properties|null);

        /** SavedObject bareConcreteFunction. */
        bareConcreteFunction?: (tensorflow.SavedBareConcreteFunction.$Properties|null);

        /** SavedObject constant. */
        constant?: (tensorflow.SavedConstant.$Properties|null);

        /** SavedObject resource. */
        resource?: (tensorflow.SavedResource.$Properties|null);

        /** SavedObject capturedTensor. */
        capturedTensor?: (tensorflow.CapturedTensor.$Properties|null);

        /** SavedObject saveableObjects. */
        saveableObjects: { [k: string]: tensorflow.SaveableObject.$Properties };

        /** SavedObject registeredName. */
        registeredName: string;

        /** SavedObject serializedUserProto. */
        serializedUserProto: Uint8Array;

        /** SavedObject dependencies. */
        dependencies: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[];

        /** SavedObject registeredSaver. */
        registeredSaver: string;

        /** SavedObject kind. */
        kind?: ("userObject"|"asset"|"Function"|"variable"|"bareConcreteFunction"|"constant"|"resource"|"capturedTensor");

        /**
         * Creates a new SavedObject instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedObject instance
         */
        static create(properties: tensorflow.SavedObject.$Shape): tensorflow.SavedObject & tensorflow.SavedObject.$Shape;
        static create(properties?: tensorflow.SavedObject.$Properties): tensorflow.SavedObject;

        /**
         * Encodes the specified SavedObject message. Does not implicitly {@link tensorflow.SavedObject.verify|verify} messages.
         * @param message SavedObject message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedObject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedObject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedObject & tensorflow.SavedObject.$Shape} SavedObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedObject & tensorflow.SavedObject.$Shape;
    }

    namespace SavedObject {

        /** Properties of a SavedObject. */
        interface $Properties {

            /** SavedObject children */
            children?: (tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[]|null);

            /** SavedObject slotVariables */
            slotVariables?: (tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties[]|null);

            /** SavedObject userObject */
            userObject?: (tensorflow.SavedUserObject.$Properties|null);

            /** SavedObject asset */
            asset?: (tensorflow.SavedAsset.$Properties|null);

            /** SavedObject function */
            "function"?: (tensorflow.SavedFunction.$Properties|null);

            /** SavedObject variable */
            variable?: (tensorflow.SavedVariable.$Properties|null);

            /** SavedObject bareConcreteFunction */
            bareConcreteFunction?: (tensorflow.SavedBareConcreteFunction.$Properties|null);

            /** SavedObject constant */
            constant?: (tensorflow.SavedConstant.$Properties|null);

            /** SavedObject resource */
            resource?: (tensorflow.SavedResource.$Properties|null);

            /** SavedObject capturedTensor */
            capturedTensor?: (tensorflow.CapturedTensor.$Properties|null);

            /** SavedObject saveableObjects */
            saveableObjects?: ({ [k: string]: tensorflow.SaveableObject.$Properties }|null);

            /** SavedObject registeredName */
            registeredName?: (string|null);

            /** SavedObject serializedUserProto */
            serializedUserProto?: (Uint8Array|null);

            /** SavedObject dependencies */
            dependencies?: (tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[]|null);

            /** SavedObject registeredSaver */
            registeredSaver?: (string|null);

            /** SavedObject kind */
            kind?: ("userObject"|"asset"|"Function"|"variable"|"bareConcreteFunction"|"constant"|"resource"|"capturedTensor");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a SavedObject. */
        type $Shape = {
          children?: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape[]|null;
          slotVariables?: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape[]|null;
          userObject?: tensorflow.SavedUserObject.$Shape|null;
          asset?: tensorflow.SavedAsset.$Shape|null;
          "Function"?: tensorflow.SavedFunction.$Shape|null;
          variable?: tensorflow.SavedVariable.$Shape|null;
          bareConcreteFunction?: tensorflow.SavedBareConcreteFunction.$Shape|null;
          constant?: tensorflow.SavedConstant.$Shape|null;
          resource?: tensorflow.SavedResource.$Shape|null;
          capturedTensor?: tensorflow.CapturedTensor.$Shape|null;
          saveableObjects?: { [k: string]: tensorflow.SaveableObject.$Shape }|null;
          registeredName?: string|null;
          serializedUserProto?: Uint8Array|null;
          dependencies?: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape[]|null;
          registeredSaver?: string|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; userObject?: null; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "userObject"; userObject: tensorflow.SavedUserObject.$Shape; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "asset"; userObject?: null; asset: tensorflow.SavedAsset.$Shape; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "Function"; userObject?: null; asset?: null; "Function": tensorflow.SavedFunction.$Shape; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "variable"; userObject?: null; asset?: null; "Function"?: null; variable: tensorflow.SavedVariable.$Shape; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "bareConcreteFunction"; userObject?: null; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction: tensorflow.SavedBareConcreteFunction.$Shape; constant?: null; resource?: null; capturedTensor?: null }|{ kind?: "constant"; userObject?: null; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant: tensorflow.SavedConstant.$Shape; resource?: null; capturedTensor?: null }|{ kind?: "resource"; userObject?: null; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource: tensorflow.SavedResource.$Shape; capturedTensor?: null }|{ kind?: "capturedTensor"; userObject?: null; asset?: null; "Function"?: null; variable?: null; bareConcreteFunction?: null; constant?: null; resource?: null; capturedTensor: tensorflow.CapturedTensor.$Shape })
        );
    }

    /**
     * Properties of a SavedUserObject.
     * @deprecated Use tensorflow.SavedUserObject.$Properties instead.
     */
    interface ISavedUserObject extends tensorflow.SavedUserObject.$Properties {
    }

    /** Represents a SavedUserObject. */
    class SavedUserObject {

        /**
         * Constructs a new SavedUserObject.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedUserObject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedUserObject identifier. */
        identifier: string;

        /** SavedUserObject version. */
        version?: (tensorflow.VersionDef.$Properties|null);

        /** SavedUserObject metadata. */
        metadata: string;

        /**
         * Creates a new SavedUserObject instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedUserObject instance
         */
        static create(properties: tensorflow.SavedUserObject.$Shape): tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape;
        static create(properties?: tensorflow.SavedUserObject.$Properties): tensorflow.SavedUserObject;

        /**
         * Encodes the specified SavedUserObject message. Does not implicitly {@link tensorflow.SavedUserObject.verify|verify} messages.
         * @param message SavedUserObject message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedUserObject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedUserObject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape} SavedUserObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedUserObject & tensorflow.SavedUserObject.$Shape;
    }

    namespace SavedUserObject {

        /** Properties of a SavedUserObject. */
        interface $Properties {

            /** SavedUserObject identifier */
            identifier?: (string|null);

            /** SavedUserObject version */
            version?: (tensorflow.VersionDef.$Properties|null);

            /** SavedUserObject metadata */
            metadata?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedUserObject. */
        type $Shape = tensorflow.SavedUserObject.$Properties;
    }

    /**
     * Properties of a SavedAsset.
     * @deprecated Use tensorflow.SavedAsset.$Properties instead.
     */
    interface ISavedAsset extends tensorflow.SavedAsset.$Properties {
    }

    /** Represents a SavedAsset. */
    class SavedAsset {

        /**
         * Constructs a new SavedAsset.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedAsset.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedAsset assetFileDefIndex. */
        assetFileDefIndex: number;

        /**
         * Creates a new SavedAsset instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedAsset instance
         */
        static create(properties: tensorflow.SavedAsset.$Shape): tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape;
        static create(properties?: tensorflow.SavedAsset.$Properties): tensorflow.SavedAsset;

        /**
         * Encodes the specified SavedAsset message. Does not implicitly {@link tensorflow.SavedAsset.verify|verify} messages.
         * @param message SavedAsset message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedAsset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedAsset message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape} SavedAsset
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedAsset & tensorflow.SavedAsset.$Shape;
    }

    namespace SavedAsset {

        /** Properties of a SavedAsset. */
        interface $Properties {

            /** SavedAsset assetFileDefIndex */
            assetFileDefIndex?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedAsset. */
        type $Shape = tensorflow.SavedAsset.$Properties;
    }

    /**
     * Properties of a SavedFunction.
     * @deprecated Use tensorflow.SavedFunction.$Properties instead.
     */
    interface ISavedFunction extends tensorflow.SavedFunction.$Properties {
    }

    /** Represents a SavedFunction. */
    class SavedFunction {

        /**
         * Constructs a new SavedFunction.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedFunction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedFunction concreteFunctions. */
        concreteFunctions: string[];

        /** SavedFunction functionSpec. */
        functionSpec: Uint8Array;

        /**
         * Creates a new SavedFunction instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedFunction instance
         */
        static create(properties: tensorflow.SavedFunction.$Shape): tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape;
        static create(properties?: tensorflow.SavedFunction.$Properties): tensorflow.SavedFunction;

        /**
         * Encodes the specified SavedFunction message. Does not implicitly {@link tensorflow.SavedFunction.verify|verify} messages.
         * @param message SavedFunction message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedFunction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedFunction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape} SavedFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedFunction & tensorflow.SavedFunction.$Shape;
    }

    namespace SavedFunction {

        /** Properties of a SavedFunction. */
        interface $Properties {

            /** SavedFunction concreteFunctions */
            concreteFunctions?: (string[]|null);

            /** SavedFunction functionSpec */
            functionSpec?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedFunction. */
        type $Shape = tensorflow.SavedFunction.$Properties;
    }

    /**
     * Properties of a CapturedTensor.
     * @deprecated Use tensorflow.CapturedTensor.$Properties instead.
     */
    interface ICapturedTensor extends tensorflow.CapturedTensor.$Properties {
    }

    /** Represents a CapturedTensor. */
    class CapturedTensor {

        /**
         * Constructs a new CapturedTensor.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.CapturedTensor.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CapturedTensor name. */
        name: string;

        /** CapturedTensor concreteFunction. */
        concreteFunction: string;

        /**
         * Creates a new CapturedTensor instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CapturedTensor instance
         */
        static create(properties: tensorflow.CapturedTensor.$Shape): tensorflow.CapturedTensor & tensorflow.CapturedTensor.$Shape;
        static create(properties?: tensorflow.CapturedTensor.$Properties): tensorflow.CapturedTensor;

        /**
         * Encodes the specified CapturedTensor message. Does not implicitly {@link tensorflow.CapturedTensor.verify|verify} messages.
         * @param message CapturedTensor message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.CapturedTensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CapturedTensor message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.CapturedTensor & tensorflow.CapturedTensor.$Shape} CapturedTensor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.CapturedTensor & tensorflow.CapturedTensor.$Shape;
    }

    namespace CapturedTensor {

        /** Properties of a CapturedTensor. */
        interface $Properties {

            /** CapturedTensor name */
            name?: (string|null);

            /** CapturedTensor concreteFunction */
            concreteFunction?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CapturedTensor. */
        type $Shape = tensorflow.CapturedTensor.$Properties;
    }

    /**
     * Properties of a SavedBareConcreteFunction.
     * @deprecated Use tensorflow.SavedBareConcreteFunction.$Properties instead.
     */
    interface ISavedBareConcreteFunction extends tensorflow.SavedBareConcreteFunction.$Properties {
    }

    /** Represents a SavedBareConcreteFunction. */
    class SavedBareConcreteFunction {

        /**
         * Constructs a new SavedBareConcreteFunction.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedBareConcreteFunction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedBareConcreteFunction concreteFunctionName. */
        concreteFunctionName: string;

        /** SavedBareConcreteFunction argumentKeywords. */
        argumentKeywords: string[];

        /** SavedBareConcreteFunction allowedPositionalArguments. */
        allowedPositionalArguments: number;

        /** SavedBareConcreteFunction functionSpec. */
        functionSpec: Uint8Array;

        /**
         * Creates a new SavedBareConcreteFunction instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedBareConcreteFunction instance
         */
        static create(properties: tensorflow.SavedBareConcreteFunction.$Shape): tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape;
        static create(properties?: tensorflow.SavedBareConcreteFunction.$Properties): tensorflow.SavedBareConcreteFunction;

        /**
         * Encodes the specified SavedBareConcreteFunction message. Does not implicitly {@link tensorflow.SavedBareConcreteFunction.verify|verify} messages.
         * @param message SavedBareConcreteFunction message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedBareConcreteFunction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedBareConcreteFunction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape} SavedBareConcreteFunction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedBareConcreteFunction & tensorflow.SavedBareConcreteFunction.$Shape;
    }

    namespace SavedBareConcreteFunction {

        /** Properties of a SavedBareConcreteFunction. */
        interface $Properties {

            /** SavedBareConcreteFunction concreteFunctionName */
            concreteFunctionName?: (string|null);

            /** SavedBareConcreteFunction argumentKeywords */
            argumentKeywords?: (string[]|null);

            /** SavedBareConcreteFunction allowedPositionalArguments */
            allowedPositionalArguments?: (number|null);

            /** SavedBareConcreteFunction functionSpec */
            functionSpec?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedBareConcreteFunction. */
        type $Shape = tensorflow.SavedBareConcreteFunction.$Properties;
    }

    /**
     * Properties of a SavedConstant.
     * @deprecated Use tensorflow.SavedConstant.$Properties instead.
     */
    interface ISavedConstant extends tensorflow.SavedConstant.$Properties {
    }

    /** Represents a SavedConstant. */
    class SavedConstant {

        /**
         * Constructs a new SavedConstant.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedConstant.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedConstant operation. */
        operation: string;

        /**
         * Creates a new SavedConstant instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedConstant instance
         */
        static create(properties: tensorflow.SavedConstant.$Shape): tensorflow.SavedConstant & tensorflow.SavedConstant.$Shape;
        static create(properties?: tensorflow.SavedConstant.$Properties): tensorflow.SavedConstant;

        /**
         * Encodes the specified SavedConstant message. Does not implicitly {@link tensorflow.SavedConstant.verify|verify} messages.
         * @param message SavedConstant message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedConstant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedConstant message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedConstant & tensorflow.SavedConstant.$Shape} SavedConstant
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedConstant & tensorflow.SavedConstant.$Shape;
    }

    namespace SavedConstant {

        /** Properties of a SavedConstant. */
        interface $Properties {

            /** SavedConstant operation */
            operation?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedConstant. */
        type $Shape = tensorflow.SavedConstant.$Properties;
    }

    /**
     * Properties of a SavedVariable.
     * @deprecated Use tensorflow.SavedVariable.$Properties instead.
     */
    interface ISavedVariable extends tensorflow.SavedVariable.$Properties {
    }

    /** Represents a SavedVariable. */
    class SavedVariable {

        /**
         * Constructs a new SavedVariable.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedVariable.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedVariable dtype. */
        dtype: tensorflow.DataType;

        /** SavedVariable shape. */
        shape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** SavedVariable trainable. */
        trainable: boolean;

        /** SavedVariable synchronization. */
        synchronization: number;

        /** SavedVariable aggregation. */
        aggregation: number;

        /** SavedVariable name. */
        name: string;

        /** SavedVariable device. */
        device: string;

        /** SavedVariable experimentalDistributedVariableComponents. */
        experimentalDistributedVariableComponents: tensorflow.SavedVariable.$Properties[];

        /**
         * Creates a new SavedVariable instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedVariable instance
         */
        static create(properties: tensorflow.SavedVariable.$Shape): tensorflow.SavedVariable & tensorflow.SavedVariable.$Shape;
        static create(properties?: tensorflow.SavedVariable.$Properties): tensorflow.SavedVariable;

        /**
         * Encodes the specified SavedVariable message. Does not implicitly {@link tensorflow.SavedVariable.verify|verify} messages.
         * @param message SavedVariable message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedVariable.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedVariable message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedVariable & tensorflow.SavedVariable.$Shape} SavedVariable
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedVariable & tensorflow.SavedVariable.$Shape;
    }

    namespace SavedVariable {

        /** Properties of a SavedVariable. */
        interface $Properties {

            /** SavedVariable dtype */
            dtype?: (tensorflow.DataType|null);

            /** SavedVariable shape */
            shape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** SavedVariable trainable */
            trainable?: (boolean|null);

            /** SavedVariable synchronization */
            synchronization?: (number|null);

            /** SavedVariable aggregation */
            aggregation?: (number|null);

            /** SavedVariable name */
            name?: (string|null);

            /** SavedVariable device */
            device?: (string|null);

            /** SavedVariable experimentalDistributedVariableComponents */
            experimentalDistributedVariableComponents?: (tensorflow.SavedVariable.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedVariable. */
        type $Shape = tensorflow.SavedVariable.$Properties;
    }

    /**
     * Properties of a SavedResource.
     * @deprecated Use tensorflow.SavedResource.$Properties instead.
     */
    interface ISavedResource extends tensorflow.SavedResource.$Properties {
    }

    /** Represents a SavedResource. */
    class SavedResource {

        /**
         * Constructs a new SavedResource.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedResource.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedResource device. */
        device: string;

        /**
         * Creates a new SavedResource instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedResource instance
         */
        static create(properties: tensorflow.SavedResource.$Shape): tensorflow.SavedResource & tensorflow.SavedResource.$Shape;
        static create(properties?: tensorflow.SavedResource.$Properties): tensorflow.SavedResource;

        /**
         * Encodes the specified SavedResource message. Does not implicitly {@link tensorflow.SavedResource.verify|verify} messages.
         * @param message SavedResource message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedResource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedResource message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedResource & tensorflow.SavedResource.$Shape} SavedResource
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedResource & tensorflow.SavedResource.$Shape;
    }

    namespace SavedResource {

        /** Properties of a SavedResource. */
        interface $Properties {

            /** SavedResource device */
            device?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedResource. */
        type $Shape = tensorflow.SavedResource.$Properties;
    }

    /**
     * Properties of a SaveableObject.
     * @deprecated Use tensorflow.SaveableObject.$Properties instead.
     */
    interface ISaveableObject extends tensorflow.SaveableObject.$Properties {
    }

    /** Represents a SaveableObject. */
    class SaveableObject {

        /**
         * Constructs a new SaveableObject.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SaveableObject.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SaveableObject saveFunction. */
        saveFunction: number;

        /** SaveableObject restoreFunction. */
        restoreFunction: number;

        /**
         * Creates a new SaveableObject instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SaveableObject instance
         */
        static create(properties: tensorflow.SaveableObject.$Shape): tensorflow.SaveableObject & tensorflow.SaveableObject.$Shape;
        static create(properties?: tensorflow.SaveableObject.$Properties): tensorflow.SaveableObject;

        /**
         * Encodes the specified SaveableObject message. Does not implicitly {@link tensorflow.SaveableObject.verify|verify} messages.
         * @param message SaveableObject message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SaveableObject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SaveableObject message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SaveableObject & tensorflow.SaveableObject.$Shape} SaveableObject
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SaveableObject & tensorflow.SaveableObject.$Shape;
    }

    namespace SaveableObject {

        /** Properties of a SaveableObject. */
        interface $Properties {

            /** SaveableObject saveFunction */
            saveFunction?: (number|null);

            /** SaveableObject restoreFunction */
            restoreFunction?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SaveableObject. */
        type $Shape = tensorflow.SaveableObject.$Properties;
    }

    /**
     * Properties of a TensorShapeProto.
     * @deprecated Use tensorflow.TensorShapeProto.$Properties instead.
     */
    interface ITensorShapeProto extends tensorflow.TensorShapeProto.$Properties {
    }

    /** Represents a TensorShapeProto. */
    class TensorShapeProto {

        /**
         * Constructs a new TensorShapeProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorShapeProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorShapeProto dim. */
        dim: tensorflow.TensorShapeProto.Dim.$Properties[];

        /** TensorShapeProto unknownRank. */
        unknownRank: boolean;

        /**
         * Creates a new TensorShapeProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorShapeProto instance
         */
        static create(properties: tensorflow.TensorShapeProto.$Shape): tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape;
        static create(properties?: tensorflow.TensorShapeProto.$Properties): tensorflow.TensorShapeProto;

        /**
         * Encodes the specified TensorShapeProto message. Does not implicitly {@link tensorflow.TensorShapeProto.verify|verify} messages.
         * @param message TensorShapeProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.TensorShapeProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto & tensorflow.TensorShapeProto.$Shape;
    }

    namespace TensorShapeProto {

        /** Properties of a TensorShapeProto. */
        interface $Properties {

            /** TensorShapeProto dim */
            dim?: (tensorflow.TensorShapeProto.Dim.$Properties[]|null);

            /** TensorShapeProto unknownRank */
            unknownRank?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorShapeProto. */
        type $Shape = tensorflow.TensorShapeProto.$Properties;

        /**
         * Properties of a Dim.
         * @deprecated Use tensorflow.TensorShapeProto.Dim.$Properties instead.
         */
        interface IDim extends tensorflow.TensorShapeProto.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /**
             * Constructs a new Dim.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TensorShapeProto.Dim.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size: number;

            /** Dim name. */
            name: string;

            /**
             * Creates a new Dim instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Dim instance
             */
            static create(properties: tensorflow.TensorShapeProto.Dim.$Shape): tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape;
            static create(properties?: tensorflow.TensorShapeProto.Dim.$Properties): tensorflow.TensorShapeProto.Dim;

            /**
             * Encodes the specified Dim message. Does not implicitly {@link tensorflow.TensorShapeProto.Dim.verify|verify} messages.
             * @param message Dim message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.TensorShapeProto.Dim.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorShapeProto.Dim & tensorflow.TensorShapeProto.Dim.$Shape;
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|null);

                /** Dim name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Dim. */
            type $Shape = tensorflow.TensorShapeProto.Dim.$Properties;
        }
    }

    /**
     * Properties of a TrackableObjectGraph.
     * @deprecated Use tensorflow.TrackableObjectGraph.$Properties instead.
     */
    interface ITrackableObjectGraph extends tensorflow.TrackableObjectGraph.$Properties {
    }

    /** Represents a TrackableObjectGraph. */
    class TrackableObjectGraph {

        /**
         * Constructs a new TrackableObjectGraph.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TrackableObjectGraph.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TrackableObjectGraph nodes. */
        nodes: tensorflow.TrackableObjectGraph.TrackableObject.$Properties[];

        /**
         * Creates a new TrackableObjectGraph instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TrackableObjectGraph instance
         */
        static create(properties: tensorflow.TrackableObjectGraph.$Shape): tensorflow.TrackableObjectGraph & tensorflow.TrackableObjectGraph.$Shape;
        static create(properties?: tensorflow.TrackableObjectGraph.$Properties): tensorflow.TrackableObjectGraph;

        /**
         * Encodes the specified TrackableObjectGraph message. Does not implicitly {@link tensorflow.TrackableObjectGraph.verify|verify} messages.
         * @param message TrackableObjectGraph message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.TrackableObjectGraph.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TrackableObjectGraph message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TrackableObjectGraph & tensorflow.TrackableObjectGraph.$Shape} TrackableObjectGraph
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TrackableObjectGraph & tensorflow.TrackableObjectGraph.$Shape;
    }

    namespace TrackableObjectGraph {

        /** Properties of a TrackableObjectGraph. */
        interface $Properties {

            /** TrackableObjectGraph nodes */
            nodes?: (tensorflow.TrackableObjectGraph.TrackableObject.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TrackableObjectGraph. */
        type $Shape = tensorflow.TrackableObjectGraph.$Properties;

        /**
         * Properties of a TrackableObject.
         * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.$Properties instead.
         */
        interface ITrackableObject extends tensorflow.TrackableObjectGraph.TrackableObject.$Properties {
        }

        /** Represents a TrackableObject. */
        class TrackableObject {

            /**
             * Constructs a new TrackableObject.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TrackableObjectGraph.TrackableObject.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrackableObject children. */
            children: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[];

            /** TrackableObject attributes. */
            attributes: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties[];

            /** TrackableObject slotVariables. */
            slotVariables: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties[];

            /** TrackableObject registeredSaver. */
            registeredSaver?: (tensorflow.RegisteredSaver.$Properties|null);

            /** TrackableObject hasCheckpointValues. */
            hasCheckpointValues?: (google.protobuf.BoolValue.$Properties|null);

            /**
             * Creates a new TrackableObject instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrackableObject instance
             */
            static create(properties: tensorflow.TrackableObjectGraph.TrackableObject.$Shape): tensorflow.TrackableObjectGraph.TrackableObject & tensorflow.TrackableObjectGraph.TrackableObject.$Shape;
            static create(properties?: tensorflow.TrackableObjectGraph.TrackableObject.$Properties): tensorflow.TrackableObjectGraph.TrackableObject;

            /**
             * Encodes the specified TrackableObject message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.verify|verify} messages.
             * @param message TrackableObject message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.TrackableObjectGraph.TrackableObject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrackableObject message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TrackableObjectGraph.TrackableObject & tensorflow.TrackableObjectGraph.TrackableObject.$Shape} TrackableObject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TrackableObjectGraph.TrackableObject & tensorflow.TrackableObjectGraph.TrackableObject.$Shape;
        }

        namespace TrackableObject {

            /** Properties of a TrackableObject. */
            interface $Properties {

                /** TrackableObject children */
                children?: (tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties[]|null);

                /** TrackableObject attributes */
                attributes?: (tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties[]|null);

                /** TrackableObject slotVariables */
                slotVariables?: (tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties[]|null);

                /** TrackableObject registeredSaver */
                registeredSaver?: (tensorflow.RegisteredSaver.$Properties|null);

                /** TrackableObject hasCheckpointValues */
                hasCheckpointValues?: (google.protobuf.BoolValue.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrackableObject. */
            type $Shape = tensorflow.TrackableObjectGraph.TrackableObject.$Properties;

            /**
             * Properties of an ObjectReference.
             * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties instead.
             */
            interface IObjectReference extends tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties {
            }

            /** Represents an ObjectReference. */
            class ObjectReference {

                /**
                 * Constructs a new ObjectReference.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ObjectReference nodeId. */
                nodeId: number;

                /** ObjectReference localName. */
                localName: string;

                /**
                 * Creates a new ObjectReference instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ObjectReference instance
                 */
                static create(properties: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference & tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape;
                static create(properties?: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference;

                /**
                 * Encodes the specified ObjectReference message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.verify|verify} messages.
                 * @param message ObjectReference message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ObjectReference message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference & tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape} ObjectReference
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference & tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Shape;
            }

            namespace ObjectReference {

                /** Properties of an ObjectReference. */
                interface $Properties {

                    /** ObjectReference nodeId */
                    nodeId?: (number|null);

                    /** ObjectReference localName */
                    localName?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ObjectReference. */
                type $Shape = tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties;
            }

            /**
             * Properties of a SerializedTensor.
             * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties instead.
             */
            interface ISerializedTensor extends tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties {
            }

            /** Represents a SerializedTensor. */
            class SerializedTensor {

                /**
                 * Constructs a new SerializedTensor.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SerializedTensor name. */
                name: string;

                /** SerializedTensor fullName. */
                fullName: string;

                /** SerializedTensor checkpointKey. */
                checkpointKey: string;

                /** SerializedTensor optionalRestore. */
                optionalRestore: boolean;

                /**
                 * Creates a new SerializedTensor instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SerializedTensor instance
                 */
                static create(properties: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor & tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape;
                static create(properties?: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor;

                /**
                 * Encodes the specified SerializedTensor message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.verify|verify} messages.
                 * @param message SerializedTensor message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SerializedTensor message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor & tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape} SerializedTensor
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor & tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Shape;
            }

            namespace SerializedTensor {

                /** Properties of a SerializedTensor. */
                interface $Properties {

                    /** SerializedTensor name */
                    name?: (string|null);

                    /** SerializedTensor fullName */
                    fullName?: (string|null);

                    /** SerializedTensor checkpointKey */
                    checkpointKey?: (string|null);

                    /** SerializedTensor optionalRestore */
                    optionalRestore?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SerializedTensor. */
                type $Shape = tensorflow.TrackableObjectGraph.TrackableObject.SerializedTensor.$Properties;
            }

            /**
             * Properties of a SlotVariableReference.
             * @deprecated Use tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties instead.
             */
            interface ISlotVariableReference extends tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties {
            }

            /** Represents a SlotVariableReference. */
            class SlotVariableReference {

                /**
                 * Constructs a new SlotVariableReference.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SlotVariableReference originalVariableNodeId. */
                originalVariableNodeId: number;

                /** SlotVariableReference slotName. */
                slotName: string;

                /** SlotVariableReference slotVariableNodeId. */
                slotVariableNodeId: number;

                /**
                 * Creates a new SlotVariableReference instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SlotVariableReference instance
                 */
                static create(properties: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape): tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference & tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape;
                static create(properties?: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties): tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference;

                /**
                 * Encodes the specified SlotVariableReference message. Does not implicitly {@link tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.verify|verify} messages.
                 * @param message SlotVariableReference message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SlotVariableReference message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference & tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape} SlotVariableReference
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference & tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Shape;
            }

            namespace SlotVariableReference {

                /** Properties of a SlotVariableReference. */
                interface $Properties {

                    /** SlotVariableReference originalVariableNodeId */
                    originalVariableNodeId?: (number|null);

                    /** SlotVariableReference slotName */
                    slotName?: (string|null);

                    /** SlotVariableReference slotVariableNodeId */
                    slotVariableNodeId?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SlotVariableReference. */
                type $Shape = tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties;
            }
        }
    }

    /**
     * Properties of a RegisteredSaver.
     * @deprecated Use tensorflow.RegisteredSaver.$Properties instead.
     */
    interface IRegisteredSaver extends tensorflow.RegisteredSaver.$Properties {
    }

    /** Represents a RegisteredSaver. */
    class RegisteredSaver {

        /**
         * Constructs a new RegisteredSaver.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.RegisteredSaver.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RegisteredSaver name. */
        name: string;

        /** RegisteredSaver objectName. */
        objectName: string;

        /**
         * Creates a new RegisteredSaver instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RegisteredSaver instance
         */
        static create(properties: tensorflow.RegisteredSaver.$Shape): tensorflow.RegisteredSaver & tensorflow.RegisteredSaver.$Shape;
        static create(properties?: tensorflow.RegisteredSaver.$Properties): tensorflow.RegisteredSaver;

        /**
         * Encodes the specified RegisteredSaver message. Does not implicitly {@link tensorflow.RegisteredSaver.verify|verify} messages.
         * @param message RegisteredSaver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.RegisteredSaver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RegisteredSaver message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.RegisteredSaver & tensorflow.RegisteredSaver.$Shape} RegisteredSaver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.RegisteredSaver & tensorflow.RegisteredSaver.$Shape;
    }

    namespace RegisteredSaver {

        /** Properties of a RegisteredSaver. */
        interface $Properties {

            /** RegisteredSaver name */
            name?: (string|null);

            /** RegisteredSaver objectName */
            objectName?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RegisteredSaver. */
        type $Shape = tensorflow.RegisteredSaver.$Properties;
    }

    /** DataType enum. */
    enum DataType {

        /** DT_INVALID value */
        DT_INVALID = 0,

        /** DT_FLOAT value */
        DT_FLOAT = 1,

        /** DT_DOUBLE value */
        DT_DOUBLE = 2,

        /** DT_INT32 value */
        DT_INT32 = 3,

        /** DT_UINT8 value */
        DT_UINT8 = 4,

        /** DT_INT16 value */
        DT_INT16 = 5,

        /** DT_INT8 value */
        DT_INT8 = 6,

        /** DT_STRING value */
        DT_STRING = 7,

        /** DT_COMPLEX64 value */
        DT_COMPLEX64 = 8,

        /** DT_INT64 value */
        DT_INT64 = 9,

        /** DT_BOOL value */
        DT_BOOL = 10,

        /** DT_QINT8 value */
        DT_QINT8 = 11,

        /** DT_QUINT8 value */
        DT_QUINT8 = 12,

        /** DT_QINT32 value */
        DT_QINT32 = 13,

        /** DT_BFLOAT16 value */
        DT_BFLOAT16 = 14,

        /** DT_QINT16 value */
        DT_QINT16 = 15,

        /** DT_QUINT16 value */
        DT_QUINT16 = 16,

        /** DT_UINT16 value */
        DT_UINT16 = 17,

        /** DT_COMPLEX128 value */
        DT_COMPLEX128 = 18,

        /** DT_HALF value */
        DT_HALF = 19,

        /** DT_RESOURCE value */
        DT_RESOURCE = 20,

        /** DT_VARIANT value */
        DT_VARIANT = 21,

        /** DT_UINT32 value */
        DT_UINT32 = 22,

        /** DT_UINT64 value */
        DT_UINT64 = 23,

        /** DT_FLOAT8_E5M2 value */
        DT_FLOAT8_E5M2 = 24,

        /** DT_FLOAT8_E4M3FN value */
        DT_FLOAT8_E4M3FN = 25,

        /** DT_FLOAT8_E4M3FNUZ value */
        DT_FLOAT8_E4M3FNUZ = 26,

        /** DT_FLOAT8_E4M3B11FNUZ value */
        DT_FLOAT8_E4M3B11FNUZ = 27,

        /** DT_FLOAT8_E5M2FNUZ value */
        DT_FLOAT8_E5M2FNUZ = 28,

        /** DT_INT4 value */
        DT_INT4 = 29,

        /** DT_UINT4 value */
        DT_UINT4 = 30,

        /** DT_INT2 value */
        DT_INT2 = 31,

        /** DT_UINT2 value */
        DT_UINT2 = 32,

        /** DT_FLOAT_REF value */
        DT_FLOAT_REF = 101,

        /** DT_DOUBLE_REF value */
        DT_DOUBLE_REF = 102,

        /** DT_INT32_REF value */
        DT_INT32_REF = 103,

        /** DT_UINT8_REF value */
        DT_UINT8_REF = 104,

        /** DT_INT16_REF value */
        DT_INT16_REF = 105,

        /** DT_INT8_REF value */
        DT_INT8_REF = 106,

        /** DT_STRING_REF value */
        DT_STRING_REF = 107,

        /** DT_COMPLEX64_REF value */
        DT_COMPLEX64_REF = 108,

        /** DT_INT64_REF value */
        DT_INT64_REF = 109,

        /** DT_BOOL_REF value */
        DT_BOOL_REF = 110,

        /** DT_QINT8_REF value */
        DT_QINT8_REF = 111,

        /** DT_QUINT8_REF value */
        DT_QUINT8_REF = 112,

        /** DT_QINT32_REF value */
        DT_QINT32_REF = 113,

        /** DT_BFLOAT16_REF value */
        DT_BFLOAT16_REF = 114,

        /** DT_QINT16_REF value */
        DT_QINT16_REF = 115,

        /** DT_QUINT16_REF value */
        DT_QUINT16_REF = 116,

        /** DT_UINT16_REF value */
        DT_UINT16_REF = 117,

        /** DT_COMPLEX128_REF value */
        DT_COMPLEX128_REF = 118,

        /** DT_HALF_REF value */
        DT_HALF_REF = 119,

        /** DT_RESOURCE_REF value */
        DT_RESOURCE_REF = 120,

        /** DT_VARIANT_REF value */
        DT_VARIANT_REF = 121,

        /** DT_UINT32_REF value */
        DT_UINT32_REF = 122,

        /** DT_UINT64_REF value */
        DT_UINT64_REF = 123,

        /** DT_FLOAT8_E5M2_REF value */
        DT_FLOAT8_E5M2_REF = 124,

        /** DT_FLOAT8_E4M3FN_REF value */
        DT_FLOAT8_E4M3FN_REF = 125,

        /** DT_FLOAT8_E4M3FNUZ_REF value */
        DT_FLOAT8_E4M3FNUZ_REF = 126,

        /** DT_FLOAT8_E4M3B11FNUZ_REF value */
        DT_FLOAT8_E4M3B11FNUZ_REF = 127,

        /** DT_FLOAT8_E5M2FNUZ_REF value */
        DT_FLOAT8_E5M2FNUZ_REF = 128,

        /** DT_INT4_REF value */
        DT_INT4_REF = 129,

        /** DT_UINT4_REF value */
        DT_UINT4_REF = 130
    }

    /**
     * Properties of a VersionDef.
     * @deprecated Use tensorflow.VersionDef.$Properties instead.
     */
    interface IVersionDef extends tensorflow.VersionDef.$Properties {
    }

    /** Represents a VersionDef. */
    class VersionDef {

        /**
         * Constructs a new VersionDef.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.VersionDef.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VersionDef producer. */
        producer: number;

        /** VersionDef minConsumer. */
        minConsumer: number;

        /** VersionDef badConsumers. */
        badConsumers: number[];

        /**
         * Creates a new VersionDef instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VersionDef instance
         */
        static create(properties: tensorflow.VersionDef.$Shape): tensorflow.VersionDef & tensorflow.VersionDef.$Shape;
        static create(properties?: tensorflow.VersionDef.$Properties): tensorflow.VersionDef;

        /**
         * Encodes the specified VersionDef message. Does not implicitly {@link tensorflow.VersionDef.verify|verify} messages.
         * @param message VersionDef message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.VersionDef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VersionDef message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.VersionDef & tensorflow.VersionDef.$Shape} VersionDef
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.VersionDef & tensorflow.VersionDef.$Shape;
    }

    namespace VersionDef {

        /** Properties of a VersionDef. */
        interface $Properties {

            /** VersionDef producer */
            producer?: (number|null);

            /** VersionDef minConsumer */
            minConsumer?: (number|null);

            /** VersionDef badConsumers */
            badConsumers?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VersionDef. */
        type $Shape = tensorflow.VersionDef.$Properties;
    }

    /**
     * Properties of a SavedModel.
     * @deprecated Use tensorflow.SavedModel.$Properties instead.
     */
    interface ISavedModel extends tensorflow.SavedModel.$Properties {
    }

    /** Represents a SavedModel. */
    class SavedModel {

        /**
         * Constructs a new SavedModel.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedModel.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedModel savedModelSchemaVersion. */
        savedModelSchemaVersion: number;

        /** SavedModel metaGraphs. */
        metaGraphs: tensorflow.MetaGraphDef.$Properties[];

        /**
         * Creates a new SavedModel instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedModel instance
         */
        static create(properties: tensorflow.SavedModel.$Shape): tensorflow.SavedModel & tensorflow.SavedModel.$Shape;
        static create(properties?: tensorflow.SavedModel.$Properties): tensorflow.SavedModel;

        /**
         * Encodes the specified SavedModel message. Does not implicitly {@link tensorflow.SavedModel.verify|verify} messages.
         * @param message SavedModel message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedModel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedModel message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedModel & tensorflow.SavedModel.$Shape} SavedModel
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedModel & tensorflow.SavedModel.$Shape;
    }

    namespace SavedModel {

        /** Properties of a SavedModel. */
        interface $Properties {

            /** SavedModel savedModelSchemaVersion */
            savedModelSchemaVersion?: (number|null);

            /** SavedModel metaGraphs */
            metaGraphs?: (tensorflow.MetaGraphDef.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedModel. */
        type $Shape = {
          savedModelSchemaVersion?: number|null;
          metaGraphs?: tensorflow.MetaGraphDef.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedSliceMeta.
     * @deprecated Use tensorflow.SavedSliceMeta.$Properties instead.
     */
    interface ISavedSliceMeta extends tensorflow.SavedSliceMeta.$Properties {
    }

    /** Represents a SavedSliceMeta. */
    class SavedSliceMeta {

        /**
         * Constructs a new SavedSliceMeta.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedSliceMeta.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedSliceMeta name. */
        name: string;

        /** SavedSliceMeta shape. */
        shape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** SavedSliceMeta type. */
        type: tensorflow.DataType;

        /** SavedSliceMeta slice. */
        slice: tensorflow.TensorSliceProto.$Properties[];

        /**
         * Creates a new SavedSliceMeta instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedSliceMeta instance
         */
        static create(properties: tensorflow.SavedSliceMeta.$Shape): tensorflow.SavedSliceMeta & tensorflow.SavedSliceMeta.$Shape;
        static create(properties?: tensorflow.SavedSliceMeta.$Properties): tensorflow.SavedSliceMeta;

        /**
         * Encodes the specified SavedSliceMeta message. Does not implicitly {@link tensorflow.SavedSliceMeta.verify|verify} messages.
         * @param message SavedSliceMeta message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedSliceMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedSliceMeta message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedSliceMeta & tensorflow.SavedSliceMeta.$Shape} SavedSliceMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedSliceMeta & tensorflow.SavedSliceMeta.$Shape;
    }

    namespace SavedSliceMeta {

        /** Properties of a SavedSliceMeta. */
        interface $Properties {

            /** SavedSliceMeta name */
            name?: (string|null);

            /** SavedSliceMeta shape */
            shape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** SavedSliceMeta type */
            type?: (tensorflow.DataType|null);

            /** SavedSliceMeta slice */
            slice?: (tensorflow.TensorSliceProto.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedSliceMeta. */
        type $Shape = {
          name?: string|null;
          shape?: tensorflow.TensorShapeProto.$Shape|null;
          type?: tensorflow.DataType|null;
          slice?: tensorflow.TensorSliceProto.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedTensorSliceMeta.
     * @deprecated Use tensorflow.SavedTensorSliceMeta.$Properties instead.
     */
    interface ISavedTensorSliceMeta extends tensorflow.SavedTensorSliceMeta.$Properties {
    }

    /** Represents a SavedTensorSliceMeta. */
    class SavedTensorSliceMeta {

        /**
         * Constructs a new SavedTensorSliceMeta.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedTensorSliceMeta.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedTensorSliceMeta tensor. */
        tensor: tensorflow.SavedSliceMeta.$Properties[];

        /** SavedTensorSliceMeta versions. */
        versions?: (tensorflow.VersionDef.$Properties|null);

        /**
         * Creates a new SavedTensorSliceMeta instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedTensorSliceMeta instance
         */
        static create(properties: tensorflow.SavedTensorSliceMeta.$Shape): tensorflow.SavedTensorSliceMeta & tensorflow.SavedTensorSliceMeta.$Shape;
        static create(properties?: tensorflow.SavedTensorSliceMeta.$Properties): tensorflow.SavedTensorSliceMeta;

        /**
         * Encodes the specified SavedTensorSliceMeta message. Does not implicitly {@link tensorflow.SavedTensorSliceMeta.verify|verify} messages.
         * @param message SavedTensorSliceMeta message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedTensorSliceMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedTensorSliceMeta message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedTensorSliceMeta & tensorflow.SavedTensorSliceMeta.$Shape} SavedTensorSliceMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedTensorSliceMeta & tensorflow.SavedTensorSliceMeta.$Shape;
    }

    namespace SavedTensorSliceMeta {

        /** Properties of a SavedTensorSliceMeta. */
        interface $Properties {

            /** SavedTensorSliceMeta tensor */
            tensor?: (tensorflow.SavedSliceMeta.$Properties[]|null);

            /** SavedTensorSliceMeta versions */
            versions?: (tensorflow.VersionDef.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedTensorSliceMeta. */
        type $Shape = {
          tensor?: tensorflow.SavedSliceMeta.$Shape[]|null;
          versions?: tensorflow.VersionDef.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedSlice.
     * @deprecated Use tensorflow.SavedSlice.$Properties instead.
     */
    interface ISavedSlice extends tensorflow.SavedSlice.$Properties {
    }

    /** Represents a SavedSlice. */
    class SavedSlice {

        /**
         * Constructs a new SavedSlice.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedSlice.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedSlice name. */
        name: string;

        /** SavedSlice slice. */
        slice?: (tensorflow.TensorSliceProto.$Properties|null);

        /** SavedSlice data. */
        data?: (tensorflow.TensorProto.$Properties|null);

        /**
         * Creates a new SavedSlice instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedSlice instance
         */
        static create(properties: tensorflow.SavedSlice.$Shape): tensorflow.SavedSlice & tensorflow.SavedSlice.$Shape;
        static create(properties?: tensorflow.SavedSlice.$Properties): tensorflow.SavedSlice;

        /**
         * Encodes the specified SavedSlice message. Does not implicitly {@link tensorflow.SavedSlice.verify|verify} messages.
         * @param message SavedSlice message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedSlice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedSlice message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedSlice & tensorflow.SavedSlice.$Shape} SavedSlice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedSlice & tensorflow.SavedSlice.$Shape;
    }

    namespace SavedSlice {

        /** Properties of a SavedSlice. */
        interface $Properties {

            /** SavedSlice name */
            name?: (string|null);

            /** SavedSlice slice */
            slice?: (tensorflow.TensorSliceProto.$Properties|null);

            /** SavedSlice data */
            data?: (tensorflow.TensorProto.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedSlice. */
        type $Shape = {
          name?: string|null;
          slice?: tensorflow.TensorSliceProto.$Shape|null;
          data?: tensorflow.TensorProto.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SavedTensorSlices.
     * @deprecated Use tensorflow.SavedTensorSlices.$Properties instead.
     */
    interface ISavedTensorSlices extends tensorflow.SavedTensorSlices.$Properties {
    }

    /** Represents a SavedTensorSlices. */
    class SavedTensorSlices {

        /**
         * Constructs a new SavedTensorSlices.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.SavedTensorSlices.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SavedTensorSlices meta. */
        meta?: (tensorflow.SavedTensorSliceMeta.$Properties|null);

        /** SavedTensorSlices data. */
        data?: (tensorflow.SavedSlice.$Properties|null);

        /**
         * Creates a new SavedTensorSlices instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SavedTensorSlices instance
         */
        static create(properties: tensorflow.SavedTensorSlices.$Shape): tensorflow.SavedTensorSlices & tensorflow.SavedTensorSlices.$Shape;
        static create(properties?: tensorflow.SavedTensorSlices.$Properties): tensorflow.SavedTensorSlices;

        /**
         * Encodes the specified SavedTensorSlices message. Does not implicitly {@link tensorflow.SavedTensorSlices.verify|verify} messages.
         * @param message SavedTensorSlices message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.SavedTensorSlices.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SavedTensorSlices message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.SavedTensorSlices & tensorflow.SavedTensorSlices.$Shape} SavedTensorSlices
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.SavedTensorSlices & tensorflow.SavedTensorSlices.$Shape;
    }

    namespace SavedTensorSlices {

        /** Properties of a SavedTensorSlices. */
        interface $Properties {

            /** SavedTensorSlices meta */
            meta?: (tensorflow.SavedTensorSliceMeta.$Properties|null);

            /** SavedTensorSlices data */
            data?: (tensorflow.SavedSlice.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SavedTensorSlices. */
        type $Shape = {
          meta?: tensorflow.SavedTensorSliceMeta.$Shape|null;
          data?: tensorflow.SavedSlice.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a TensorProto.
     * @deprecated Use tensorflow.TensorProto.$Properties instead.
     */
    interface ITensorProto extends tensorflow.TensorProto.$Properties {
    }

    /** Represents a TensorProto. */
    class TensorProto {

        /**
         * Constructs a new TensorProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorProto dtype. */
        dtype: tensorflow.DataType;

        /** TensorProto tensorShape. */
        tensorShape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** TensorProto versionNumber. */
        versionNumber: number;

        /** TensorProto tensorContent. */
        tensorContent: Uint8Array;

        /** TensorProto halfVal. */
        halfVal: number[];

        /** TensorProto floatVal. */
        floatVal: number[];

        /** TensorProto doubleVal. */
        doubleVal: number[];

        /** TensorProto intVal. */
        intVal: number[];

        /** TensorProto stringVal. */
        stringVal: Uint8Array[];

        /** TensorProto scomplexVal. */
        scomplexVal: number[];

        /** TensorProto int64Val. */
        int64Val: number[];

        /** TensorProto boolVal. */
        boolVal: boolean[];

        /** TensorProto dcomplexVal. */
        dcomplexVal: number[];

        /** TensorProto resourceHandleVal. */
        resourceHandleVal: Uint8Array[];

        /** TensorProto variantVal. */
        variantVal: tensorflow.VariantTensorDataProto.$Properties[];

        /** TensorProto uint32Val. */
        uint32Val: number[];

        /** TensorProto uint64Val. */
        uint64Val: number[];

        /**
         * Creates a new TensorProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorProto instance
         */
        static create(properties: tensorflow.TensorProto.$Shape): tensorflow.TensorProto & tensorflow.TensorProto.$Shape;
        static create(properties?: tensorflow.TensorProto.$Properties): tensorflow.TensorProto;

        /**
         * Encodes the specified TensorProto message. Does not implicitly {@link tensorflow.TensorProto.verify|verify} messages.
         * @param message TensorProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.TensorProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorProto & tensorflow.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorProto & tensorflow.TensorProto.$Shape;
    }

    namespace TensorProto {

        /** Properties of a TensorProto. */
        interface $Properties {

            /** TensorProto dtype */
            dtype?: (tensorflow.DataType|null);

            /** TensorProto tensorShape */
            tensorShape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** TensorProto versionNumber */
            versionNumber?: (number|null);

            /** TensorProto tensorContent */
            tensorContent?: (Uint8Array|null);

            /** TensorProto halfVal */
            halfVal?: (number[]|null);

            /** TensorProto floatVal */
            floatVal?: (number[]|null);

            /** TensorProto doubleVal */
            doubleVal?: (number[]|null);

            /** TensorProto intVal */
            intVal?: (number[]|null);

            /** TensorProto stringVal */
            stringVal?: (Uint8Array[]|null);

            /** TensorProto scomplexVal */
            scomplexVal?: (number[]|null);

            /** TensorProto int64Val */
            int64Val?: (number[]|null);

            /** TensorProto boolVal */
            boolVal?: (boolean[]|null);

            /** TensorProto dcomplexVal */
            dcomplexVal?: (number[]|null);

            /** TensorProto resourceHandleVal */
            resourceHandleVal?: (Uint8Array[]|null);

            /** TensorProto variantVal */
            variantVal?: (tensorflow.VariantTensorDataProto.$Properties[]|null);

            /** TensorProto uint32Val */
            uint32Val?: (number[]|null);

            /** TensorProto uint64Val */
            uint64Val?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorProto. */
        type $Shape = tensorflow.TensorProto.$Properties;
    }

    /**
     * Properties of a VariantTensorDataProto.
     * @deprecated Use tensorflow.VariantTensorDataProto.$Properties instead.
     */
    interface IVariantTensorDataProto extends tensorflow.VariantTensorDataProto.$Properties {
    }

    /** Represents a VariantTensorDataProto. */
    class VariantTensorDataProto {

        /**
         * Constructs a new VariantTensorDataProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.VariantTensorDataProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VariantTensorDataProto typeName. */
        typeName: string;

        /** VariantTensorDataProto metadata. */
        metadata: Uint8Array;

        /** VariantTensorDataProto tensors. */
        tensors: tensorflow.TensorProto.$Properties[];

        /**
         * Creates a new VariantTensorDataProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VariantTensorDataProto instance
         */
        static create(properties: tensorflow.VariantTensorDataProto.$Shape): tensorflow.VariantTensorDataProto & tensorflow.VariantTensorDataProto.$Shape;
        static create(properties?: tensorflow.VariantTensorDataProto.$Properties): tensorflow.VariantTensorDataProto;

        /**
         * Encodes the specified VariantTensorDataProto message. Does not implicitly {@link tensorflow.VariantTensorDataProto.verify|verify} messages.
         * @param message VariantTensorDataProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.VariantTensorDataProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VariantTensorDataProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.VariantTensorDataProto & tensorflow.VariantTensorDataProto.$Shape} VariantTensorDataProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.VariantTensorDataProto & tensorflow.VariantTensorDataProto.$Shape;
    }

    namespace VariantTensorDataProto {

        /** Properties of a VariantTensorDataProto. */
        interface $Properties {

            /** VariantTensorDataProto typeName */
            typeName?: (string|null);

            /** VariantTensorDataProto metadata */
            metadata?: (Uint8Array|null);

            /** VariantTensorDataProto tensors */
            tensors?: (tensorflow.TensorProto.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VariantTensorDataProto. */
        type $Shape = tensorflow.VariantTensorDataProto.$Properties;
    }

    /**
     * Properties of a TensorSliceProto.
     * @deprecated Use tensorflow.TensorSliceProto.$Properties instead.
     */
    interface ITensorSliceProto extends tensorflow.TensorSliceProto.$Properties {
    }

    /** Represents a TensorSliceProto. */
    class TensorSliceProto {

        /**
         * Constructs a new TensorSliceProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.TensorSliceProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TensorSliceProto extent. */
        extent: tensorflow.TensorSliceProto.Extent.$Properties[];

        /**
         * Creates a new TensorSliceProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TensorSliceProto instance
         */
        static create(properties: tensorflow.TensorSliceProto.$Shape): tensorflow.TensorSliceProto & tensorflow.TensorSliceProto.$Shape;
        static create(properties?: tensorflow.TensorSliceProto.$Properties): tensorflow.TensorSliceProto;

        /**
         * Encodes the specified TensorSliceProto message. Does not implicitly {@link tensorflow.TensorSliceProto.verify|verify} messages.
         * @param message TensorSliceProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.TensorSliceProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TensorSliceProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.TensorSliceProto & tensorflow.TensorSliceProto.$Shape} TensorSliceProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorSliceProto & tensorflow.TensorSliceProto.$Shape;
    }

    namespace TensorSliceProto {

        /** Properties of a TensorSliceProto. */
        interface $Properties {

            /** TensorSliceProto extent */
            extent?: (tensorflow.TensorSliceProto.Extent.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TensorSliceProto. */
        type $Shape = {
          extent?: tensorflow.TensorSliceProto.Extent.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };

        /**
         * Properties of an Extent.
         * @deprecated Use tensorflow.TensorSliceProto.Extent.$Properties instead.
         */
        interface IExtent extends tensorflow.TensorSliceProto.Extent.$Properties {
        }

        /** Represents an Extent. */
        class Extent {

            /**
             * Constructs a new Extent.
             * @param [properties] Properties to set
             */
            constructor(properties?: tensorflow.TensorSliceProto.Extent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Extent start. */
            start: number;

            /** Extent length. */
            length?: (number|null);

            /** Extent hasLength. */
            hasLength?: "length";

            /**
             * Creates a new Extent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Extent instance
             */
            static create(properties: tensorflow.TensorSliceProto.Extent.$Shape): tensorflow.TensorSliceProto.Extent & tensorflow.TensorSliceProto.Extent.$Shape;
            static create(properties?: tensorflow.TensorSliceProto.Extent.$Properties): tensorflow.TensorSliceProto.Extent;

            /**
             * Encodes the specified Extent message. Does not implicitly {@link tensorflow.TensorSliceProto.Extent.verify|verify} messages.
             * @param message Extent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: tensorflow.TensorSliceProto.Extent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Extent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {tensorflow.TensorSliceProto.Extent & tensorflow.TensorSliceProto.Extent.$Shape} Extent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.TensorSliceProto.Extent & tensorflow.TensorSliceProto.Extent.$Shape;
        }

        namespace Extent {

            /** Properties of an Extent. */
            interface $Properties {

                /** Extent start */
                start?: (number|null);

                /** Extent length */
                length?: (number|null);

                /** Extent hasLength */
                hasLength?: "length";

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Extent. */
            type $Shape = {
              start?: number|null;
              length?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ hasLength?: undefined; length?: null }|{ hasLength?: "length"; length: number })
            );
        }
    }

    /**
     * Properties of a BundleHeaderProto.
     * @deprecated Use tensorflow.BundleHeaderProto.$Properties instead.
     */
    interface IBundleHeaderProto extends tensorflow.BundleHeaderProto.$Properties {
    }

    /** Represents a BundleHeaderProto. */
    class BundleHeaderProto {

        /**
         * Constructs a new BundleHeaderProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.BundleHeaderProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** BundleHeaderProto numShards. */
        numShards: number;

        /** BundleHeaderProto endianness. */
        endianness: tensorflow.BundleHeaderProto.Endianness;

        /** BundleHeaderProto version. */
        version?: (tensorflow.VersionDef.$Properties|null);

        /**
         * Creates a new BundleHeaderProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns BundleHeaderProto instance
         */
        static create(properties: tensorflow.BundleHeaderProto.$Shape): tensorflow.BundleHeaderProto & tensorflow.BundleHeaderProto.$Shape;
        static create(properties?: tensorflow.BundleHeaderProto.$Properties): tensorflow.BundleHeaderProto;

        /**
         * Encodes the specified BundleHeaderProto message. Does not implicitly {@link tensorflow.BundleHeaderProto.verify|verify} messages.
         * @param message BundleHeaderProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.BundleHeaderProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a BundleHeaderProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.BundleHeaderProto & tensorflow.BundleHeaderProto.$Shape} BundleHeaderProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.BundleHeaderProto & tensorflow.BundleHeaderProto.$Shape;
    }

    namespace BundleHeaderProto {

        /** Properties of a BundleHeaderProto. */
        interface $Properties {

            /** BundleHeaderProto numShards */
            numShards?: (number|null);

            /** BundleHeaderProto endianness */
            endianness?: (tensorflow.BundleHeaderProto.Endianness|null);

            /** BundleHeaderProto version */
            version?: (tensorflow.VersionDef.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a BundleHeaderProto. */
        type $Shape = tensorflow.BundleHeaderProto.$Properties;

        /** Endianness enum. */
        enum Endianness {

            /** LITTLE value */
            LITTLE = 0,

            /** BIG value */
            BIG = 1
        }
    }

    /**
     * Properties of a BundleEntryProto.
     * @deprecated Use tensorflow.BundleEntryProto.$Properties instead.
     */
    interface IBundleEntryProto extends tensorflow.BundleEntryProto.$Properties {
    }

    /** Represents a BundleEntryProto. */
    class BundleEntryProto {

        /**
         * Constructs a new BundleEntryProto.
         * @param [properties] Properties to set
         */
        constructor(properties?: tensorflow.BundleEntryProto.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** BundleEntryProto dtype. */
        dtype: tensorflow.DataType;

        /** BundleEntryProto shape. */
        shape?: (tensorflow.TensorShapeProto.$Properties|null);

        /** BundleEntryProto shardId. */
        shardId: number;

        /** BundleEntryProto offset. */
        offset: number;

        /** BundleEntryProto size. */
        size: number;

        /** BundleEntryProto crc32c. */
        crc32c: number;

        /** BundleEntryProto slices. */
        slices: tensorflow.TensorSliceProto.$Properties[];

        /**
         * Creates a new BundleEntryProto instance using the specified properties.
         * @param [properties] Properties to set
         * @returns BundleEntryProto instance
         */
        static create(properties: tensorflow.BundleEntryProto.$Shape): tensorflow.BundleEntryProto & tensorflow.BundleEntryProto.$Shape;
        static create(properties?: tensorflow.BundleEntryProto.$Properties): tensorflow.BundleEntryProto;

        /**
         * Encodes the specified BundleEntryProto message. Does not implicitly {@link tensorflow.BundleEntryProto.verify|verify} messages.
         * @param message BundleEntryProto message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: tensorflow.BundleEntryProto.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a BundleEntryProto message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {tensorflow.BundleEntryProto & tensorflow.BundleEntryProto.$Shape} BundleEntryProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tensorflow.BundleEntryProto & tensorflow.BundleEntryProto.$Shape;
    }

    namespace BundleEntryProto {

        /** Properties of a BundleEntryProto. */
        interface $Properties {

            /** BundleEntryProto dtype */
            dtype?: (tensorflow.DataType|null);

            /** BundleEntryProto shape */
            shape?: (tensorflow.TensorShapeProto.$Properties|null);

            /** BundleEntryProto shardId */
            shardId?: (number|null);

            /** BundleEntryProto offset */
            offset?: (number|null);

            /** BundleEntryProto size */
            size?: (number|null);

            /** BundleEntryProto crc32c */
            crc32c?: (number|null);

            /** BundleEntryProto slices */
            slices?: (tensorflow.TensorSliceProto.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a BundleEntryProto. */
        type $Shape = {
          dtype?: tensorflow.DataType|null;
          shape?: tensorflow.TensorShapeProto.$Shape|null;
          shardId?: number|null;
          offset?: number|null;
          size?: number|null;
          crc32c?: number|null;
          slices?: tensorflow.TensorSliceProto.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a BoolValue.
         * @deprecated Use google.protobuf.BoolValue.$Properties instead.
         */
        interface IBoolValue extends google.protobuf.BoolValue.$Properties {
        }

        /** Represents a BoolValue. */
        class BoolValue {

            /**
             * Constructs a new BoolValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.BoolValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BoolValue value. */
            value: boolean;

            /**
             * Creates a new BoolValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BoolValue instance
             */
            static create(properties: google.protobuf.BoolValue.$Shape): google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape;
            static create(properties?: google.protobuf.BoolValue.$Properties): google.protobuf.BoolValue;

            /**
             * Encodes the specified BoolValue message. Does not implicitly {@link google.protobuf.BoolValue.verify|verify} messages.
             * @param message BoolValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.BoolValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BoolValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape} BoolValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.BoolValue & google.protobuf.BoolValue.$Shape;
        }

        namespace BoolValue {

            /** Properties of a BoolValue. */
            interface $Properties {

                /** BoolValue value */
                value?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BoolValue. */
            type $Shape = google.protobuf.BoolValue.$Properties;
        }
    }
}
