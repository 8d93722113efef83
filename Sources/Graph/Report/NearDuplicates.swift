/// Finds near-identical texts (syndicated copies of one wire story, the same press-release quote
/// printed by several outlets) by the Jaccard similarity of their word shingles.
///
/// Each text is reduced to a bottom-k sketch: the k smallest 64-bit hashes of its word
/// 5-shingles (shorter texts use their words). Two sketches estimate the Jaccard similarity of
/// the full shingle sets (Broder 1997) without comparing the texts themselves, so grouping is
/// cheap even for long articles.
public struct NearDuplicates: Sendable {
    public static let defaultThreshold = 0.7

    public struct Sketch: Sendable, Equatable {
        /// Sorted ascending.
        public var hashes: [UInt64]
        public var isEmpty: Bool { hashes.isEmpty }
    }

    public var shingleSize: Int
    public var sketchSize: Int
    public var threshold: Double

    public init(shingleSize: Int = 5, sketchSize: Int = 128, threshold: Double = NearDuplicates.defaultThreshold) {
        self.shingleSize = shingleSize; self.sketchSize = sketchSize; self.threshold = threshold
    }

    public func sketch(_ text: String) -> Sketch {
        let words = Self.wordHashes(text)
        guard !words.isEmpty else { return Sketch(hashes: []) }
        var hashes = Set<UInt64>()
        if words.count < shingleSize {
            hashes.formUnion(words)
        } else {
            for i in 0...(words.count - shingleSize) {
                var h: UInt64 = 0xcbf29ce484222325
                for w in words[i..<i + shingleSize] { h = (h ^ w) &* 0x100000001b3; h ^= h >> 29 }
                hashes.insert(h)
            }
        }
        return Sketch(hashes: Array(hashes.sorted().prefix(sketchSize)))
    }

    /// Estimated Jaccard similarity of the shingle sets behind two sketches.
    public func similarity(_ a: Sketch, _ b: Sketch) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        // Walk the union in order, keeping its k smallest; count those present in both.
        var i = 0, j = 0, taken = 0, shared = 0
        // Two complete (short) shingle sets give the exact Jaccard similarity.
        let k = a.hashes.count < sketchSize && b.hashes.count < sketchSize ? Int.max : sketchSize
        while taken < k, i < a.hashes.count || j < b.hashes.count {
            let x = i < a.hashes.count ? a.hashes[i] : UInt64.max
            let y = j < b.hashes.count ? b.hashes[j] : UInt64.max
            if x == y { shared += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
            taken += 1
        }
        return taken == 0 ? 0 : Double(shared) / Double(taken)
    }

    /// Groups items whose sketches are at least `threshold` similar (transitively); returns a
    /// group number per item.
    public func groups(_ sketches: [Sketch]) -> [Int] {
        var parent = Array(sketches.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        // Candidate pairs share at least one of their smallest hashes.
        var byHash: [UInt64: [Int]] = [:]
        for (n, s) in sketches.enumerated() {
            for h in s.hashes.prefix(16) { byHash[h, default: []].append(n) }
        }
        var tried = Set<Int>()
        // A hash shared by hundreds of texts is boilerplate, not evidence of copying.
        for members in byHash.values where members.count > 1 && members.count <= 500 {
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    let a = members[x], b = members[y]
                    guard tried.insert(a * sketches.count + b).inserted, find(a) != find(b) else { continue }
                    if similarity(sketches[a], sketches[b]) >= threshold { parent[find(a)] = find(b) }
                }
            }
        }
        return sketches.indices.map(find)
    }

    /// FNV-1a hashes of the lower-cased words (runs of letters and digits) of `text`. ASCII is
    /// handled byte by byte; other scalars consult their Unicode properties.
    static func wordHashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var h: UInt64 = 0xcbf29ce484222325
        var inWord = false
        func feed(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x100000001b3; inWord = true }
        func end() {
            if inWord { out.append(h) }
            h = 0xcbf29ce484222325
            inWord = false
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case 0x30...0x39, 0x61...0x7A: feed(b)
                case 0x41...0x5A: feed(b + 0x20)
                default: end()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for b in scalar.properties.lowercaseMapping.utf8 { feed(b) }
            } else {
                end()
            }
        }
        end()
        return out
    }
}
