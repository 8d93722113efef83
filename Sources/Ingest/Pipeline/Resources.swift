import Foundation

/// Files shipped with graphq: lexicons and the example articles.
public enum BundledResources {
    /// The folder of resource files inside the Ingest bundle.
    public static var root: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }
    /// Example articles (invented controversies) used by `graphq demo`.
    public static var examples: URL { root.appendingPathComponent("Examples") }
}
