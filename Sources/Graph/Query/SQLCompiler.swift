import Foundation
import GRDB

/// Compiles a parsed statement into SQL text plus bound arguments (or a path plan).
///
/// Names are resolved to ids first. SQL identifiers come only from fixed tables below (user
/// variable names never reach the SQL text); every user value is a numbered argument (`?N`).
///
/// A MATCH is compiled hop by hop from its anchor (a node fixed by name or id) outward, as a chain
/// of CTEs. Each hop keeps only the columns still needed — the variables the query mentions and the
/// node the next hop starts from — and is de-duplicated, so the middle of a two-hop pattern is
/// pre-aggregated before the next join instead of exploding on hubs. The result is one row per
/// distinct combination of the variables mentioned in WHERE, RETURN and ORDER BY.
public struct SQLCompiler {
    let source: String
    let options: QueryOptions
    var resolver: Resolver
    var arguments: [DatabaseValue] = []

    init(db: Database, source: String, options: QueryOptions) {
        self.source = source
        self.options = options
        self.resolver = Resolver(db: db, source: source, parameters: options.parameters)
    }

    /// Parses and compiles a query.
    /// - Throws: `QueryDiagnostic` for syntax, names and types; database errors otherwise.
    public static func compile(_ text: String, db: Database, options: QueryOptions = QueryOptions()) throws -> CompiledStatement {
        let statement = try Parser.parse(text)
        var c = SQLCompiler(db: db, source: text, options: options)
        let query = try c.compile(statement)
        return CompiledStatement(query: query, notes: c.resolver.notes, statement: statement)
    }

    mutating func compile(_ statement: Statement) throws -> CompiledQuery {
        switch statement {
        case .match(let m): return .sql(try compileMatch(m))
        case .path(let p): return .path(try compilePath(p))
        case .timeline(let t): return .sql(try compileTimeline(t))
        case .top(let t): return .sql(try compileTop(t))
        case .network(let n): return .sql(try compileNetwork(n))
        }
    }

    func fail(_ message: String, _ range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(message, at: range, in: source)
    }

    /// Binds a value and returns its placeholder.
    mutating func bind(_ value: DatabaseValueConvertible?) -> String {
        arguments.append(value?.databaseValue ?? .null)
        return "?\(arguments.count)"
    }

    /// Conditions every stance must meet unless the query widens them.
    func defaultFilters(_ alias: String, modality: Bool = true) -> [String] {
        var c: [String] = []
        if modality { c.append("\(alias).modality = 'asserted'") }
        if !options.includeRejected { c.append("\(alias).status <> 'rejected'") }
        return c
    }

    /// The LIMIT to apply, checked against the maximum.
    mutating func limit(_ value: LimitValue?) throws -> Int {
        guard let value else { return min(options.defaultLimit, options.maxLimit) }
        let n: Int
        switch value.kind {
        case .literal(let v): n = v
        case .parameter(let p):
            let text = try resolver.parameter(p, value.range)
            guard let v = Int(text) else { throw fail("parameter $\(p) must be a whole number for LIMIT, not '\(text)'", value.range) }
            n = v
        }
        guard n >= 0 else { throw fail("LIMIT cannot be negative", value.range) }
        guard n <= options.maxLimit else {
            throw fail("LIMIT \(n) is above the maximum of \(options.maxLimit); raise it with --max-limit or narrow the query", value.range)
        }
        return n
    }

    /// A date bound from a `during` clause: the period's first day, or the start of the next period.
    mutating func date(_ value: DateValue) throws -> DatePeriod {
        switch value.kind {
        case .literal(let s):
            guard let d = DatePeriod(s) else { throw fail("invalid date '\(s)'", value.range) }
            return d
        case .parameter(let p):
            let s = try resolver.parameter(p, value.range)
            guard let d = DatePeriod(s) else { throw fail("parameter $\(p) is not a date (YYYY, YYYY-MM or YYYY-MM-DD): '\(s)'", value.range) }
            return d
        }
    }

    /// `s.date >= ?` / `s.date < ?` for a during clause (a period is widened to its whole length).
    mutating func duringConditions(_ during: During?, alias: String) throws -> [String] {
        guard let during else { return [] }
        var c: [String] = []
        if let since = during.since { c.append("\(alias).date >= \(bind(try date(since).text))") }
        if let until = during.until { c.append("\(alias).date < \(bind(try date(until).next.text))") }
        return c
    }

    // MARK: - MATCH

    enum NodeType: Equatable { case entity, issue, any }

    struct Variable {
        var name: String
        var isEdge: Bool
        var isAnonymous: Bool
        var range: SourceRange
        var nodeType: NodeType?
        var fixed: ResolvedName?
        var kinds: [String] = []
        var mentioned = false
        var modalityMentioned = false
        /// Stance properties the query reads (carried through the hops as columns).
        var edgeProperties: Set<String> = []
        var patterns: Set<Int> = []
        var column: String
    }

    struct Occurrence {
        var pattern: Int
        var nodes: [Int]
        var edges: [Int]
        var directions: [EdgePattern.Direction]
        var edgePatterns: [EdgePattern]
    }

    static let nodeProperties = ["id", "name", "kind"]
    /// Edge properties and the stance column each reads (nil: needs a join).
    static let edgeColumns: [String: String?] = [
        "id": "id", "polarity": "polarity", "date": "date", "evidence": "evidence", "confidence": "confidence",
        "modality": "modality", "cue": "cue", "rule": "rule", "attribution": "attribution", "status": "status",
        "sentence": "sentence", "start": "start", "end": "\"end\"", "precision": "date_precision",
        "issue": nil, "article": nil, "source": nil, "title": nil, "url": nil,
    ]
    static var edgeProperties: [String] { edgeColumns.keys.sorted() }
    static let numericProperties: Set<String> = ["id", "confidence", "sentence", "start", "end"]

