/// An AAC AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), as Matroska stores it in the CodecPrivate of an `A_AAC`
/// track and as MP4 carries it in the DecoderSpecificInfo of an `esds` box.
///
/// It exists to check the record before it is copied into `esds`, to fill in sampling rate and channels when the
/// Matroska track omits them, and to derive the `mp4a.40.<object type>` codec string. Bits read here:
///
/// | bits    | field                                                                    |
/// |---------|--------------------------------------------------------------------------|
/// | 5 (+6)  | audioObjectType (31 escapes to 32 + the next 6 bits)                    |
/// | 4 (+24) | samplingFrequencyIndex (15 escapes to an explicit 24-bit frequency)     |
/// | 4       | channelConfiguration                                                     |
/// | 1       | GASpecificConfig frameLengthFlag (960 instead of 1024 samples per frame) |
public struct MP4AACConfiguration: Equatable, Sendable {
    /// The AudioSpecificConfig, byte for byte.
    public let record: [UInt8]
    /// 2 for AAC-LC, 5 for SBR (HE-AAC), 29 for PS (HE-AACv2).
    public let audioObjectType: UInt8
    public let samplingFrequency: UInt32
    /// 0 when the channel layout is given by a program config element instead.
    public let channelConfiguration: UInt8
    /// PCM samples each AAC frame decodes to (1024, or 960 when frameLengthFlag is set).
    public let samplesPerFrame: UInt32

    /// ISO/IEC 14496-3 Table 1.18, indexed by samplingFrequencyIndex.
    static let samplingFrequencies: [UInt32] = [
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
    ]
    /// Object types whose config starts with a GASpecificConfig (and so carries frameLengthFlag).
    static let generalAudioObjectTypes: Set<UInt8> = [1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23]

    public init(record: [UInt8]) throws(MP4ConfigurationError) {
        var reader = MP4BitReader(record)
        guard var objectType = reader.read(5) else {
            throw MP4ConfigurationError("an AudioSpecificConfig has at least 2 bytes, this one has \(record.count)")
        }
        if objectType == 31 {
            guard let extended = reader.read(6) else { throw MP4ConfigurationError("AudioSpecificConfig is cut short") }
            objectType = 32 + extended
        }
        guard objectType != 0 else { throw MP4ConfigurationError("AudioSpecificConfig has audio object type 0") }
        guard let frequencyIndex = reader.read(4) else {
            throw MP4ConfigurationError("AudioSpecificConfig is cut short")
        }
        let frequency: UInt32
        if frequencyIndex == 15 {
            guard let explicit = reader.read(24) else {
                throw MP4ConfigurationError("AudioSpecificConfig is cut short")
            }
            frequency = explicit
        } else if Int(frequencyIndex) < Self.samplingFrequencies.count {
            frequency = Self.samplingFrequencies[Int(frequencyIndex)]
        } else {
            throw MP4ConfigurationError("AudioSpecificConfig uses reserved sampling frequency index \(frequencyIndex)")
        }
        guard frequency > 0 else { throw MP4ConfigurationError("AudioSpecificConfig has a sampling frequency of 0") }
        guard let channels = reader.read(4) else { throw MP4ConfigurationError("AudioSpecificConfig is cut short") }
        var samplesPerFrame: UInt32 = 1024
        if Self.generalAudioObjectTypes.contains(UInt8(objectType)), reader.read(1) == 1 {
            samplesPerFrame = 960
        }
        self.record = record
        self.audioObjectType = UInt8(objectType)
        self.samplingFrequency = frequency
        self.channelConfiguration = UInt8(channels)
        self.samplesPerFrame = samplesPerFrame
    }

    /// RFC 6381 with the MPEG-4 audio object type indication 0x40: `mp4a.40.2` for AAC-LC.
    public var codecString: String { "mp4a.40.\(audioObjectType)" }
}
