import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The real consumers the export tests hand their files to: Graphviz, Python's networkx and csv
/// modules, and Foundation's XML parser.
enum ExternalTools {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ executable: String, _ args: [String], stdin: String? = nil) throws -> Output {
        // Output goes to files, so that a chatty child can never block on a full pipe.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        try Data().write(to: outURL); try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + args
        let inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        try out.close(); try err.close()
        return Output(status: p.terminationStatus,
                      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }

    static let hasDot: Bool = (try? run("dot", ["-V"]).status) == 0
    static let hasNetworkx: Bool = (try? run("python3", ["-c", "import networkx"]).status) == 0
    static let hasPython: Bool = (try? run("python3", ["-c", "import csv"]).status) == 0

    /// Runs a Python script with arguments; the script prints JSON, which is decoded.
    static func python(_ script: String, _ args: [String]) throws -> Any {
        let r = try run("python3", ["-c", script] + args)
        guard r.status == 0 else { throw Failure(message: "python failed: \(r.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}

/// Parses XML with Foundation's parser and collects what the tests look at.
final class XMLProbe: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var attributes: [(element: String, attributes: [String: String])] = []
    var text = ""
    var error: (any Error)?
    private var currentText = ""
    var textsByElement: [String: [String]] = [:]

    static func parse(_ xml: String) -> XMLProbe {
        let probe = XMLProbe()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = probe
        if !parser.parse() { probe.error = parser.parserError ?? ExternalTools.Failure(message: "XML parse failed") }
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        self.attributes.append((name, attributes))
        currentText = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        currentText += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        textsByElement[name, default: []].append(currentText)
        currentText = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }
}
