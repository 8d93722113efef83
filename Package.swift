// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "graphq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "graphq", targets: ["graphq"]),
        .library(name: "Graph", targets: ["Graph"]),
        .library(name: "Ingest", targets: ["Ingest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(
            name: "Graph",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw SQLite API, for the progress handler that enforces query time budgets.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "Ingest",
            dependencies: ["Graph"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "graphq",
            dependencies: [
                "Graph", "Ingest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GraphTests", dependencies: ["Graph"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Graph"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests"),
    ]
)
