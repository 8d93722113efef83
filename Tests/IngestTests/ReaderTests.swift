import Foundation
import Testing
import Graph
@testable import Ingest

func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
}

func documents(_ items: [ArticleReader.Item]) -> [Document] {
    items.compactMap { if case .success(let d) = $0.result { return d } else { return nil } }
}

func failures(_ items: [ArticleReader.Item]) -> [ReadError] {
    items.compactMap { if case .failure(let e) = $0.result { return e } else { return nil } }
}

@Suite struct PlainTextReaderTests {
    @Test func webClippingMetadataBecomesFields() throws {
        let docs = documents(ArticleReader().read(file: fixture("clip.txt")))
        let d = try #require(docs.first)
        #expect(d.title == "Harbor Council Rejects Ferry Fare Hike")
        #expect(d.published == "2023-06-03")
        #expect(d.author == "Priya Nandakumar")
        #expect(d.source == "Harbor Daily")
        #expect(!d.text.contains("Source:"))
        #expect(!d.text.contains("Priya"))
        #expect(d.text.hasPrefix("The Harbor City Council voted"))
    }

    @Test func repeatedParagraphIsReadOnce() throws {
        let d = try #require(documents(ArticleReader().read(file: fixture("clip.txt"))).first)
        #expect(d.text.components(separatedBy: "This is a win").count == 2)
    }
}

@Suite struct MarkdownReaderTests {
    @Test func frontMatterAndMarkupAreRead() throws {
        let d = try #require(documents(ArticleReader().read(file: fixture("note.md"))).first)
        #expect(d.title == "Orchard Growers Back Water Plan")
        #expect(d.published == "2022-03-14")
        #expect(d.source == "Valley Ledger")
        #expect(d.url == "https://example.org/valley/water-plan")
        #expect(d.key == "https://example.org/valley/water-plan")
        #expect(d.text.hasPrefix("The Valley Growers Association backed the regional water plan on Monday."))
        #expect(!d.text.contains("**") && !d.text.contains("]("))
    }
}

@Suite struct HTMLReaderTests {
    @Test func metadataAndArticleBody() throws {
        let d = try #require(documents(ArticleReader().read(file: fixture("page.html"))).first)
        #expect(d.title == "Miners Strike at Copperline & Sons | Ridge Post")
        #expect(d.source == "Ridge Post")
        #expect(d.published == "2021-10-05")
        #expect(d.author == "Lee Okoro")
        #expect(d.text.contains("Copperline & Sons walked out"))
        #expect(d.text.contains("company\u{2019}s chief executive"))
        #expect(d.text.contains("\u{201C}reckless.\u{201D}"))
    }

    @Test func scriptsStylesNavigationAndFootersAreDropped() throws {
        let d = try #require(documents(ArticleReader().read(file: fixture("page.html"))).first)
        for junk in ["tracking", "color: red", "Home", "Copyright"] { #expect(!d.text.contains(junk), "\(junk)") }
    }
}

@Suite struct JSONReaderTests {
    @Test func arrayOfArticlesWithIdsAsKeys() {
        let docs = documents(ArticleReader().read(file: fixture("batch.json")))
        #expect(docs.map(\.key) == ["b-1", "7"])
        #expect(docs[0].published == "2020-03-02")
        #expect(docs[0].source == "Coast Wire")
        #expect(docs[1].published == "2020-03-05")
    }

    @Test func jsonLinesReportsTheBadLineAndKeepsTheOthers() {
        let items = ArticleReader().read(file: fixture("lines.jsonl"))
        #expect(documents(items).map(\.key) == ["l-1", "l-3"])
        #expect(documents(items)[1].published == "2019-01-09")
        let errors = failures(items)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.description.contains("lines.jsonl:2: error: malformed JSON") == true)
    }