    mutating func compileMatch(_ m: MatchQuery) throws -> SQLQuery {
        var vars: [Variable] = []
        var byName: [String: Int] = [:]
        var occurrences: [Occurrence] = []

        func variable(_ name: Name?, edge: Bool, pattern: Int, range: SourceRange) throws -> Int {
            if let name {
                if let i = byName[name.text] {
                    if vars[i].isEdge != edge {
                        throw fail("'\(name.text)' is already a \(vars[i].isEdge ? "stance" : "node") variable", name.range)
                    }
                    if edge { throw fail("stance variable '\(name.text)' is used twice; give each edge its own", name.range) }
                    vars[i].patterns.insert(pattern)
                    return i
                }
                byName[name.text] = vars.count
            }
            let i = vars.count
            vars.append(Variable(name: name?.text ?? "", isEdge: edge, isAnonymous: name == nil, range: name?.range ?? range,
                                 patterns: [pattern], column: edge ? "e\(i)" : "v\(i)"))
            return i
        }

        // 1. Variables and node types.
        var nodePatterns: [Int: [NodePattern]] = [:]
        for (p, pattern) in m.patterns.enumerated() {
            var occ = Occurrence(pattern: p, nodes: [], edges: [], directions: [], edgePatterns: [])
            for node in pattern.nodes {
                let v = try variable(node.variable, edge: false, pattern: p, range: node.range)
                occ.nodes.append(v)
                nodePatterns[v, default: []].append(node)
            }
            for edge in pattern.edges {
                occ.edges.append(try variable(edge.variable, edge: true, pattern: p, range: edge.range))
                occ.directions.append(edge.direction)
                occ.edgePatterns.append(edge)
            }
            occurrences.append(occ)
        }
        for occ in occurrences {
            for (k, dir) in occ.directions.enumerated() {
                let holder: Int? = dir == .right ? occ.nodes[k] : dir == .left ? occ.nodes[k + 1] : nil
                if let h = holder {
                    if let label = nodePatterns[h]?.compactMap(\.label).first(where: { $0.text == "Issue" }) {
                        throw fail("an issue cannot hold a stance; turn the edge around", label.range)
                    }
                    vars[h].nodeType = .entity
                }
            }
        }
        for (v, nodes) in nodePatterns {
            for node in nodes {
                if let label = node.label {
                    let t: NodeType = label.text == "Issue" ? .issue : .entity
                    if let existing = vars[v].nodeType, existing != t {
                        throw fail("'\(vars[v].name)' cannot be both an issue and an actor", label.range)
                    }
                    vars[v].nodeType = t
                    if let kind = EntityKind(rawValue: label.text.lowercased()) { vars[v].kinds.append(kind.rawValue) }
                }
            }
            for node in nodes {
                var ref = node.id
                for (key, value) in node.properties {
                    switch key.text.lowercased() {
                    case "name":
                        switch value.kind {
                        case .string(let s): ref = NameReference(kind: .text(s), range: value.range)
                        case .parameter(let p): ref = NameReference(kind: .parameter(p), range: value.range)
                        default: throw fail("a name must be a quoted string or a $parameter", value.range)
                        }
                    case "id":
                        switch value.kind {
                        case .integer(let n): ref = NameReference(kind: .id(Int64(n)), range: value.range)
                        case .parameter(let p):
                            let text = try resolver.parameter(p, value.range)
                            guard let n = Int64(text.trimmingCharacters(in: .whitespaces).drop(while: { $0 == "#" })) else {
                                throw fail("parameter $\(p) must be an id, not '\(text)'", value.range)
                            }
                            ref = NameReference(kind: .id(n), range: value.range)
                        default: throw fail("an id must be a number", value.range)
                        }
                    case "kind":
                        guard case .string(let s) = value.kind else { throw fail("a kind must be a quoted string", value.range) }
                        guard let kind = EntityKind(rawValue: s.lowercased()) else {
                            throw fail("unknown kind '\(s)'" + Suggestion.didYouMean(s, in: EntityKind.allCases.map(\.rawValue)), value.range)
                        }
                        if vars[v].nodeType == .issue { throw fail("issues have no kind", key.range) }
                        vars[v].nodeType = .entity
                        vars[v].kinds.append(kind.rawValue)
                    default:
                        throw fail("unknown node property '\(key.text)' in { }" + Suggestion.didYouMean(key.text, in: Self.nodeProperties)
                                   + "; other conditions go in WHERE", key.range)
                    }
                }
                guard let ref else { continue }
                let resolved: ResolvedName
                switch vars[v].nodeType {
                case .issue?: resolved = try resolver.issue(ref)
                case .entity?: resolved = try resolver.entity(ref)
                case .any?, nil: resolved = try resolver.node(ref)
                }
                if let f = vars[v].fixed, f != resolved {
                    throw fail("'\(vars[v].name)' is already fixed to \(f.name)", ref.range)
                }
                vars[v].fixed = resolved
                vars[v].nodeType = resolved.kind == .issue ? .issue : .entity
            }
        }
        for i in vars.indices where !vars[i].isEdge && vars[i].nodeType == nil {
            let inEdges = occurrences.contains { $0.nodes.count > 1 && $0.nodes.contains(i) }
            vars[i].nodeType = inEdges ? .any : .entity
        }
        for occ in occurrences {
            for (k, dir) in occ.directions.enumerated() where dir == .both {
                if vars[occ.nodes[k]].nodeType == .issue && vars[occ.nodes[k + 1]].nodeType == .issue {
                    throw fail("a stance links an actor to an actor or an issue, not two issues", occ.edgePatterns[k].range)
                }
            }
        }

        // 2. Mentions (and checks of every variable and property the query uses).
        var aliasNames = Set(m.returnClause.items.compactMap { $0.alias?.text })
        let userNames = vars.filter { !$0.isAnonymous }.map(\.name)
        func mark(_ e: Expression, allowAliases: Bool) throws {
            try walk(e) { sub in
                switch sub.kind {
                case .variable(let n):
                    if allowAliases && aliasNames.contains(n.text) { return }
                    guard let i = byName[n.text] else {
                        throw fail("unknown variable '\(n.text)'" + Suggestion.didYouMean(n.text, in: userNames + (allowAliases ? Array(aliasNames) : [])), n.range)
                    }
                    vars[i].mentioned = true
                case .property(let n, let prop):
                    guard let i = byName[n.text] else {
                        throw fail("unknown variable '\(n.text)'" + Suggestion.didYouMean(n.text, in: userNames), n.range)
                    }
                    vars[i].mentioned = true
                    let p = prop.text.lowercased()
                    if vars[i].isEdge {
                        guard Self.edgeColumns.keys.contains(p) else {
                            throw fail("unknown stance property '\(prop.text)'" + Suggestion.didYouMean(prop.text, in: Self.edgeProperties)
                                       + " (stance properties: \(Self.edgeProperties.joined(separator: ", ")))", prop.range)
                        }
                        if p == "modality" { vars[i].modalityMentioned = true }
                        vars[i].edgeProperties.insert(p)
                    } else {
                        guard Self.nodeProperties.contains(p) else {
                            let hint = Self.edgeColumns.keys.contains(p) ? "; '\(p)' is a property of stances, e.g. s.\(p)" : Suggestion.didYouMean(prop.text, in: Self.nodeProperties)
                            throw fail("unknown node property '\(prop.text)'" + hint + " (node properties: id, name, kind)", prop.range)
                        }
                    }
                default: break
                }
            }
        }
        if let c = m.condition { try mark(c, allowAliases: false) }
        aliasNames = Set(m.returnClause.items.compactMap { $0.alias?.text })
        for item in m.returnClause.items { try mark(item.expression, allowAliases: false) }
        for o in m.returnClause.orderBy { try mark(o.expression, allowAliases: true) }

        // 3. WHERE conjuncts: those about one stance alone are applied inside its hop.
        var conjuncts: [Expression] = []
        if let c = m.condition { flattenAnd(c, into: &conjuncts) }
        var pushed: [Int: [Expression]] = [:]
        var finalConditions: [Expression] = []
        for c in conjuncts {
            var refs = Set<Int>()
            var pushable = true
            try walk(c) { sub in
                switch sub.kind {
                case .variable(let n): if let i = byName[n.text] { refs.insert(i); pushable = false }
                case .property(let n, let p):
                    if let i = byName[n.text] {
                        refs.insert(i)
                        if !vars[i].isEdge || (Self.edgeColumns[p.text.lowercased()] ?? nil) == nil { pushable = false }
                    }
                case .call: pushable = false
                default: break
                }
            }
            if pushable, refs.count == 1, let i = refs.first, vars[i].isEdge { pushed[i, default: []].append(c) } else { finalConditions.append(c) }
        }

        // 4. Hops, pattern by pattern.
        var ctes: [String] = []
        var patternCTE: [Int: String] = [:]
        var columnOwner: [Int: String] = [:]  // variable → CTE that carries it at the end
        let multiPattern = Set(vars.indices.filter { vars[$0].patterns.count > 1 })
        for occ in occurrences {
            let result = try compileChain(occ, vars: vars, pushed: pushed, keepAlso: multiPattern, ctes: &ctes)
            patternCTE[occ.pattern] = result.cte
            for v in result.carried where columnOwner[v] == nil { columnOwner[v] = result.cte }
        }

        // 5. The final SELECT.
        var from = ""
        var joinedPatterns: [Int] = []
        var extraConditions: [String] = []
        for occ in occurrences {
            guard let cte = patternCTE[occ.pattern] else { continue }
            if joinedPatterns.isEmpty { from = "FROM \(cte)" } else {
                let shared = vars.indices.filter { v in vars[v].patterns.contains(occ.pattern) && !vars[v].isEdge
                    && joinedPatterns.contains(where: { p in vars[v].patterns.contains(p) }) && columnOwner[v] != cte }
                if shared.isEmpty { from += " CROSS JOIN \(cte)" } else {
                    from += " JOIN \(cte) ON " + shared.map { "\(cte).\(vars[$0].column) = \(columnOwner[$0] ?? cte).\(vars[$0].column)" }.joined(separator: " AND ")
                }
            }
            joinedPatterns.append(occ.pattern)
        }
        var final = FinalContext(vars: vars, byName: byName, owner: columnOwner)
        var whereSQL: [String] = extraConditions
        for c in finalConditions {
            let compiled = try expression(c, in: &final)
            if compiled.isAggregate { throw fail("count, min and max belong in RETURN, not WHERE", c.range) }
            whereSQL.append(compiled.sql)
        }
        extraConditions = []

        let ret = m.returnClause
        if ret.items.contains(where: { containsAggregate($0.expression) }) {
            return try compileAggregating(ret, ctes: ctes, from: from, whereSQL: whereSQL, inner: final)
        }
        var selectItems: [String] = []
        for (k, item) in ret.items.enumerated() {
            let c = try expression(item.expression, in: &final, returnItem: true)
            selectItems.append("\(c.sql) AS c\(k)")
        }
        var orderSQL: [String] = []
        for o in ret.orderBy {
            var sql: String?
            if let k = returnIndex(of: o.expression, in: ret) { sql = "c\(k)" }
            if sql == nil {
                if containsAggregate(o.expression) { throw fail("ORDER BY an aggregate needs an aggregate in RETURN", o.expression.range) }
                sql = try expression(o.expression, in: &final, returnItem: true).sql
            }
            orderSQL.append((sql ?? "") + (o.descending ? " DESC" : ""))
        }
        let n = try limit(ret.limit)
        var sql = ctes.isEmpty ? "" : "WITH " + ctes.joined(separator: ",\n     ") + "\n"
        sql += "SELECT " + (ret.distinct ? "DISTINCT " : "") + selectItems.joined(separator: ", ")
        sql += "\n" + from
        for j in final.joins { sql += "\n" + j }
        if !whereSQL.isEmpty { sql += "\nWHERE " + whereSQL.joined(separator: " AND ") }
        if !orderSQL.isEmpty { sql += "\nORDER BY " + orderSQL.joined(separator: ", ") }
        sql += "\nLIMIT \(bind(n))"
        return SQLQuery(sql: sql, arguments: arguments, columns: ret.items.map(\.title))
    }

