/// Chooses the extractor that `graphq ingest` uses.
public enum ExtractorFactory {
    public static func make() -> any Extractor { BaselineExtractor() }
}
