/// `strftime` as glibc's, in the C locale and UTC, which is what jq 1.6 on AWS uses.
///
/// Conversions: `%a %A %b %B %h %c %C %d %D %e %F %g %G %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U %V %w
/// %W %x %X %y %Y %z %Z %%`. Between `%` and the letter: flags `-` (no padding), `_` (spaces), `0` (zeros), `^`
/// (upper case), `#` (swap case of names), a width, and the ignored modifiers `E` and `O`. Fields are printed as
/// given, not normalised (month 13 prints `?` for `%b`); an unknown conversion is copied as written.
struct JQTimeFormatter {
    let time: JQBrokenDownTime
    /// Writing stops once the output is this long (the caller refuses such a result anyway), so widths and long
    /// patterns cannot build a huge string.
    let outputBytesMax: Int
    var output = ""

    init(_ time: JQBrokenDownTime, outputBytesMax: Int) {
        self.time = time
        self.outputBytesMax = outputBytesMax
    }

    static func format(_ pattern: String, _ time: JQBrokenDownTime, outputBytesMax: Int = Int.max) -> String {
        var formatter = JQTimeFormatter(time, outputBytesMax: outputBytesMax)
        formatter.write(Array(pattern.unicodeScalars))
        return formatter.output
    }

    /// One conversion's flags and width.
    struct Specification {
        var flag: Character?
        var upper = false
        var swapCase = false
        var width: Int?
    }

    private mutating func write(_ pattern: [Unicode.Scalar]) {
        var index = 0
        while index < pattern.count && output.utf8.count <= outputBytesMax {
            guard pattern[index] == "%" else {
                output.unicodeScalars.append(pattern[index])
                index += 1
                continue
            }
            let start = index
            index += 1
            var specification = Specification()
            while index < pattern.count, "-_0^#".unicodeScalars.contains(pattern[index]) {
                switch pattern[index] {
                case "^": specification.upper = true
                case "#": specification.swapCase = true
                default: specification.flag = Character(pattern[index])
                }
                index += 1
            }
            var width = 0, hasWidth = false
            while index < pattern.count, ("0" ... "9").contains(pattern[index]), width < 10_000 {
                width = width * 10 + Int(pattern[index].value - 48)
                hasWidth = true
                index += 1
            }
            if hasWidth { specification.width = width }
            while index < pattern.count, pattern[index] == "E" || pattern[index] == "O" { index += 1 }
            guard index < pattern.count else {
                output += String(String.UnicodeScalarView(pattern[start...]))
                return
            }
            let letter = pattern[index]
            index += 1
            if !convert(letter, specification) {
                let text = String(String.UnicodeScalarView(pattern[start ..< index]))
                output += Self.padded(text, width: min(specification.width ?? 0, outputBytesMax + 1), with: " ")
            }
        }
    }
}