    /// The RETURN item an ORDER BY term names (by alias or by the same text), if any.
    func returnIndex(of e: Expression, in ret: ReturnClause) -> Int? {
        if case .variable(let n) = e.kind, let k = ret.items.firstIndex(where: { $0.alias?.text == n.text }) { return k }
        let text = sourceText(e.range)
        return ret.items.firstIndex { sourceText($0.expression.range) == text }
    }

    func containsAggregate(_ e: Expression) -> Bool {
        var found = false
        try? walk(e) { sub in
            if case .call(let name, _, _) = sub.kind, Self.aggregates.contains(name.text.lowercased()) { found = true }
        }
        return found
    }

    /// A node variable, or a property of one: grouped by the node's id, its names joined later.
    func nodeVariable(_ e: Expression, _ ctx: FinalContext) -> Int? {
        switch e.kind {
        case .variable(let n), .property(let n, _):
            guard let i = ctx.byName[n.text], !ctx.vars[i].isEdge else { return nil }
            return i
        default: return nil
        }
    }

    /// An aggregating RETURN (Cypher's implicit grouping: the non-aggregate items are the keys).
    /// Groups are formed over the hop columns first — nodes by id — and names are joined to the
    /// groups afterwards; when ORDER BY only uses aggregates, the LIMIT applies before the joins,
    /// so a top-k over a hub's thousands of groups looks up k names, not thousands.
    mutating func compileAggregating(_ ret: ReturnClause, ctes: [String], from: String, whereSQL: [String], inner start: FinalContext) throws -> SQLQuery {
        var inner = start
        var outer = FinalContext(vars: start.vars, byName: start.byName,
                                 owner: Dictionary(uniqueKeysWithValues: start.vars.indices.map { ($0, "g") }))
        var innerSelect: [String] = [], groupBy: [String] = [], outerItems: [String] = []
        var exposed = Set<Int>()
        var innerAlias: [Int: String] = [:]
        for (k, item) in ret.items.enumerated() {
            if containsAggregate(item.expression) {
                let c = try expression(item.expression, in: &inner, returnItem: true)
                innerSelect.append("\(c.sql) AS a\(k)")
                outerItems.append("g.a\(k) AS c\(k)")
                innerAlias[k] = "a\(k)"
            } else if let v = nodeVariable(item.expression, inner) {
                if exposed.insert(v).inserted {
                    innerSelect.append("\(column(v, inner)) AS \(inner.vars[v].column)")
                    groupBy.append(column(v, inner))
                }
                outerItems.append("\(try expression(item.expression, in: &outer, returnItem: true).sql) AS c\(k)")
            } else {
                let c = try expression(item.expression, in: &inner, returnItem: true)
                innerSelect.append("\(c.sql) AS k\(k)")
                groupBy.append(c.sql)
                outerItems.append("g.k\(k) AS c\(k)")
                innerAlias[k] = "k\(k)"
            }
        }
        var outerOrder: [String] = [], innerOrder: [String] = []
        var pushable = true
        for (i, o) in ret.orderBy.enumerated() {
            let dir = o.descending ? " DESC" : ""
            if let k = returnIndex(of: o.expression, in: ret) {
                outerOrder.append("c\(k)" + dir)
                if let alias = innerAlias[k] { innerOrder.append(alias + dir) } else { pushable = false }
            } else if containsAggregate(o.expression) {
                let c = try expression(o.expression, in: &inner, returnItem: true)
                innerSelect.append("\(c.sql) AS o\(i)")
                outerOrder.append("g.o\(i)" + dir)
                innerOrder.append("o\(i)" + dir)
            } else if case .property(let n, let p) = o.expression.kind, p.text.lowercased() == "id",
                      let v = outer.byName[n.text], exposed.contains(v) {
                // A node's id is its group key: sorting by it can happen before the names are joined.
                outerOrder.append("g.\(outer.vars[v].column)" + dir)
                innerOrder.append(column(v, inner) + dir)
            } else {
                try walk(o.expression) { sub in
                    if case .variable(let n) = sub.kind, let v = outer.byName[n.text], !exposed.contains(v) {
                        throw fail("ORDER BY of a query with count, min or max can only use what RETURN returns", o.expression.range)
                    }
                    if case .property(let n, _) = sub.kind, let v = outer.byName[n.text], !exposed.contains(v) {
                        throw fail("ORDER BY of a query with count, min or max can only use what RETURN returns", o.expression.range)
                    }
                }
                outerOrder.append(try expression(o.expression, in: &outer, returnItem: true).sql + dir)
                pushable = false
            }
        }
        let n = bind(try limit(ret.limit))
        var g = "g AS (SELECT " + innerSelect.joined(separator: ", ") + " " + from
        for j in inner.joins { g += " " + j }
        if !whereSQL.isEmpty { g += " WHERE " + whereSQL.joined(separator: " AND ") }
        if !groupBy.isEmpty { g += " GROUP BY " + groupBy.joined(separator: ", ") }
        if pushable && !innerOrder.isEmpty { g += " ORDER BY " + innerOrder.joined(separator: ", ") + " LIMIT \(n)" }
        g += ")"
        var sql = "WITH " + (ctes + [g]).joined(separator: ",\n     ") + "\n"
        sql += "SELECT " + (ret.distinct ? "DISTINCT " : "") + outerItems.joined(separator: ", ") + "\nFROM g"
        for j in outer.joins { sql += "\n" + j }
        if !outerOrder.isEmpty { sql += "\nORDER BY " + outerOrder.joined(separator: ", ") }
        sql += "\nLIMIT \(n)"
        return SQLQuery(sql: sql, arguments: arguments, columns: ret.items.map(\.title))
    }

