/// The 7-byte ADTS header (ISO/IEC 13818-7 §6.2, no CRC) put in front of each raw AAC frame, built from the track's
/// AudioSpecificConfig.
///
/// It exists because MPEG-TS carries AAC as ADTS (stream type 0x0F): each frame must say its own profile, sampling
/// rate and channel layout, which Matroska keeps once in CodecPrivate. Bits written:
///
/// | bits | field                                                              |
/// |------|--------------------------------------------------------------------|
/// | 12   | syncword 0xFFF                                                     |
/// | 1    | ID 0 (MPEG-4)                                                      |
/// | 2    | layer 00                                                           |
/// | 1    | protection_absent 1                                                |
/// | 2    | profile (audio object type − 1)                                    |
/// | 4    | sampling_frequency_index                                           |
/// | 1    | private bit 0                                                      |
/// | 3    | channel_configuration                                              |
/// | 4    | original/copy, home, copyright bits 0                              |
/// | 13   | aac_frame_length (header included)                                 |
/// | 11   | adts_buffer_fullness 0x7FF (variable bit rate)                     |
/// | 2    | number_of_raw_data_blocks_in_frame − 1 = 0                         |
///
/// HE-AAC (object types 5 and 29) is signalled as its AAC-LC core at the core sampling rate, which decoders
/// extend by finding the SBR and PS data implicitly, as in any ADTS stream.
struct TSADTSHeader: Sendable {
    static let headerBytes = 7
    /// aac_frame_length is a 13-bit field.
    static let frameBytesMax = (1 << 13) - 1
    /// Audio object types ADTS can name directly (its 2-bit profile): Main, LC, SSR, LTP.
    static let directObjectTypes: ClosedRange<UInt8> = 1...4
    /// SBR and PS, carried as their AAC-LC core.
    static let coreLowComplexityObjectTypes: Set<UInt8> = [5, 29]

    let profile: UInt8
    let samplingFrequencyIndex: UInt8
    let channelConfiguration: UInt8

    /// Throws a reason when the configuration is one an ADTS header cannot describe.
    init(_ configuration: MP4AACConfiguration) throws(MP4ConfigurationError) {
        let objectType = configuration.audioObjectType
        if Self.directObjectTypes.contains(objectType) {
            profile = objectType - 1
        } else if Self.coreLowComplexityObjectTypes.contains(objectType) {
            profile = 1
        } else {
            throw MP4ConfigurationError("audio object type \(objectType) has no ADTS profile")
        }
        guard let index = MP4AACConfiguration.samplingFrequencies.firstIndex(of: configuration.samplingFrequency) else {
            throw MP4ConfigurationError("a sampling frequency of \(configuration.samplingFrequency) Hz has no ADTS "
                                        + "sampling frequency index")
        }
        guard (1...7).contains(configuration.channelConfiguration) else {
            throw MP4ConfigurationError("channel configuration \(configuration.channelConfiguration) cannot be "
                                        + "signalled in ADTS without a program config element")
        }
        guard configuration.samplesPerFrame == 1024 else {
            throw MP4ConfigurationError("ADTS carries only 1024-sample AAC frames, not "
                                        + "\(configuration.samplesPerFrame)-sample ones")
        }
        samplingFrequencyIndex = UInt8(index)
        channelConfiguration = configuration.channelConfiguration
    }

    /// The ADTS frame for one raw AAC frame: this header, then the frame's bytes; throws when the frame is too long
    /// for ADTS.
    func frame(_ matroskaFrame: MatroskaFrame) throws(TSPackagingError) -> [UInt8] {
        let payloadBytes = matroskaFrame.bytes.count
        let frameLength = payloadBytes + Self.headerBytes
        guard frameLength <= Self.frameBytesMax else {
            throw .invalidFrame(trackNumber: matroskaFrame.trackNumber, timecode: matroskaFrame.absoluteTimecode,
                                reason: "is \(payloadBytes) bytes of AAC, more than an ADTS frame of at most "
                                    + "\(Self.frameBytesMax) bytes holds")
        }
        return [
            0xFF,
            0xF1,
            profile << 6 | samplingFrequencyIndex << 2 | channelConfiguration >> 2,
            (channelConfiguration & 0x03) << 6 | UInt8(frameLength >> 11),
            UInt8((frameLength >> 3) & 0xFF),
            UInt8((frameLength & 0x07) << 5) | 0x1F,
            0xFC,
        ] + matroskaFrame.bytes
    }
}
