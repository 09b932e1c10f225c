/// Cuts ffmpeg's `image2pipe` output, images written back to back with nothing between them, into the images.
///
/// It exists because the pipe carries no lengths: each image's end is found from its own format.
///
/// PNG: the 8-byte signature, then chunks until IEND:
///
/// | offset | size   | content                         |
/// |--------|--------|---------------------------------|
/// | 0      | 4      | data length n (big-endian)      |
/// | 4      | 4      | chunk type (`IHDR`, …, `IEND`)  |
/// | 8      | n      | data                            |
/// | 8 + n  | 4      | CRC                             |
///
/// JPEG: SOI (`FF D8`), then marker segments (`FF xx`, 2-byte big-endian length that counts itself) up to and
/// including SOS, whose entropy-coded data runs to the next marker that is neither a stuffed `FF 00` nor a restart
/// marker (`FF D0`–`FF D7`); a JPEG from ffmpeg's encoder ends at EOI (`FF D9`) after its one scan, and any marker
/// segments between scans are read the same way.
enum StillImageSplitter {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The images in `bytes`, in order; nil when the bytes are not whole images of `format` back to back.
    static func images(_ bytes: [UInt8], format: ImageEncoding.Format) -> [[UInt8]]? {
        var images: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = switch format {
            case .png: pngEnd(bytes, from: start)
            case .jpeg: jpegEnd(bytes, from: start)
            }
            guard let end else { return nil }
            images.append(Array(bytes[start ..< end]))
            start = end
        }
        return images
    }

    /// The index just past the PNG that starts at `start`.
    static func pngEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count - start >= pngSignature.count,
              bytes[start ..< start + pngSignature.count].elementsEqual(pngSignature) else { return nil }
        var position = start + pngSignature.count
        while position + 8 <= bytes.count {
            let length = bytes[position ..< position + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = bytes[position + 4 ..< position + 8]
            let next = position + 12 + length
            guard next <= bytes.count else { return nil }
            if type.elementsEqual("IEND".utf8) { return next }
            position = next
        }
        return nil
    }

    /// The index just past the JPEG that starts at `start`.
    static func jpegEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count - start >= 4, bytes[start] == 0xFF, bytes[start + 1] == 0xD8 else { return nil }
        var position = start + 2
        while position + 2 <= bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            let marker = bytes[position + 1]
            switch marker {
            case 0xFF:
                // Fill bytes before a marker.
                position += 1
            case 0xD9:
                return position + 2
            case 0x01, 0xD0...0xD7:
                position += 2
            default:
                guard position + 4 <= bytes.count else { return nil }
                let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
                guard length >= 2, position + 2 + length <= bytes.count else { return nil }
                position += 2 + length
                if marker == 0xDA {
                    guard let next = entropyDataEnd(bytes, from: position) else { return nil }
                    position = next
                }
            }
        }
        return nil
    }

    /// The index of the marker that ends the entropy-coded data starting at `start`.
    private static func entropyDataEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + 1 < bytes.count {
            if bytes[position] == 0xFF {
                let next = bytes[position + 1]
                if next != 0x00, !(0xD0...0xD7).contains(next) { return position }
                position += 2
            } else {
                position += 1
            }
        }
        return nil
    }
}
