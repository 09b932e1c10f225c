/// The `stsd` box: one sample entry per track, `avc1` + `avcC`, `hvc1` + `hvcC`, or `mp4a` + `esds`.
///
/// It exists to hold the byte layouts of ISO/IEC 14496-12 §12.1.3 (VisualSampleEntry), §12.2.3
/// (AudioSampleEntry), ISO/IEC 14496-15 (avcC, hvcC copied from the Matroska CodecPrivate) and ISO/IEC 14496-14
/// (esds: ES_Descriptor → DecoderConfigDescriptor with object type 0x40 → DecoderSpecificInfo holding the
/// AudioSpecificConfig, then an SLConfigDescriptor).
enum MP4SampleEntry {
    static func writeSampleDescription(into writer: inout MP4BoxWriter, track: MP4Track) {
        writer.fullBox("stsd") { stsd in
            stsd.append(UInt32(1))
            switch track.codec {
            case .avc(let configuration):
                writeVisualEntry(into: &stsd, type: "avc1", configurationType: "avcC",
                                 record: configuration.record, media: track.media)
            case .hevc(let configuration):
                writeVisualEntry(into: &stsd, type: "hvc1", configurationType: "hvcC",
                                 record: configuration.record, media: track.media)
            case .aac(let configuration):
                writeAudioEntry(into: &stsd, configuration: configuration, media: track.media)
            }
        }
    }

    private static func writeVisualEntry(into writer: inout MP4BoxWriter, type: String, configurationType: String,
                                         record: [UInt8], media: MP4Track.Media) {
        var width: UInt16 = 0
        var height: UInt16 = 0
        if case .video(let pixelWidth, let pixelHeight) = media { (width, height) = (pixelWidth, pixelHeight) }
        writer.box(type) { entry in
            entry.appendZeros(6)  // reserved
            entry.append(UInt16(1))  // data_reference_index
            entry.appendZeros(16)  // pre_defined, reserved, pre_defined[3]
            entry.append(width)
            entry.append(height)
            entry.append(UInt32(0x0048_0000))  // 72 dpi horizontally
            entry.append(UInt32(0x0048_0000))  // and vertically
            entry.append(UInt32(0))  // reserved
            entry.append(UInt16(1))  // frame_count
            entry.appendZeros(32)  // compressorname
            entry.append(UInt16(0x0018))  // depth: colour, no alpha
            entry.append(Int16(-1))  // pre_defined
            entry.box(configurationType) { $0.append(contentsOf: record) }
        }
    }

    private static func writeAudioEntry(into writer: inout MP4BoxWriter, configuration: MP4AACConfiguration,
                                        media: MP4Track.Media) {
        var samplingRate: UInt32 = configuration.samplingFrequency
        var channels = UInt16(configuration.channelConfiguration)
        if case .audio(let rate, let count) = media { (samplingRate, channels) = (rate, count) }
        writer.box("mp4a") { entry in
            entry.appendZeros(6)
            entry.append(UInt16(1))  // data_reference_index
            entry.appendZeros(8)  // reserved
            entry.append(channels)
            entry.append(UInt16(16))  // samplesize
            entry.appendZeros(4)  // pre_defined, reserved
            // 16.16 fixed point; rates of 65536 Hz and above do not fit and are left to the esds.
            entry.append(samplingRate <= UInt32(UInt16.max) ? samplingRate << 16 : 0)
            entry.fullBox("esds") { esds in
                esds.append(contentsOf: elementaryStreamDescriptor(configuration.record))
            }
        }
    }

    /// ES_Descriptor (tag 3) for an AAC stream with the given AudioSpecificConfig.
    static func elementaryStreamDescriptor(_ audioSpecificConfig: [UInt8]) -> [UInt8] {
        let decoderSpecificInfo = descriptor(tag: 0x05, audioSpecificConfig)
        var decoderConfig: [UInt8] = [0x40, 0x15]  // objectTypeIndication: MPEG-4 audio; streamType 5 (audio) << 2 | 1
        decoderConfig += [0, 0, 0]  // bufferSizeDB
        decoderConfig += [0, 0, 0, 0, 0, 0, 0, 0]  // maxBitrate, avgBitrate: unknown
        let slConfig = descriptor(tag: 0x06, [0x02])  // predefined: MP4 files
        let elementaryStream: [UInt8] = [0, 0, 0]  // ES_ID, flags
            + descriptor(tag: 0x04, decoderConfig + decoderSpecificInfo) + slConfig
        return descriptor(tag: 0x03, elementaryStream)
    }

    /// A descriptor: tag, size in the expandable 7-bits-per-byte form, payload.
    private static func descriptor(tag: UInt8, _ payload: [UInt8]) -> [UInt8] {
        var sizeBytes: [UInt8] = [UInt8(payload.count & 0x7F)]
        var remaining = payload.count >> 7
        while remaining > 0 {
            sizeBytes.insert(UInt8(remaining & 0x7F) | 0x80, at: 0)
            remaining >>= 7
        }
        return [tag] + sizeBytes + payload
    }
}