    func sourceText(_ range: SourceRange) -> String {
        let chars = Array(source)
        guard range.start.offset <= range.end.offset, range.end.offset <= chars.count else { return "" }
        return String(chars[range.start.offset..<range.end.offset])
    }

    func flattenAnd(_ e: Expression, into out: inout [Expression]) {
        if case .binary("AND", let l, let r) = e.kind { flattenAnd(l, into: &out); flattenAnd(r, into: &out) } else { out.append(e) }
    }

    /// Visits an expression and all its sub-expressions.
    func walk(_ e: Expression, _ visit: (Expression) throws -> Void) throws {
        try visit(e)
        switch e.kind {
        case .unary(_, let x), .isNull(let x, _): try walk(x, visit)
        case .binary(_, let a, let b): try walk(a, visit); try walk(b, visit)
        case .inList(let x, let items): try walk(x, visit); for i in items { try walk(i, visit) }
        case .between(let a, let b, let c): try walk(a, visit); try walk(b, visit); try walk(c, visit)
        case .call(_, let args, _): for a in args { try walk(a, visit) }
        default: break
        }
    }

    // MARK: hops

    struct ChainResult { var cte: String; var carried: [Int] }

    /// One hop: which edge, which node it starts from (already bound) and which it reaches.
    struct Hop { var edge: Int; var near: Int; var far: Int; var nearIsHolder: Bool?; var pattern: EdgePattern }