    @Test func objectWithoutTextIsAnError() {
        let items = ArticleReader().read(data: Data(#"{"id": "x", "title": "no body"}"#.utf8), name: "x.json", keyBase: "x.json", format: .json)
        #expect(failures(items).first?.message.contains("\"text\"") == true)
    }

    @Test func malformedJSONNamesTheLine() {
        let items = ArticleReader().read(data: Data("[\n{\"text\": \"a\"},\n{oops}\n]".utf8), name: "bad.json", keyBase: "bad.json", format: .json)
        let e = failures(items).first
        #expect(e?.message.contains("malformed JSON") == true)
        #expect(e?.line == 3)
    }
}

@Suite struct FeedReaderTests {
    @Test func rssItemsBecomeDocuments() {
        let docs = documents(ArticleReader().read(file: fixture("feed.rss")))
        #expect(docs.count == 2)
        #expect(docs[0].key == "transit-1")
        #expect(docs[0].source == "Metro Transit Watch")
        #expect(docs[0].published == "2021-09-07")
        #expect(docs[0].author == "Ana Ruiz")
        #expect(docs[0].text == "Cyclists opposed the removal of the Elm Street bike lane.\n\nThe mayor defended the plan.")
        #expect(docs[1].key == "https://example.org/transit/2")
    }

    @Test func atomEntriesBecomeDocuments() {
        let docs = documents(ArticleReader().read(file: fixture("feed.atom")))
        #expect(docs.count == 1)
        #expect(docs[0].url == "https://example.org/campus/tuition")
        #expect(docs[0].published == "2020-02-11")
        #expect(docs[0].author == "Kim Osei")
        #expect(docs[0].text == "Students protested the tuition rise.")
    }

    @Test func malformedXMLIsAnErrorWithALine() {
        let items = ArticleReader().read(data: Data("<rss><channel><item><title>x</item></rss>".utf8), name: "f.xml", keyBase: "f.xml", format: .feed)
        #expect(failures(items).first?.message.contains("malformed XML") == true)
    }
}

@Suite struct BadInputTests {
    func temp(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func binaryFileIsRefused() throws {
        let path = try temp("x.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))
        let e = failures(ArticleReader().read(file: path))
        #expect(e.first?.message.contains("binary") == true)
        #expect(e.first?.file == path)
    }

    @Test func nonUTF8IsRefusedWithAHint() throws {
        let path = try temp("latin.txt", Data("caf\u{E9} au lait".data(using: .isoLatin1)!))
        #expect(failures(ArticleReader().read(file: path)).first?.message.contains("iconv") == true)
    }

    @Test func emptyFileIsRefused() throws {
        let path = try temp("empty.md", Data())
        #expect(failures(ArticleReader().read(file: path)).first?.message.contains("empty") == true)
    }

    @Test func hugeSingleLineIsRefusedNotLoadedAsOneArticle() throws {
        let path = try temp("huge.txt", Data(repeating: UInt8(ascii: "a"), count: 50 << 20))
        let e = failures(ArticleReader().read(file: path))
        #expect(e.count == 1)
        #expect(e.first?.message.contains("limit") == true)
    }

    @Test func missingPathIsReported() {
        let e = failures(ArticleReader().read(paths: ["/nonexistent/graphq/x.txt"]))
        #expect(e.first?.message == "no such file or directory")
    }

    @Test func directoryIsReadRecursivelySkippingBinaries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "Title\n\nWorkers opposed the plan.".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "{\"id\":\"j\",\"text\":\"Residents backed it.\"}".write(to: dir.appendingPathComponent("sub/b.json"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 3]).write(to: dir.appendingPathComponent("sub/image.png"))
        let items = ArticleReader().read(paths: [dir.path])
        #expect(documents(items).count == 2)
        #expect(failures(items).isEmpty)
    }
}

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("2018-11-09", "2018-11-09"), ("2018-11-09T10:00:00Z", "2018-11-09"), ("November 9, 2018", "2018-11-09"),
        ("Nov. 9, 2018", "2018-11-09"), ("9 November 2018", "2018-11-09"), ("Fri, 09 Nov 2018 10:00:00 GMT", "2018-11-09"),
        ("2018/11/09", "2018-11-09"), ("11/09/2018", "2018-11-09"), ("November 2018", "2018-11"), ("2018", "2018"),
    ])
    func normalizesCommonForms(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test func rejectsNonDates() {
        #expect(DateNormalizer.normalize("yesterday afternoon") == nil)
        #expect(DateNormalizer.normalize("2018-13-40") == nil)
    }
}
