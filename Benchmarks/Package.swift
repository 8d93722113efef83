// swift-tools-version: 6.1
// The query benchmark lives in its own package so that the main build and tests never compile it.
// Run in release: cd Benchmarks && swift run -c release QueryBench [--db PATH] [--regenerate]
//                 cd Benchmarks && swift run -c release IngestBench [--articles N]
import PackageDescription

let package = Package(
    name: "graphq-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "graphq", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "IngestBench",
            dependencies: [
                .product(name: "Graph", package: "graphq"),
                .product(name: "Ingest", package: "graphq"),
            ]
        ),
        .executableTarget(
            name: "QueryBench",
            dependencies: [
                .product(name: "Graph", package: "graphq"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
