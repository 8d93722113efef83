/// A group of actors that take the same side on the same target: the unit DOT clusters show.
///
/// Each actor is placed with its *main position*: the (target, side) that most of its evidence
/// backs (supports and defends are one side, opposes the other; ties go to the most recent, then
/// to the target's name). Actors that only receive stances belong to no coalition. The rule is
/// deliberately simple and explainable: on a one-issue map it yields "for X" and "against X".
public struct Coalition: Sendable, Equatable {
    public var target: NodeRef
    /// +1 for supports/defends, -1 for opposes.
    public var side: Int
    public var members: [NodeRef]

    public func label(in graph: Subgraph) -> String {
        (side > 0 ? "for " : "against ") + graph.label(target)
    }

    /// Coalitions of at least `minimumSize` members, largest first.
    public static func find(in graph: Subgraph, minimumSize: Int = 2) -> [Coalition] {
        struct Position: Hashable { var target: NodeRef; var side: Int }
        struct Weight { var count = 0; var last = "" }
        var weights: [NodeRef: [Position: Weight]] = [:]
        for edge in graph.edges {
            let p = Position(target: edge.target, side: edge.polarity.side)
            var w = weights[edge.holder, default: [:]][p, default: Weight()]
            w.count += edge.count
            w.last = max(w.last, edge.lastDate ?? "")
            weights[edge.holder, default: [:]][p] = w
        }
        var groups: [Position: [NodeRef]] = [:]
        for (actor, positions) in weights {
            let best = positions.max { a, b in
                if a.value.count != b.value.count { return a.value.count < b.value.count }
                if a.value.last != b.value.last { return a.value.last < b.value.last }
                let la = graph.label(a.key.target), lb = graph.label(b.key.target)
                if la != lb { return la > lb }
                return a.key.side < b.key.side
            }
            if let best { groups[best.key, default: []].append(actor) }
        }
        return groups.filter { $0.value.count >= minimumSize }
            .map { Coalition(target: $0.key.target, side: $0.key.side, members: $0.value.sorted()) }
            .sorted { a, b in
                if a.members.count != b.members.count { return a.members.count > b.members.count }
                if a.target != b.target { return a.target < b.target }
                return a.side > b.side
            }
    }
}