    mutating func compileChain(_ occ: Occurrence, vars: [Variable], pushed: [Int: [Expression]], keepAlso: Set<Int>,
                               ctes: inout [String]) throws -> ChainResult {
        let nodes = occ.nodes
        // Standalone node: rows of the entity or issue table.
        if occ.edges.isEmpty {
            let v = nodes[0]
            let name = "h\(ctes.count + 1)"
            let table = vars[v].nodeType == .issue ? "issue" : "entity"
            var conds: [String] = []
            if let f = vars[v].fixed { conds.append("t.id = \(bind(f.id))") }
            for k in vars[v].kinds { conds.append("t.kind = \(bind(k))") }
            ctes.append("\(name) AS (SELECT t.id AS \(vars[v].column) FROM \(table) t" + (conds.isEmpty ? "" : " WHERE " + conds.joined(separator: " AND ")) + ")")
            return ChainResult(cte: name, carried: [v])
        }
        // Anchor: the first node fixed by name or id; else the first node.
        let anchor = nodes.firstIndex { vars[$0].fixed != nil } ?? 0
        var hops: [Hop] = []
        for k in stride(from: anchor - 1, through: 0, by: -1) {
            let dir = occ.directions[k]
            hops.append(Hop(edge: occ.edges[k], near: nodes[k + 1], far: nodes[k],
                            nearIsHolder: dir == .both ? nil : dir == .left, pattern: occ.edgePatterns[k]))
        }
        for k in anchor..<occ.edges.count {
            let dir = occ.directions[k]
            hops.append(Hop(edge: occ.edges[k], near: nodes[k], far: nodes[k + 1],
                            nearIsHolder: dir == .both ? nil : dir == .right, pattern: occ.edgePatterns[k]))
        }
        var bound: [Int] = []  // carried columns, in order
        var previous: String?
        let anchorVar = nodes[anchor]
        let anchorFixed = vars[anchorVar].fixed
        for (j, hop) in hops.enumerated() {
            // Variables needed after this hop.
            var needed = Set<Int>()
            for v in vars.indices where vars[v].mentioned || keepAlso.contains(v) { needed.insert(v) }
            for later in hops[(j + 1)...] { needed.insert(later.near); needed.insert(later.far) }
            let name = "h\(ctes.count + 1)"
            var unionParts: [String] = []
            let roles: [Bool] = hop.nearIsHolder.map { [$0] } ?? [true, false]
            var dropped = false
            var carry: [Int] = []
            for v in bound where needed.contains(v) { carry.append(v) }
            if carry.count < bound.count { dropped = true }
            let nearBound = bound.contains(hop.near) || (previous == nil && anchorFixed != nil && hop.near == anchorVar)
            let farBound = bound.contains(hop.far) || hop.far == hop.near
            var newColumns: [Int] = []
            if !bound.contains(hop.near) && needed.contains(hop.near) && !(previous != nil && bound.contains(hop.near)) { newColumns.append(hop.near) }
            if !farBound && needed.contains(hop.far) && !newColumns.contains(hop.far) { newColumns.append(hop.far) }
            let carriesEdge = needed.contains(hop.edge)
            if !carriesEdge { dropped = true }
            if !needed.contains(hop.far) && !farBound { dropped = true }
            for nearIsHolder in roles {
                let holderNode = nearIsHolder ? hop.near : hop.far
                let targetNode = nearIsHolder ? hop.far : hop.near
                if vars[holderNode].nodeType == .issue { continue }
                let s = "s"
                let targetType = vars[targetNode].nodeType ?? .any
                let targetExpr: String
                switch targetType {
                case .entity: targetExpr = "\(s).target_entity"
                case .issue: targetExpr = "\(s).target_issue"
                case .any: targetExpr = "COALESCE(\(s).target_entity, -\(s).target_issue)"
                }
                func expr(of v: Int) -> String { v == holderNode ? "\(s).holder" : targetExpr }
                var on: String?
                var conds: [String] = []
                var joins: [String] = []
                // Near side.
                let nearExpr = expr(of: hop.near)
                if nearBound {
                    let value: String
                    if let p = previous, bound.contains(hop.near) { value = "\(p).\(vars[hop.near].column)" }
                    else { value = bind(anchorFixed?.id) }
                    let cond = nearExpr == targetExpr && targetType == .any
                        ? "(\(s).target_entity = \(value) OR \(s).target_issue = -\(value))"
                        : "\(nearExpr) = \(value)"
                    if previous != nil { on = cond } else { conds.append(cond) }
                } else {
                    conds.append(contentsOf: try nodeConditions(hop.near, expr: nearExpr, vars: vars, joins: &joins))
                }
                // Far side.
                let farExpr = expr(of: hop.far)
                if hop.far == hop.near {
                    conds.append("\(farExpr) = \(nearExpr)")
                } else if farBound, let p = previous {
                    conds.append("\(farExpr) = \(p).\(vars[hop.far].column)")
                } else {
                    conds.append(contentsOf: try nodeConditions(hop.far, expr: farExpr, vars: vars, joins: &joins))
                }
                let targetIsNear = !nearIsHolder
                let targetConstrained = (targetIsNear && nearBound) || (!targetIsNear && farBound) || vars[targetNode].fixed != nil
                if !targetConstrained && targetType == .entity { conds.append("\(s).target_entity IS NOT NULL") }
                if !targetConstrained && targetType == .issue { conds.append("\(s).target_issue IS NOT NULL") }
                conds.append(contentsOf: try edgeConditions(hop, alias: s, vars: vars, pushed: pushed))
                var cols: [String] = []
                for v in carry {
                    cols.append("\(previous ?? "").\(vars[v].column) AS \(vars[v].column)")
                    if vars[v].isEdge {
                        for (name, _) in Self.carriedColumns(vars[v].edgeProperties) {
                            cols.append("\(previous ?? "").\(vars[v].column)_\(name) AS \(vars[v].column)_\(name)")
                        }
                    }
                }
                for v in newColumns { cols.append("\(expr(of: v)) AS \(vars[v].column)") }
                if carriesEdge {
                    cols.append("\(s).id AS \(vars[hop.edge].column)")
                    for (name, column) in Self.carriedColumns(vars[hop.edge].edgeProperties) {
                        cols.append("\(s).\(column) AS \(vars[hop.edge].column)_\(name)")
                    }
                }
                if cols.isEmpty { cols.append("1 AS one") }
                var part = "SELECT " + (dropped && roles.count == 1 ? "DISTINCT " : "") + cols.joined(separator: ", ")
                if let previous { part += " FROM \(previous) JOIN stance \(s) ON " + (on ?? "1") } else { part += " FROM stance \(s)" }
                for jn in joins { part += " " + jn }
                if !conds.isEmpty { part += " WHERE " + conds.joined(separator: " AND ") }
                unionParts.append(part)
            }
            guard !unionParts.isEmpty else {
                throw fail("this edge can never match: an issue cannot hold a stance", hop.pattern.range)
            }
            let body = unionParts.joined(separator: dropped ? " UNION " : " UNION ALL ")
            ctes.append("\(name) AS (\(body))")
            previous = name
            bound = carry + newColumns
            if carriesEdge { bound.append(hop.edge) }
        }
        return ChainResult(cte: previous ?? "", carried: bound)
    }

