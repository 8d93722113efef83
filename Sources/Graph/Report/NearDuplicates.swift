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
        let words = Self.words(text)
        guard !words.isEmpty else { return Sketch(hashes: []) }
        var hashes = Set<UInt64>()
        if words.count < shingleSize {
            for w in words { hashes.insert(Self.fnv1a(w)) }
        } else {
            for i in 0...(words.count - shingleSize) {
                var h: UInt64 = 0xcbf29ce484222325
                for w in words[i..<i + shingleSize] {
                    h = Self.fnv1a(w, seed: h)
                    h = (h ^ 0x20) &* 0x100000001b3
                }
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

    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    static func fnv1a(_ s: Substring, seed: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var h = seed
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
