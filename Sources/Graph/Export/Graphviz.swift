import Foundation

/// Renders DOT with Graphviz's `dot` program when it is installed.
public enum Graphviz {
    public enum Format: String, Sendable, CaseIterable { case svg, png, pdf }

    public enum Failure: Error, CustomStringConvertible, LocalizedError, Sendable {
        case notInstalled
        case failed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .notInstalled:
                return "Graphviz's `dot` is not installed; install it (Debian/Ubuntu: `apt-get install graphviz`, "
                    + "macOS: `brew install graphviz`) or export --format dot and render the file elsewhere"
            case .failed(let status, let message):
                return "dot failed (exit \(status)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
            }
        }
        public var errorDescription: String? { description }
    }

    /// The `dot` executable: `$GRAPHVIZ_DOT` when set, else the first `dot` on `$PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let explicit = environment["GRAPHVIZ_DOT"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("dot")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    public static var isInstalled: Bool { locate() != nil }

    /// Lays out and renders `dot` text.
    /// - Parameter layout: a Graphviz layout engine (`dot`, `neato`, `sfdp`, …); nil uses `dot`.
    /// - Throws: ``Failure/notInstalled`` or ``Failure/failed(status:message:)``.
    public static func render(_ dot: String, format: Format, layout: String? = nil) throws -> Data {
        guard let exe = locate() else { throw Failure.notInstalled }
        // Files rather than pipes: dot may write a lot to stderr while we feed stdin.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.dot"), output = dir.appendingPathComponent("out"),
            errors = dir.appendingPathComponent("err")
        try Data(dot.utf8).write(to: input)
        try Data().write(to: errors)
        let p = Process()
        p.executableURL = exe
        var args = ["-T\(format.rawValue)", "-o", output.path, input.path]
        if let layout { args.insert("-K\(layout)", at: 0) }
        p.arguments = args
        let errHandle = try FileHandle(forWritingTo: errors)
        p.standardError = errHandle
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try? errHandle.close()
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path) else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure.failed(status: p.terminationStatus, message: message)
        }
        return data
    }
}