    /// The stance columns to carry for the properties a query reads: (suffix, column).
    static func carriedColumns(_ properties: Set<String>) -> [(String, String)] {
        var out: [(String, String)] = []
        for p in properties.sorted() {
            if p == "id" { continue }
            if let col = edgeColumns[p] ?? nil { out.append((p, col)); continue }
            if p == "issue" { out.append(("topic", "topic")); out.append(("tissue", "target_issue")) }
            else { out.append(("article", "article")) }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.0).inserted }
    }

    /// Conditions for a node first bound in a hop: its fixed id and kind labels.
    mutating func nodeConditions(_ v: Int, expr: String, vars: [Variable], joins: inout [String]) throws -> [String] {
        var c: [String] = []
        if let f = vars[v].fixed { c.append("\(expr) = \(bind(f.id))") }
        if !vars[v].kinds.isEmpty {
            let alias = "k\(v)"
            let kinds = vars[v].kinds.map { bind($0) }
            joins.append("JOIN entity \(alias) ON \(alias).id = \(expr) AND \(alias).kind " + (kinds.count == 1 ? "= \(kinds[0])" : "IN (\(kinds.joined(separator: ", ")))"))
        }
        return c
    }

    /// Polarity, topic, default and pushed-down conditions of one edge.
    mutating func edgeConditions(_ hop: Hop, alias s: String, vars: [Variable], pushed: [Int: [Expression]]) throws -> [String] {
        var c: [String] = []
        let types = hop.pattern.types.map(\.text)
        if !types.isEmpty && !types.contains("STANCE") {
            let ps = Array(Set(types.map { $0.lowercased() })).sorted()
            c.append(ps.count == 1 ? "\(s).polarity = \(bind(ps[0]))" : "\(s).polarity IN (\(ps.map { bind($0) }.joined(separator: ", ")))")
        }
        if let topic = hop.pattern.topic {
            let issue = try resolver.issue(topic)
            let p = bind(issue.id)
            c.append("(\(s).topic = \(p) OR \(s).target_issue = \(p))")
        }
        c.append(contentsOf: defaultFilters(s, modality: !vars[hop.edge].modalityMentioned))
        var ctx = FinalContext(vars: vars, byName: [:], owner: [:])
        ctx.hopAlias = s
        for e in pushed[hop.edge] ?? [] {
            ctx.byName = [vars[hop.edge].name: hop.edge]
            c.append(try expression(e, in: &ctx).sql)
        }
        return c
    }

    // MARK: expressions

    /// Where the final SELECT finds each variable, and the joins it needed so far.
    struct FinalContext {
        var vars: [Variable]
        var byName: [String: Int]
        var owner: [Int: String]
        var joins: [String] = []
        var joined: Set<String> = []
        /// Inside a hop: the stance alias of the edge being matched.
        var hopAlias: String?

        mutating func join(_ key: String, _ sql: String) {
            if joined.insert(key).inserted { joins.append(sql) }
        }
    }

    enum ValueType { case text, number, boolean, unknown }

    struct Compiled {
        var sql: String
        var type: ValueType
        var isAggregate = false
        /// Set for `x.date`: comparisons with date strings are widened to whole periods.
        var isDate = false
        /// Set for properties with a closed vocabulary (polarity, modality, kind, status).
        var vocabulary: [String]?
        var vocabularyName = ""
    }

    /// The column holding a variable in the final SELECT.
    func column(_ v: Int, _ ctx: FinalContext) -> String {
        "\(ctx.owner[v] ?? "h0").\(ctx.vars[v].column)"
    }

    mutating func property(_ v: Int, _ prop: Name, in ctx: inout FinalContext) throws -> Compiled {
        let p = prop.text.lowercased()
        let variable = ctx.vars[v]
        if variable.isEdge {
            // Inside a hop the stance row is at hand; in the final SELECT its columns were carried.
            let base = column(v, ctx)
            func col(_ name: String, _ real: String) -> String { ctx.hopAlias.map { "\($0).\(real)" } ?? "\(base)_\(name)" }
            if p == "id" { return Compiled(sql: ctx.hopAlias.map { "\($0).id" } ?? base, type: .number) }
            if let real = Self.edgeColumns[p] ?? nil {
                var c = Compiled(sql: col(p, real), type: Self.numericProperties.contains(p) ? .number : .text)
                c.isDate = p == "date"
                switch p {
                case "polarity": c.vocabulary = Polarity.allCases.map(\.rawValue); c.vocabularyName = "polarity"
                case "modality": c.vocabulary = Modality.allCases.map(\.rawValue); c.vocabularyName = "modality"
                case "status": c.vocabulary = StanceStatus.allCases.map(\.rawValue); c.vocabularyName = "status"
                default: break
                }
                return c
            }
            switch p {
            case "issue":
                ctx.join("tp\(v)", "LEFT JOIN issue tp\(v) ON tp\(v).id = \(col("topic", "topic"))")
                ctx.join("ti\(v)", "LEFT JOIN issue ti\(v) ON ti\(v).id = \(col("tissue", "target_issue"))")
                return Compiled(sql: "COALESCE(tp\(v).label, ti\(v).label)", type: .text)
            default:
                ctx.join("a\(v)", "JOIN article a\(v) ON a\(v).id = \(col("article", "article"))")
                return Compiled(sql: "a\(v).\(p == "article" ? "key" : p)", type: .text)
            }
        }
        let col = column(v, ctx)
        if p == "id" { return Compiled(sql: col, type: .number) }
        let kinds = EntityKind.allCases.map(\.rawValue)
        switch variable.nodeType ?? .entity {
        case .entity:
            ctx.join("n\(v)", "JOIN entity n\(v) ON n\(v).id = \(col)")
            var c = Compiled(sql: "n\(v).\(p)", type: .text)
            if p == "kind" { c.vocabulary = kinds; c.vocabularyName = "kind" }
            return c
        case .issue:
            ctx.join("n\(v)", "JOIN issue n\(v) ON n\(v).id = \(col)")
            return p == "name" ? Compiled(sql: "n\(v).label", type: .text) : Compiled(sql: "'issue'", type: .text, vocabulary: kinds + ["issue"], vocabularyName: "kind")
        case .any:
            ctx.join("n\(v)", "LEFT JOIN entity n\(v) ON n\(v).id = \(col)")
            ctx.join("i\(v)", "LEFT JOIN issue i\(v) ON i\(v).id = -\(col)")
            if p == "name" { return Compiled(sql: "COALESCE(n\(v).name, i\(v).label)", type: .text) }
            return Compiled(sql: "COALESCE(n\(v).kind, 'issue')", type: .text, vocabulary: kinds + ["issue"], vocabularyName: "kind")
        }
    }

    static let aggregates = ["count", "min", "max", "sum", "avg"]
    static let functions = ["year", "month", "day", "lower", "upper"]

    mutating func expression(_ e: Expression, in ctx: inout FinalContext, returnItem: Bool = false) throws -> Compiled {
        switch e.kind {
        case .string(let s): return Compiled(sql: bind(s), type: .text)
        case .integer(let n): return Compiled(sql: bind(n), type: .number)
        case .number(let d): return Compiled(sql: bind(d), type: .number)
        case .boolean(let b): return Compiled(sql: b ? "1" : "0", type: .boolean)
        case .null: return Compiled(sql: "NULL", type: .unknown)
        case .parameter(let p): return Compiled(sql: bind(try resolver.parameter(p, e.range)), type: .text)
        case .variable(let n):
            guard let i = ctx.byName[n.text] else { throw fail("unknown variable '\(n.text)'", n.range) }
            if ctx.vars[i].isEdge { return Compiled(sql: column(i, ctx), type: .number) }
            return try property(i, Name("name", n.range), in: &ctx)
        case .property(let n, let prop):
            guard let i = ctx.byName[n.text] else { throw fail("unknown variable '\(n.text)'", n.range) }
            return try property(i, prop, in: &ctx)
        case .unary(_, let x):
            let c = try expression(x, in: &ctx)
            return Compiled(sql: "NOT (\(c.sql))", type: .boolean, isAggregate: c.isAggregate)
        case .isNull(let x, let negated):
            let c = try expression(x, in: &ctx)
            return Compiled(sql: "\(c.sql) IS \(negated ? "NOT " : "")NULL", type: .boolean, isAggregate: c.isAggregate)
        case .binary(let op, let l, let r):
            if op == "AND" || op == "OR" {
                let a = try expression(l, in: &ctx), b = try expression(r, in: &ctx)
                return Compiled(sql: "(\(a.sql) \(op) \(b.sql))", type: .boolean, isAggregate: a.isAggregate || b.isAggregate)
            }
            return try comparison(op, l, r, e, in: &ctx)
        case .inList(let x, let items):
            let c = try expression(x, in: &ctx)
            var parts: [String] = []
            for item in items { parts.append(try operand(item, against: c, in: &ctx).sql) }
            if parts.isEmpty { return Compiled(sql: "0", type: .boolean) }
            return Compiled(sql: "\(c.sql) IN (\(parts.joined(separator: ", ")))", type: .boolean, isAggregate: c.isAggregate)
        case .between(let x, let lo, let hi):
            let c = try expression(x, in: &ctx)
            if c.isDate, let a = try datePeriod(lo), let b = try datePeriod(hi) {
                return Compiled(sql: "(\(c.sql) >= \(bind(a.text)) AND \(c.sql) < \(bind(b.next.text)))", type: .boolean)
            }
            let a = try operand(lo, against: c, in: &ctx), b = try operand(hi, against: c, in: &ctx)
            return Compiled(sql: "\(c.sql) BETWEEN \(a.sql) AND \(b.sql)", type: .boolean, isAggregate: c.isAggregate)
        case .call(let name, let args, let distinct):
            return try call(name, args, distinct: distinct, e, in: &ctx, returnItem: returnItem)
        }
    }

    /// A date literal or parameter, when the value is one; nil for other values.
    mutating func datePeriod(_ e: Expression) throws -> DatePeriod? {
        switch e.kind {
        case .string(let s):
            guard let d = DatePeriod(s) else { throw fail("invalid date '\(s)'; write YYYY, YYYY-MM or YYYY-MM-DD", e.range) }
            return d
        case .parameter(let p):
            let s = try resolver.parameter(p, e.range)
            guard let d = DatePeriod(s) else { throw fail("parameter $\(p) is not a date (YYYY, YYYY-MM or YYYY-MM-DD): '\(s)'", e.range) }
            return d
        case .integer(let n): return DatePeriod(String(n))
        default: return nil
        }
    }

    /// The right-hand side of a comparison, typed after the left: parameters compared with numbers
    /// bind as numbers, values of a closed vocabulary are checked.
    mutating func operand(_ e: Expression, against left: Compiled, in ctx: inout FinalContext) throws -> Compiled {
        if let vocab = left.vocabulary, case .string(let s) = e.kind {
            guard let canonical = vocab.first(where: { $0.caseInsensitiveCompare(s) == .orderedSame }) else {
                throw fail("unknown \(left.vocabularyName) '\(s)'" + Suggestion.didYouMean(s, in: vocab) + " (one of \(vocab.joined(separator: ", ")))", e.range)
            }
            return Compiled(sql: bind(canonical), type: .text)
        }
        if left.type == .number, case .parameter(let p) = e.kind {
            let text = try resolver.parameter(p, e.range)
            if let i = Int(text) { return Compiled(sql: bind(i), type: .number) }
            if let d = Double(text) { return Compiled(sql: bind(d), type: .number) }
            throw fail("parameter $\(p) must be a number here, not '\(text)'", e.range)
        }
        return try expression(e, in: &ctx)
    }

    mutating func comparison(_ op: String, _ l: Expression, _ r: Expression, _ whole: Expression, in ctx: inout FinalContext) throws -> Compiled {
        var left = try expression(l, in: &ctx)
        var rightExpr = r
        var flipped = false
        // Put the property on the left so that `'2018' <= s.date` is widened too.
        if !left.isDate, left.vocabulary == nil, case .property = r.kind, op != "CONTAINS", op != "STARTS WITH", op != "ENDS WITH" {
            let candidate = try expression(r, in: &ctx)
            if candidate.isDate || candidate.vocabulary != nil {
                left = candidate; rightExpr = l; flipped = true
            }
        }
        let effective = flipped ? (["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op) : op
        if left.isDate, ["=", "<>", "<", "<=", ">", ">="].contains(effective), let d = try datePeriod(rightExpr) {
            let col = left.sql
            switch effective {
            case "=": return Compiled(sql: "(\(col) >= \(bind(d.text)) AND \(col) < \(bind(d.next.text)))", type: .boolean)
            case "<>": return Compiled(sql: "NOT (\(col) >= \(bind(d.text)) AND \(col) < \(bind(d.next.text)))", type: .boolean)
            case "<": return Compiled(sql: "\(col) < \(bind(d.text))", type: .boolean)
            case "<=": return Compiled(sql: "\(col) < \(bind(d.next.text))", type: .boolean)
            case ">": return Compiled(sql: "\(col) >= \(bind(d.next.text))", type: .boolean)
            default: return Compiled(sql: "\(col) >= \(bind(d.text))", type: .boolean)
            }
        }
        let right = try operand(rightExpr, against: left, in: &ctx)
        let agg = left.isAggregate || right.isAggregate
        switch effective {
        case "CONTAINS": return Compiled(sql: "instr(\(left.sql), \(right.sql)) > 0", type: .boolean, isAggregate: agg)
        case "STARTS WITH": return Compiled(sql: "substr(\(left.sql), 1, length(\(right.sql))) = \(right.sql)", type: .boolean, isAggregate: agg)
        case "ENDS WITH": return Compiled(sql: "substr(\(left.sql), -length(\(right.sql))) = \(right.sql)", type: .boolean, isAggregate: agg)
        default:
            guard ["=", "<>", "<", "<=", ">", ">="].contains(effective) else { throw fail("unknown operator \(op)", whole.range) }
            return Compiled(sql: "\(left.sql) \(effective) \(right.sql)", type: .boolean, isAggregate: agg)
        }
    }

    mutating func call(_ name: Name, _ args: [Expression], distinct: Bool, _ whole: Expression, in ctx: inout FinalContext, returnItem: Bool) throws -> Compiled {
        let f = name.text.lowercased()
        if Self.aggregates.contains(f) {
            guard ctx.hopAlias == nil else { throw fail("\(f)() belongs in RETURN", name.range) }
            if f == "count" && args.isEmpty { return Compiled(sql: "count(*)", type: .number, isAggregate: true) }
            guard args.count == 1 else { throw fail("\(f)() takes one argument", whole.range) }
            if f == "count", case .variable(let n) = args[0].kind, let i = ctx.byName[n.text] {
                // count(a) of a node counts nodes; count(s) of a stance counts stances.
                return Compiled(sql: "count(\(distinct ? "DISTINCT " : "")\(column(i, ctx)))", type: .number, isAggregate: true)
            }
            let a = try expression(args[0], in: &ctx)
            if a.isAggregate { throw fail("aggregates cannot be nested", args[0].range) }
            return Compiled(sql: "\(f)(\(distinct ? "DISTINCT " : "")\(a.sql))", type: f == "count" ? .number : a.type, isAggregate: true)
        }
        guard Self.functions.contains(f) else {
            throw fail("unknown function \(name.text)()" + Suggestion.didYouMean(name.text, in: Self.aggregates + Self.functions), name.range)
        }
        guard args.count == 1, !distinct else { throw fail("\(f)() takes one argument", whole.range) }
        let a = try expression(args[0], in: &ctx)
        switch f {
        case "year": return Compiled(sql: "CAST(substr(\(a.sql), 1, 4) AS INTEGER)", type: .number, isAggregate: a.isAggregate)
        case "month": return Compiled(sql: "CASE WHEN length(\(a.sql)) >= 7 THEN CAST(substr(\(a.sql), 6, 2) AS INTEGER) END", type: .number, isAggregate: a.isAggregate)
        case "day": return Compiled(sql: "CASE WHEN length(\(a.sql)) >= 10 THEN CAST(substr(\(a.sql), 9, 2) AS INTEGER) END", type: .number, isAggregate: a.isAggregate)
        default: return Compiled(sql: "\(f)(\(a.sql))", type: .text, isAggregate: a.isAggregate)
        }
    }
}
