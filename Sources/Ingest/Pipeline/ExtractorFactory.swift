/// Chooses the extractor that `graphq ingest` uses.
public enum ExtractorFactory {
    public static func make(lexicon: Lexicon = .bundled) -> any Extractor { RuleExtractor(lexicon: lexicon) }
}
