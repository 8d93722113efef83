import Foundation
import Testing
import Graph
@testable import Ingest

/// One expected edge: holder name, polarity, and a word the target (or topic) must contain.
struct Edge: CustomStringConvertible, Sendable {
    var holder: String
    var polarity: Polarity
    var target: String
    var modality: Modality = .asserted
    var description: String { "\(holder) -\(polarity.rawValue)-> *\(target)* [\(modality.rawValue)]" }
}

func extract(_ text: String, title: String? = nil, published: String? = "2024-03-06") -> ArticleGraph {
    RuleExtractor().extract(Document(key: "t", title: title, published: published, text: text))
}

func edges(_ g: ArticleGraph) -> [(holder: String, polarity: Polarity, target: String, topic: String, modality: Modality)] {
    g.stances.map { s in
        let target: String
        switch s.target {
        case .entity(let e): target = g.entities[e].name
        case .issue(let i): target = g.issues[i].label
        }
        return (g.entities[s.holder].name, s.polarity, target, s.topic.map { g.issues[$0].label } ?? "", s.modality)
    }
}

func has(_ g: ArticleGraph, _ e: Edge) -> Bool {
    edges(g).contains { x in
        NameKey.make(x.holder) == NameKey.make(e.holder) && x.polarity == e.polarity && x.modality == e.modality
            && (x.target.lowercased().contains(e.target.lowercased()) || x.topic.lowercased().contains(e.target.lowercased()))
    }
}

struct Case: CustomStringConvertible, Sendable {
    var phenomenon: String
    var text: String
    var expected: [Edge]
    var title: String? = nil
    var description: String { phenomenon }
}

@Suite struct ExtractionPhenomenaTests {
    static let cases: [Case] = [
        Case(phenomenon: "coordinated holders",
             text: "Teachers, parents and even school nurses criticized the district's budget cuts on Tuesday.",
             expected: [Edge(holder: "Teachers", polarity: .opposes, target: "budget cuts"),
                        Edge(holder: "parents", polarity: .opposes, target: "budget cuts"),
                        Edge(holder: "school nurses", polarity: .opposes, target: "budget cuts")]),
        Case(phenomenon: "groups such as A, B and C",
             text: "Groups such as the Riverside Alliance, Clean Water Now and the Harbor Trust opposed the dredging plan.",
             expected: [Edge(holder: "Riverside Alliance", polarity: .opposes, target: "dredging plan"),
                        Edge(holder: "Clean Water Now", polarity: .opposes, target: "dredging plan"),
                        Edge(holder: "Harbor Trust", polarity: .opposes, target: "dredging plan")]),
        Case(phenomenon: "evaluative quote, speaker after",
             text: "The council approved the tower plan on Monday.\n\n“This plan is a reckless giveaway to developers,” said Maria Lopez, a member of the Tenants Union.",
             expected: [Edge(holder: "Maria Lopez", polarity: .opposes, target: "tower plan")]),
        Case(phenomenon: "evaluative quote, speaker before",
             text: "The council approved the tower plan on Monday. Councilwoman Maria Lopez said: “The tower plan is a dangerous mistake.”",
             expected: [Edge(holder: "Maria Lopez", polarity: .opposes, target: "tower plan")]),
        Case(phenomenon: "quote continuing in the next sentence",
             text: "The council approved the tower plan. “It is a disgraceful deal,” said Maria Lopez. “It will harm every family on this street.”",
             expected: [Edge(holder: "Maria Lopez", polarity: .opposes, target: "tower plan")]),
        Case(phenomenon: "addressee asked to stop",
             text: "The drivers' union urged Metro Transit to cancel the automation contract.",
             expected: [Edge(holder: "drivers' union", polarity: .opposes, target: "contract")]),
        Case(phenomenon: "addressee asked to adopt",
             text: "Clean air advocates asked lawmakers to pass the emissions bill.",
             expected: [Edge(holder: "Clean air advocates", polarity: .supports, target: "emissions bill")]),
        Case(phenomenon: "called on the company to stop",
             text: "Shareholders called on Acme Corp. to stop selling the scanners to police.",
             expected: [Edge(holder: "Shareholders", polarity: .opposes, target: "Acme")]),
        Case(phenomenon: "opposition from",
             text: "The dredging plan faces fierce opposition from the Harbor Fishermen Association.",
             expected: [Edge(holder: "Harbor Fishermen Association", polarity: .opposes, target: "dredging plan")]),
        Case(phenomenon: "critics of",
             text: "Critics of the rent plan say it will push families out of the city.",
             expected: [Edge(holder: "critics of the rent plan", polarity: .opposes, target: "rent plan")]),
        Case(phenomenon: "in support of",
             text: "Nurses rallied outside the statehouse in support of the staffing bill.",
             expected: [Edge(holder: "Nurses", polarity: .supports, target: "staffing bill")]),
        Case(phenomenon: "lawsuit against",
             text: "The Lakeview Tenants Union filed a lawsuit against the eviction ordinance.",
             expected: [Edge(holder: "Lakeview Tenants Union", polarity: .opposes, target: "eviction ordinance")]),
        Case(phenomenon: "holders in object position",
             text: "The merger plan alarmed lawmakers and unions.",
             expected: [Edge(holder: "lawmakers", polarity: .opposes, target: "merger plan"),
                        Edge(holder: "unions", polarity: .opposes, target: "merger plan")]),
        Case(phenomenon: "passive agent",
             text: "The parking plan was condemned by residents and shop owners.",
             expected: [Edge(holder: "residents", polarity: .opposes, target: "parking plan"),
                        Edge(holder: "shop owners", polarity: .opposes, target: "parking plan")]),
        Case(phenomenon: "signing a bill",
             text: "Governor Ann Weber signed the water bill on Friday.",
             expected: [Edge(holder: "Ann Weber", polarity: .supports, target: "water bill")]),
        Case(phenomenon: "voting against",
             text: "The Riverside City Council voted against the casino proposal.",
             expected: [Edge(holder: "Riverside City Council", polarity: .opposes, target: "casino proposal")]),
        Case(phenomenon: "suing",
             text: "Acme Logistics sued the port authority over the new fees.",
             expected: [Edge(holder: "Acme Logistics", polarity: .opposes, target: "port authority")]),
        Case(phenomenon: "negation",
             text: "The Lakeview Chamber of Commerce did not oppose the wage bill.",
             expected: [Edge(holder: "Lakeview Chamber of Commerce", polarity: .opposes, target: "wage bill", modality: .negated)]),
        Case(phenomenon: "conditional",
             text: "Governor Ann Weber would veto the wage bill.",
             expected: [Edge(holder: "Ann Weber", polarity: .opposes, target: "wage bill", modality: .conditional)]),
        Case(phenomenon: "intention",
             text: "Acme Logistics plans to challenge the port fees in court.",
             expected: [Edge(holder: "Acme Logistics", polarity: .opposes, target: "port fees", modality: .intended)]),
        Case(phenomenon: "coreference: the company",
             text: "Acme Logistics announced the warehouse closures last week. The company defended the closures on Monday.",
             expected: [Edge(holder: "Acme Logistics", polarity: .defends, target: "closures")]),
        Case(phenomenon: "coreference: she",
             text: "Senator Jane Doe spoke after the vote on the mining bill. She criticized the mining bill as a giveaway.",
             expected: [Edge(holder: "Jane Doe", polarity: .opposes, target: "mining bill")]),
        Case(phenomenon: "defends: insisted it would continue",
             text: "Activists criticized Acme Logistics for its drone program. Acme chief executive Tom Reyes insisted that the program would continue.",
             expected: [Edge(holder: "Tom Reyes", polarity: .defends, target: "drone program")]),
        Case(phenomenon: "spokesperson speaks for the organisation",
             text: "A spokesperson for Acme Logistics defended the drone program.",
             expected: [Edge(holder: "Acme Logistics", polarity: .defends, target: "drone program")]),
        Case(phenomenon: "double negation: fighting a repeal supports the ban",
             text: "Environmental groups vowed to fight efforts to repeal the plastic bag ban.",
             expected: [Edge(holder: "Environmental groups", polarity: .supports, target: "plastic bag ban")]),
        Case(phenomenon: "a named spokesperson speaks for the organisation",
             text: "The port plan drew criticism. “This plan is a reckless giveaway,” Dana Whitfield, a spokeswoman for the Harbor Preservation Society, said.",
             expected: [Edge(holder: "Harbor Preservation Society", polarity: .opposes, target: "port plan")]),
        Case(phenomenon: "relative clause attaches to the nearest noun",
             text: "Dana Whitfield of the Lakeview Tenants Union, which opposes the eviction ordinance, spoke on Monday.",
             expected: [Edge(holder: "Lakeview Tenants Union", polarity: .opposes, target: "eviction ordinance")]),
        Case(phenomenon: "members of an unnamed coalition",
             text: "The effort to repeal the plastic bag ban will be fought by a new coalition that includes the Riverside Alliance and Clean Water Now.",
             expected: [Edge(holder: "Riverside Alliance", polarity: .supports, target: "plastic bag ban", modality: .intended),
                        Edge(holder: "Clean Water Now", polarity: .supports, target: "plastic bag ban", modality: .intended)]),
        Case(phenomenon: "a demand in a quote is the speaker's position",
             text: "The wage bill stalled. “The Senate must pass the wage bill now,” said Dana Whitfield, president of the Lakeview Tenants Union.",
             expected: [Edge(holder: "Dana Whitfield", polarity: .supports, target: "wage bill")]),
        Case(phenomenon: "a request made as a noun: calls to ground",
             text: "The Harbor Pilots Association joined growing calls to ground the Skyline 300 jet.",
             expected: [Edge(holder: "Harbor Pilots Association", polarity: .opposes, target: "Skyline 300")]),
        Case(phenomenon: "pressure on an addressee to cut ties opposes the addressee",
             text: "Acme workers put pressure on Acme to cut ties with the Border Agency.",
             expected: [Edge(holder: "Acme workers", polarity: .opposes, target: "Acme")]),
        Case(phenomenon: "a letter to someone protesting: the senders protest",
             text: "Hundreds of employees at Acme Logistics signed a letter to CEO Jane Roe protesting the company's drone contract.",
             expected: [Edge(holder: "Acme Logistics employees", polarity: .opposes, target: "drone contract")]),
        Case(phenomenon: "shared group head and their employers",
             text: "Protests came from Acme and Initech workers, who objected to their employers' contracts with the Border Agency.",
             expected: [Edge(holder: "Acme workers", polarity: .opposes, target: "Acme"),
                        Edge(holder: "Initech workers", polarity: .opposes, target: "Initech")]),
        Case(phenomenon: "I in a quote is the speaker",
             text: "“I will vote against the curfew ordinance,” said council member Dana Whitfield.",
             expected: [Edge(holder: "Dana Whitfield", polarity: .opposes, target: "curfew ordinance", modality: .intended)]),
        Case(phenomenon: "refusing an act against something defends it",
             text: "Under pressure from pilots, the Aviation Safety Office declined to ground the Skyline 300.",
             expected: [Edge(holder: "Aviation Safety Office", polarity: .defends, target: "Skyline 300")]),
        Case(phenomenon: "refusing an act for something opposes it",
             text: "Gov. Linda Hale refused to sign the curfew ordinance.",
             expected: [Edge(holder: "Linda Hale", polarity: .opposes, target: "curfew ordinance")]),
        Case(phenomenon: "a product referred to by its model number or what it is",
             text: "Regulators reviewed the Skyline 300 jet after two crashes. On Wednesday, Canada said it is grounding the 300. Two of the largest pilot unions joined calls to ground the aircraft.",
             expected: [Edge(holder: "Canada", polarity: .opposes, target: "Skyline 300"),
                        Edge(holder: "largest pilot unions", polarity: .opposes, target: "Skyline 300")]),
        Case(phenomenon: "a cue ending in 'with' takes its object as the target",
             text: "Council member Dana Whitfield sided with Mayor Linda Hale on the curfew ordinance.",
             expected: [Edge(holder: "Dana Whitfield", polarity: .supports, target: "Linda Hale")]),
        Case(phenomenon: "saying no to something",
             text: "“We are saying no to the Harbor Tower project,” said Dana Whitfield.",
             expected: [Edge(holder: "Dana Whitfield", polarity: .opposes, target: "Harbor Tower project")]),
        Case(phenomenon: "a quote after a position taken without a speech verb is that actor's",
             text: "Dana Whitfield accused Northwind Energy of misleading the council in a memo to members. “Northwind will never be trusted again, and it should not ever be given the benefit of the doubt.”",
             expected: [Edge(holder: "Dana Whitfield", polarity: .opposes, target: "Northwind Energy")]),
        Case(phenomenon: "a possessor qualifies a group: the city's residents",
             text: "Officials in Lakeview were stunned. Lakeview’s bid collapsed on Sunday after the majority of the city's residents voted against the stadium plan.",
             expected: [Edge(holder: "Lakeview residents", polarity: .opposes, target: "stadium plan")]),
        Case(phenomenon: "officials of an organisation speak for it",
             text: "The strike against Northwind Energy entered its second week. Harbor Union officials criticised the company.",
             expected: [Edge(holder: "Harbor Union", polarity: .opposes, target: "Northwind Energy")]),
        Case(phenomenon: "putting money into something supports it",
             text: "The harbor stadium deal cleared the council. Dana Whitfield has pledged $650 million; the Lakeview Sharks have committed $500 million to the stadium deal.",
             expected: [Edge(holder: "Dana Whitfield", polarity: .supports, target: "stadium deal"),
                        Edge(holder: "Lakeview Sharks", polarity: .supports, target: "stadium deal")]),
        Case(phenomenon: "a blow to X: X is on the other side of the act",
             text: "In a major blow to Rentwise, Gov. Dana Roe signed the short-term rental ban on Friday.",
             expected: [Edge(holder: "Dana Roe", polarity: .supports, target: "rental ban"),
                        Edge(holder: "Rentwise", polarity: .opposes, target: "rental ban")]),
        Case(phenomenon: "a victory for X, a loss for Y",
             text: "The Harbor Council rejected the Northline pipeline plan on Friday, handing a major victory to river activists. The decision is a huge loss for the oil industry.",
             expected: [Edge(holder: "river activists", polarity: .opposes, target: "pipeline plan"),
                        Edge(holder: "oil industry", polarity: .supports, target: "pipeline plan")]),
        Case(phenomenon: "authors and sponsors in apposition support the measure",
             text: "The curfew ordinance stalled. Aides to the ordinance’s authors, council chairman Pat Lowe and Sen. Debbie Marsh, the senior Democrat, were not available. Paul Reyes, the ordinance's sponsor, spoke first.",
             expected: [Edge(holder: "Pat Lowe", polarity: .supports, target: "curfew ordinance"),
                        Edge(holder: "Debbie Marsh", polarity: .supports, target: "curfew ordinance"),
                        Edge(holder: "Paul Reyes", polarity: .supports, target: "curfew ordinance")]),
        Case(phenomenon: "a quote about a person described, not the country named",
             text: "Chairman Dave Roe criticised the president's pipeline order. “This president is not trying to make America great again, he is trying to make it bad again,” Roe said.",
             expected: [Edge(holder: "Dave Roe", polarity: .opposes, target: "pipeline order")]),
        Case(phenomenon: "a statement released by X is X's",
             text: "The Harbor Transit Authority refused to renew Rideshare's license. A statement released by the Harbor Transit Authority read, “Rideshare is not fit and proper to hold a license.”",
             expected: [Edge(holder: "Harbor Transit Authority", polarity: .opposes, target: "Rideshare")]),
        Case(phenomenon: "a reassurance under criticism defends",
             text: "Consumer groups criticised the broadband deregulation plan. The cable industry promises that service isn't going to change.",
             expected: [Edge(holder: "cable industry", polarity: .defends, target: "broadband deregulation plan")]),
        Case(phenomenon: "X, joined by Y, … : both hold the position",
             text: "The Lakeview Tribe, joined by hundreds of other tribes, opposes the Northline pipeline.",
             expected: [Edge(holder: "Lakeview Tribe", polarity: .opposes, target: "Northline pipeline"),
                        Edge(holder: "tribes", polarity: .opposes, target: "Northline pipeline")]),
        Case(phenomenon: "a capital standing for its government, and a participle sharing the main subject",
             text: "Beijing has accused Britain of bowing to pressure, warning that the Harbor 5G ban would hurt trade.",
             expected: [Edge(holder: "China", polarity: .opposes, target: "United Kingdom")]),
        Case(phenomenon: "a quoted word is read with the negation before it; insisting on it under criticism defends",
             text: "Critics attacked the harbor tunnel plan. Transport minister Edward Lowe insisted the harbor tunnel plan would not be a “catastrophe”.",
             expected: [Edge(holder: "Edward Lowe", polarity: .defends, target: "harbor tunnel plan")]),
        Case(phenomenon: "defending a party against a lawsuit is a position on the disputed measure",
             text: "Rentwise sued to block the rental ad ban. Attorney General Dana Roe said she will defend Lakeview County against the lawsuit.",
             expected: [Edge(holder: "Dana Roe", polarity: .defends, target: "rental ad ban", modality: .intended)]),
        Case(phenomenon: "qualified group: employees at Acme",
             text: "Employees at Acme Logistics protested the surveillance program.",
             expected: [Edge(holder: "Acme Logistics employees", polarity: .opposes, target: "surveillance program")]),
        Case(phenomenon: "an effort to close something opposes it",
             text: "For years, Governor Nora Pike has been trying to close the Brightwater Coal Plant.",
             expected: [Edge(holder: "Nora Pike", polarity: .opposes, target: "Brightwater Coal Plant", modality: .intended)]),
        Case(phenomenon: "an unnamed official speaks for the administration named earlier; answering critics defends",
             text: "The Hale administration issued the water mandate in May.\n\nResponding to critics of the mandate, a senior administration official said the water mandate is necessary and will protect families.",
             expected: [Edge(holder: "Hale administration", polarity: .defends, target: "water mandate")]),
        Case(phenomenon: "a judgement with a copula is about its subject, not the first name in the quote",
             text: "“Mayor Tom Reyes knows that the Brightwater Coal Plant is dangerous and dirty,” said Lena Ortiz of Clean Valley.",
             expected: [Edge(holder: "Lena Ortiz", polarity: .opposes, target: "Brightwater Coal Plant")]),
        Case(phenomenon: "a permit for a project is the project's issue",
             text: "Regulators rejected a permit for the Northfork gas pipeline. Ranchers have long opposed the Northfork gas pipeline.",
             expected: [Edge(holder: "Regulators", polarity: .opposes, target: "Northfork gas pipeline"),
                        Edge(holder: "Ranchers", polarity: .opposes, target: "Northfork gas pipeline")]),
        Case(phenomenon: "the person before a role apposition speaks, not the organisation in it",
             text: "Dana Kerr, director of the advocacy group Clean Valley Alliance, said the coal plant ban would be “a tremendous victory for families.”",
             expected: [Edge(holder: "Dana Kerr", polarity: .supports, target: "coal plant ban")]),
        Case(phenomenon: "those a holder acts alongside share the act",
             text: "Governor Amy Ross said she will sue alongside the governors of Ohio and Utah, as well as several employers, to stop the vaccine mandate.",
             expected: [Edge(holder: "Amy Ross", polarity: .opposes, target: "vaccine mandate", modality: .intended),
                        Edge(holder: "governors of Ohio and Utah", polarity: .opposes, target: "vaccine mandate", modality: .intended),
                        Edge(holder: "employers", polarity: .opposes, target: "vaccine mandate", modality: .intended)]),
        Case(phenomenon: "cheering someone's vow to act supports the act, not the person",
             text: "Environmental groups are cheering Mayor Tom Reyes's vow to ban plastic straws.",
             expected: [Edge(holder: "Environmental groups", polarity: .supports, target: "plastic straw ban")],
             title: "Mayor proposes plastic straw ban"),
        Case(phenomenon: "the lead's description of the bill is the headline's bill",
             text: "SPRINGFIELD: Governor Ann Weber on Friday signed a first-of-its-kind bill that bars landlords from screening tenants by credit score. Landlord groups said they would sue to block the law.",
             expected: [Edge(holder: "Ann Weber", polarity: .supports, target: "tenant screening bill"),
                        Edge(holder: "Landlord groups", polarity: .opposes, target: "tenant screening bill", modality: .conditional)],
             title: "Governor signs tenant screening bill"),
        Case(phenomenon: "a strike against a company targets the company, not the strike",
             text: "The Harbor Dockworkers Union began a strike against Coastline Shipping on Monday.",
             expected: [Edge(holder: "Harbor Dockworkers Union", polarity: .opposes, target: "Coastline Shipping")]),
        Case(phenomenon: "'two projects' refers to the two issues just named; coordinated objects are each a target",
             text: "The governor signed orders to revive the Northfork gas pipeline and complete the Bayside oil pipeline — two projects condemned by ranchers.",
             expected: [Edge(holder: "ranchers", polarity: .opposes, target: "Northfork gas pipeline"),
                        Edge(holder: "ranchers", polarity: .opposes, target: "Bayside oil pipeline")]),
        Case(phenomenon: "'the fight will continue' is the speaker's own opposition",
             text: "Tribal leaders have long opposed the Northfork gas pipeline. Chairman Dale Redcloud said the fight will continue.",
             expected: [Edge(holder: "Dale Redcloud", polarity: .opposes, target: "Northfork gas pipeline")]),
        Case(phenomenon: "blocking a company's deal targets the deal",
             text: "The Competition Bureau is blocking Orbis Media's $4bn takeover of Pixel Games.",
             expected: [Edge(holder: "Competition Bureau", polarity: .opposes, target: "takeover")]),
        Case(phenomenon: "a body is named by whom it represents, not by its size",
             text: "Two of the largest unions representing hotel workers criticized the casino plan.",
             expected: [Edge(holder: "unions representing hotel workers", polarity: .opposes, target: "casino plan")]),
        Case(phenomenon: "'the decision' with no act nearby is the lead's act; a blow to X puts X on the other side",
             text: "Federal regulators rejected the Northfork gas pipeline on Monday. The pipeline would have crossed three states. Its route was disputed for years. The decision is a major blow to the gas industry and the state's building trades unions.",
             expected: [Edge(holder: "gas industry", polarity: .supports, target: "Northfork gas pipeline")]),
        Case(phenomenon: "enacting a law that bans X opposes X",
             text: "Montana has enacted a law that bans vaccine mandates.",
             expected: [Edge(holder: "Montana", polarity: .opposes, target: "vaccine mandates")]),
        Case(phenomenon: "backing a repeal opposes what is repealed",
             text: "Senator Ray Dunn backs repealing the soda tax.",
             expected: [Edge(holder: "Ray Dunn", polarity: .opposes, target: "soda tax")],
             title: "Senator joins fight over soda tax"),
        Case(phenomenon: "a request verb used as a noun does not swallow the request that follows",
             text: "The letter follows demands by Acme employees, who put pressure on their employers to cut ties with the Border Agency.",
             expected: [Edge(holder: "Acme employees", polarity: .opposes, target: "Acme")]),
        Case(phenomenon: "directing one's ire at someone opposes them",
             text: "Mayor Tom Reyes has directed his ire at the Daily Ledger for months.",
             expected: [Edge(holder: "Tom Reyes", polarity: .opposes, target: "Daily Ledger")]),
        Case(phenomenon: "an unnamed collective named by its members is one actor, and 'it' and 'the new group' refer to it",
             text: "A group of farmers, fishermen and shop owners announced Monday it is launching a campaign to fight the dredging plan. The new group has raised $40,000.",
             expected: [Edge(holder: "group of farmers, fishermen and shop owners", polarity: .opposes, target: "dredging plan", modality: .intended)]),
        Case(phenomenon: "a second request in the same breath has its own side and object",
             text: "Staff urged Acme Logistics to end its drone contract and adopt a privacy policy for all clients.",
             expected: [Edge(holder: "Staff", polarity: .opposes, target: "drone contract"),
                        Edge(holder: "Staff", polarity: .supports, target: "privacy policy")]),
        Case(phenomenon: "trying to counter someone opposes them",
             text: "The Clean Harbor Coalition is trying to counter the Shipping Council in the port dispute.",
             expected: [Edge(holder: "Clean Harbor Coalition", polarity: .opposes, target: "Shipping Council", modality: .intended)]),
        Case(phenomenon: "a restrictive relative clause's subject is the noun before it; 'X is among the Ys which' makes X one of them",
             text: "Utah is among the western states which have enacted laws that ban soda taxes.",
             expected: [Edge(holder: "Utah", polarity: .opposes, target: "soda tax"),
                        Edge(holder: "western states", polarity: .opposes, target: "soda tax")]),
        Case(phenomenon: "the deed praised or blamed is the praised or blamed actor's stance",
             text: "Brightline Energy thanked Governor Amy Ross for keeping the Northfork pipeline alive. Ranchers criticized Senator Ray Dunn for approving the water bill.",
             expected: [Edge(holder: "Amy Ross", polarity: .supports, target: "Northfork pipeline"),
                        Edge(holder: "Ray Dunn", polarity: .supports, target: "water bill"),
                        Edge(holder: "Ranchers", polarity: .opposes, target: "Ray Dunn")]),
        Case(phenomenon: "scuppering a plan opposes it",
             text: "Voters scuppered the stadium plan on Sunday.",
             expected: [Edge(holder: "Voters", polarity: .opposes, target: "stadium plan")]),
        Case(phenomenon: "a critic of / a supporter of / is against / came out against / threw its weight behind",
             text: "Senator Ray Dunn has been a vocal critic of the water bill. Mayor Ann Lee is a strong supporter of the water bill. The Farm Bureau is against the water bill. The Tenants Union came out against the water bill. The Lakeview Chamber of Commerce threw its weight behind the water bill.",
             expected: [Edge(holder: "Ray Dunn", polarity: .opposes, target: "water bill"),
                        Edge(holder: "Ann Lee", polarity: .supports, target: "water bill"),
                        Edge(holder: "Farm Bureau", polarity: .opposes, target: "water bill"),
                        Edge(holder: "Tenants Union", polarity: .opposes, target: "water bill"),
                        Edge(holder: "Lakeview Chamber of Commerce", polarity: .supports, target: "water bill")]),
        Case(phenomenon: "calling or describing something with a verdict is a stance on it",
             text: "Senator Ray Dunn called the water bill a disaster. Mayor Ann Lee described the water bill as fair and sensible.",
             expected: [Edge(holder: "Ray Dunn", polarity: .opposes, target: "water bill"),
                        Edge(holder: "Ann Lee", polarity: .supports, target: "water bill")]),
        Case(phenomenon: "a vote tally does not hide the vote; 'the city council' is an actor",
             text: "The city council voted 6-1 to approve the water bill.",
             expected: [Edge(holder: "city council", polarity: .supports, target: "water bill")]),
        Case(phenomenon: "worrying that an actor will do harm is a stance on the issue that lets it",
             text: "Tenants worry that landlords will be able to raise rents without limit under the housing bill.",
             expected: [Edge(holder: "Tenants", polarity: .opposes, target: "housing bill")]),
        Case(phenomenon: "a ministry spokesperson of a nationality speaks for that country",
             text: "French foreign ministry spokeswoman Claire Dubois criticized the tariff plan.",
             expected: [Edge(holder: "France", polarity: .opposes, target: "tariff plan")]),
        Case(phenomenon: "'the employee' is one of the group named before; displeasure with someone's response opposes them",
             text: "Acme employees protested the drone contract. The employee also expressed displeasure with Tom Reyes's response.",
             expected: [Edge(holder: "Acme employees", polarity: .opposes, target: "Tom Reyes")]),
        Case(phenomenon: "parties named with 'by' around a legal action against something oppose it",
             text: "Two lawsuits were filed against the water rule on Monday, one by Delta Farms Inc and Orchard Growers LLC and the other by the Valley Water Guild.",
             expected: [Edge(holder: "Delta Farms Inc", polarity: .opposes, target: "water rule"),
                        Edge(holder: "Orchard Growers LLC", polarity: .opposes, target: "water rule"),
                        Edge(holder: "Valley Water Guild", polarity: .opposes, target: "water rule")]),
        Case(phenomenon: "a suit brought by several parties against a deal",
             text: "A suit brought by Ohio and Kentucky against the railroad merger reached court on Tuesday.",
             expected: [Edge(holder: "Ohio", polarity: .opposes, target: "railroad merger"),
                        Edge(holder: "Kentucky", polarity: .opposes, target: "railroad merger")]),
        Case(phenomenon: "a list after a preposition is its object; only the last member begins the next clause",
             text: "The toll plan would hurt commuters and truckers were left frustrated by the city council.",
             expected: [Edge(holder: "truckers", polarity: .opposes, target: "city council")]),
        Case(phenomenon: "a licensing authority that refuses a licence opposes the licensee",
             text: "The Harbor Board told Rivercab Ltd that it will not be issued with a new operating licence.",
             expected: [Edge(holder: "Harbor Board", polarity: .opposes, target: "Rivercab Ltd")]),
        Case(phenomenon: "revoking or refusing to renew someone's permit opposes them",
             text: "The city council revoked Skyline Tours' permit on Monday. The Harbor Board refused to renew Rivercab Ltd's licence. Regulators suspended the licence of Bluewater Ferries.",
             expected: [Edge(holder: "city council", polarity: .opposes, target: "Skyline Tours"),
                        Edge(holder: "Harbor Board", polarity: .opposes, target: "Rivercab Ltd"),
                        Edge(holder: "Regulators", polarity: .opposes, target: "Bluewater Ferries")]),
        Case(phenomenon: "a capitalised role of several words is a title",
             text: "Chief Executive Anders Lund criticized the tariff plan on Monday.",
             expected: [Edge(holder: "Anders Lund", polarity: .opposes, target: "tariff plan")]),
        Case(phenomenon: "rejecting accusations against one's side defends it",
             text: "The school board removed the novels. Board member Janice Tull rejected accusations that the board was censoring literature.",
             expected: [Edge(holder: "Janice Tull", polarity: .defends, target: "three novels")],
             title: "School board pulls three novels from libraries"),
        Case(phenomenon: "a vote to do something takes the side of what it does, whatever the tally and time between",
             text: "The Mill Lane rezoning divided the town. The City Council voted 5-2 on Tuesday night to rezone the Mill Lane lots. The Harbor Board voted 4-1 last year to reject the rezoning.",
             expected: [Edge(holder: "City Council", polarity: .supports, target: "Mill Lane rezoning"),
                        Edge(holder: "Harbor Board", polarity: .opposes, target: "Mill Lane rezoning")],
             title: "Council advances Mill Lane rezoning"),
        Case(phenomenon: "support drawn from someone, and the dissenting votes",
             text: "The nurses strike drew support from Sen. Ruth Hale. Council members Ann Park and Tom Reyes cast the dissenting votes.",
             expected: [Edge(holder: "Ruth Hale", polarity: .supports, target: "nurses strike"),
                        Edge(holder: "Ann Park", polarity: .opposes, target: "nurses strike")],
             title: "Nurses strike at Lakeview hospital"),
        Case(phenomenon: "a possessive inside an organisation's name, and a 'whose' clause before the verb",
             text: "The Penobscot Bay Fishermen's Alliance, whose members include 400 lobster boats, criticized the wind farm. The ruling was welcomed by the Rail Operators' Forum.",
             expected: [Edge(holder: "Penobscot Bay Fishermen's Alliance", polarity: .opposes, target: "wind farm")]),
        Case(phenomenon: "the person an indefinite apposition describes holds what its relative clause says",
             text: "State Rep. Jerome Bakari, a St. Louis Democrat who voted against the privacy bill, spoke on Monday.",
             expected: [Edge(holder: "Jerome Bakari", polarity: .opposes, target: "privacy bill")]),
        Case(phenomenon: "students from a school are that school's students",
             text: "Students from Lake Hollis High School criticized the book ban.",
             expected: [Edge(holder: "Lake Hollis High School students", polarity: .opposes, target: "book ban")]),
        Case(phenomenon: "acting against someone's attempt to stop a thing is for the thing",
             text: "The Harbor Board rejected the city council's attempt to block the ferry merger.",
             expected: [Edge(holder: "Harbor Board", polarity: .supports, target: "ferry merger")]),
        Case(phenomenon: "the chambers a measure passed voted for it, tallies and all",
             text: "Gov. Ann Hale vetoed the data-privacy bill. Senate Bill 41, known as the Data Dignity Act, passed the Senate 14-10 and the House 201-163 in May.",
             expected: [Edge(holder: "Senate", polarity: .supports, target: "SB 41 (Senate Bill 41)"),
                        Edge(holder: "House", polarity: .supports, target: "SB 41 (Senate Bill 41)")],
             title: "Hale vetoes data-privacy bill"),
        Case(phenomenon: "'his office' acts for him; support 'among' a group",
             text: "Attorney General Tom Reyes said his office is defending the vape ban in court. The vape ban has broad support among school nurses.",
             expected: [Edge(holder: "Tom Reyes", polarity: .defends, target: "vape ban"),
                        Edge(holder: "school nurses", polarity: .supports, target: "vape ban")]),
        Case(phenomenon: "legislation to suspend something is against it",
             text: "Rep. Ann Park has reintroduced legislation to suspend the pesticide registration.",
             expected: [Edge(holder: "Ann Park", polarity: .opposes, target: "pesticide registration")]),
        Case(phenomenon: "opposition from a group with a relative clause, when the subject names what it opposes",
             text: "The tower proposal has faced fierce opposition from the Depot Hill Association, which collected 1,800 signatures.",
             expected: [Edge(holder: "Depot Hill Association", polarity: .opposes, target: "tower proposal")]),
        Case(phenomenon: "coordinated people each with an apposition; a verdict in quotes",
             text: "In a letter, Sen. Mary Toll, a Minnesota Democrat, and Sen. Curt Beale, a Republican from Kansas, called the tuition hike \"indefensible.\"",
             expected: [Edge(holder: "Mary Toll", polarity: .opposes, target: "tuition hike"),
                        Edge(holder: "Curt Beale", polarity: .opposes, target: "tuition hike")]),
        Case(phenomenon: "a title word inside an organisation's name is no title; 'Superintendent' is",
             text: "The Harvest Justice Law Center criticized the pesticide renewal. Superintendent Alan Pruett endorsed the pesticide renewal.",
             expected: [Edge(holder: "Harvest Justice Law Center", polarity: .opposes, target: "pesticide renewal"),
                        Edge(holder: "Alan Pruett", polarity: .supports, target: "pesticide renewal")]),
        Case(phenomenon: "an ampersand joins a company name",
             text: "Barton & Finch and the Lakeview Tenants Union opposed the eviction ordinance.",
             expected: [Edge(holder: "Barton & Finch", polarity: .opposes, target: "eviction ordinance"),
                        Edge(holder: "Lakeview Tenants Union", polarity: .opposes, target: "eviction ordinance")]),
    ]

    @Test(arguments: cases)
    func findsTheExpectedEdges(_ c: Case) {
        let g = extract(c.text, title: c.title)
        for e in c.expected {
            #expect(has(g, e), "\(c.phenomenon): missing \(e); got \(edges(g).map { "\($0.holder) -\($0.polarity.rawValue)-> \($0.target) [\($0.modality.rawValue)]" })")
        }
    }

    @Test func anUnnamedCoalitionsStanceIsNotPinnedOnTheLastGroupNamed() {
        let g = extract("The Bag Makers Alliance has spent $2 million to fight the straw ban. Its director said the new coalition supporting the straw ban has hidden motives.",
                        title: "Straw ban fight")
        #expect(!edges(g).contains { $0.polarity == .supports }, "\(edges(g))")
    }

    @Test func aNameTakingWhoIsAPersonAndItsSurnameTheSamePerson() {
        let g = extract("Zorvan Ostrander, who leads the antitrust office, criticized the merger. “The merger is unlawful,” Ostrander said.")
        let people = g.entities.filter { $0.name.contains("Ostrander") }
        #expect(people.count == 1 && people.first?.kind == .person, "\(g.entities.map { "\($0.name) \($0.kind)" })")
    }

    @Test func aNameInsideTheSubjectsModifierIsNotWhatIsJudged() {
        let g = extract("Regulators sued to block the Orbis merger with Pixel Games. “Orbis's combination with Pixel Games is unlawful,” said Ana Ruiz of the Justice Department.",
                        title: "Regulators sue over Orbis merger")
        #expect(edges(g).contains { $0.holder == "Ana Ruiz" && $0.polarity == .opposes && $0.target.contains("merger") }, "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Ana Ruiz" && $0.target == "Pixel Games" }, "\(edges(g))")
    }

    @Test func wireSlugsAndYearsInHeadlines() {
        #expect(RuleExtractor.strippingWireSlug("UPDATE 2-Autos-Riverton 2030 stadium bid fails") == "Riverton 2030 stadium bid fails")
        #expect(RuleExtractor.strippingWireSlug("Riverton-area voters reject stadium bid") == "Riverton-area voters reject stadium bid")
        let g = extract("Riverton's bid to host the 2030 Games failed on Sunday after residents voted against the plan.",
                        title: "UPDATE 2-Sports-Riverton 2030 Games bid fails in referendum")
        #expect(g.issues.contains { $0.label == "Riverton 2030 Games bid" }, "\(g.issues.map(\.label))")
    }

    @Test func aCompanysFirstWordIsItsShortNameAndATwoWordRoleLinksThePerson() {
        let g = extract("Activists criticized Acme Logistics for its drone program. Acme chief executive Tom Reyes said the program would continue.")
        #expect(!g.entities.contains { $0.name == "Acme" }, "\(g.entities.map(\.name))")
        let names = Dictionary(uniqueKeysWithValues: g.entities.enumerated().map { ($0.element.name, $0.offset) })
        if let tom = names["Tom Reyes"], let acme = names["Acme Logistics"] {
            #expect(g.relations.contains { $0.from == tom && $0.to == acme && $0.type == .leads })
        } else { Issue.record("\(g.entities.map(\.name))") }
    }

    @Test func continuingWithoutCriticismOfTheIssueOrTheSpeakerSupports() {
        // (the only criticism targets somebody else: the official is not answering critics)
        let g = extract("Parents criticized Vapeco for marketing to teenagers. Health Secretary Ana Ruiz said the flavored vape ban would remain in place for a year.",
                        title: "Health secretary announces flavored vape ban")
        #expect(edges(g).contains { $0.holder == "Ana Ruiz" && $0.polarity == .supports && $0.target.contains("vape ban") }, "\(edges(g))")
    }

    @Test func workersAndEmployeesOfOneCompanyAreOneGroup() {
        let g = extract("Acme workers protested the drone contract. Later, more than 400 Acme employees signed a letter against the drone contract.")
        #expect(g.entities.filter { $0.kind == .group && $0.name.hasPrefix("Acme") }.count == 1, "\(g.entities.map(\.name))")
    }

    @Test func aMembersOwnQuoteCountsBesideTheOrganisationsStance() {
        let g = extract("“This bill is a giveaway to polluters,” said Jane Halloran of Clean Valley, which opposes the water bill.",
                        title: "Senate weighs water bill")
        #expect(edges(g).contains { $0.holder == "Jane Halloran" && $0.polarity == .opposes }, "\(edges(g))")
        #expect(edges(g).contains { $0.holder == "Clean Valley" && $0.polarity == .opposes }, "\(edges(g))")
    }

    @Test func supportingWhatAnActorDoesIsNotSupportingTheActor() {
        let g = extract("Union president Jon Reese said he supports Skyway Airlines adopting a new safety checklist.")
        #expect(!edges(g).contains { $0.target == "Skyway Airlines" }, "\(edges(g))")
    }

    @Test func aPlaceNamedInPassingIsNoTargetButACountryActingIs() {
        let g = extract("Tribal chairman Dale Redcloud opposed the Northfork pipeline. He said the fight must now go to Washington, D.C.",
                        title: "Tribe vows to fight Northfork pipeline")
        #expect(!edges(g).contains { $0.target.contains("D.C") || $0.target.contains("Washington") }, "\(edges(g))")
        let h = extract("Beijing criticized the Huawei ban. “This breaches the UK's promises,” said Hua Lin, a spokeswoman.",
                        title: "China attacks Huawei ban")
        #expect(edges(h).contains { $0.holder == "Hua Lin" && $0.target == "United Kingdom" }, "\(edges(h))")
    }

    @Test func theOriginalFormOfARenamedGroupStaysAnAlias() {
        let g = extract("The decision is a blow to Republicans in Congress, who backed the pipeline.")
        #expect(g.entities.contains { $0.name == "Congress Republicans" && $0.aliases.contains("Republicans in Congress") }, "\(g.entities)")
    }

    @Test func aHeadlineRepealIsTheControversyAndUndoingTheRulesSupportsIt() {
        let g = extract("The Harbor Commission voted to repeal the water quality rules on Thursday. Clean-water advocates plan legal challenges. “We are restoring common sense,” chairman Tom Reyes said.",
                        title: "Commission repeals water quality rules")
        #expect(g.issues.contains { $0.label == "water quality rules repeal" }, "\(g.issues.map(\.label))")
        #expect(edges(g).contains { $0.polarity == .supports && $0.target == "water quality rules repeal" && $0.holder == "Harbor Commission" }, "\(edges(g))")
        #expect(edges(g).contains { $0.holder == "Tom Reyes" && $0.polarity == .supports && $0.target == "water quality rules repeal" }, "\(edges(g))")
        // ("Clean-water advocates" are for clean water, not for the repeal)
        #expect(!edges(g).contains { $0.holder.lowercased().contains("advocates") && $0.target == "water quality rules repeal" && $0.polarity == .supports }, "\(edges(g))")
    }

    @Test func aRelativeClauseBeforeTheSpeechVerbDoesNotHandItsLastNameTheSpeech() {
        let g = extract("Drivers and Lyftco Inc. have argued over the gig bill for months. Lyftco, which has been negotiating with labor leaders and Governor Amy Ross, said: “The gig bill is a reckless and dangerous mistake.”",
                        title: "Governor signs gig bill")
        #expect(!edges(g).contains { $0.holder == "Amy Ross" }, "\(edges(g))")
        #expect(edges(g).filter { $0.holder == "Lyftco Inc" && $0.polarity == .opposes }.count >= 1, "\(edges(g))")
    }

    @Test func whatAStrongJudgementIsPassedOnIsAnIssue() {
        let g = extract("A full-speed rollout would be disastrous for small farms, Ruth Hale said on Monday. Farm minister Tom Reyes insisted a full-speed rollout would not be a “disaster”.",
                        title: "Farm leader warns full-speed rollout would be 'disaster'")
        #expect(g.issues.first?.label == "full-speed rollout", "\(g.issues.map(\.label))")
        #expect(edges(g).contains { $0.holder == "Ruth Hale" && $0.polarity == .opposes && $0.target == "full-speed rollout" }, "\(edges(g))")
        // (a name alone is an actor, not an issue)
        let h = extract("Critics said Tom Reyes would be a disaster for the port.", title: "Port vote")
        #expect(!h.issues.contains { $0.label.contains("Reyes") }, "\(h.issues.map(\.label))")
        // ("truckers" is left out of the toll plan's clause: a judged phrase is no group)
        let k = extract("Parents would be furious, Tom Reyes said.", title: "School plan")
        #expect(!k.issues.contains { $0.label.lowercased().contains("parents") }, "\(k.issues.map(\.label))")
    }

    @Test func theLeadsPlaceNamesTheHeadlineLawsJurisdiction() {
        let g = extract("Gov. Amy Ross on Friday signed a bill that would stop the sale of flavored vapes in Ohio. Vapeco Inc said it would sue.",
                        title: "Governor signs bill banning flavored vape sales")
        #expect(g.issues.first?.label == "Ohio bill banning flavored vape sales", "\(g.issues.map(\.label))")
        #expect(g.issues.first?.aliases.contains("bill banning flavored vape sales") == true, "\(g.issues.map(\.aliases))")
        #expect(edges(g).contains { $0.holder == "Amy Ross" && $0.polarity == .supports && $0.target == "Ohio bill banning flavored vape sales" }, "\(edges(g))")
        // (a place that is not where the clause ends is no jurisdiction)
        let h = extract("Gov. Amy Ross on Friday signed a bill that Ohio lawmakers passed in May.", title: "Governor signs bill banning flavored vape sales")
        #expect(h.issues.first?.label == "bill banning flavored vape sales", "\(h.issues.map(\.label))")
    }

    @Test func aLeadThatNamesOnlyARoleIsFollowedByItsHolder() {
        let g = extract("A four-day week would be a disaster for hospitals, the head of the Nurses Guild said. Mary Quinn said wards were already short of staff.",
                        title: "Nurses Guild warns four-day week would be 'disaster'")
        #expect(edges(g).contains { $0.holder == "Mary Quinn" && $0.polarity == .opposes && $0.target == "four-day week" }, "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Nurses Guild" }, "\(edges(g))")
        // (a lead that names a person already is left alone)
        let h = extract("The levy would be a disaster, the head of the Nurses Guild, Ann Park, said. Mary Quinn said wards were short of staff.")
        #expect(!h.relations.contains { h.entities[$0.from].name == "Mary Quinn" && $0.type == .leads }, "\(h.relations)")
    }

    @Test func strikingInAnArticleAboutTheStrikeOpposesTheEmployerNotTheStrike() {
        let g = extract("Dock workers at Acme Freight walked out on Monday over pay.", title: "Acme Freight dock workers strike")
        #expect(edges(g).contains { $0.holder == "Acme Freight workers" && $0.polarity == .opposes && $0.target == "Acme Freight" }, "\(edges(g))")
        #expect(!edges(g).contains { $0.target.contains("strike") }, "\(edges(g))")
        // (a strike whose counterparty the article's issue does not name gives no stance at all)
        let h = extract("Nurses in Ohio walked out on Monday.", title: "Nurses strike spreads to Ohio")
        #expect(h.stances.isEmpty, "\(edges(h))")
    }

    @Test func aGenericHeadlineDealTakesTheNameOfTheProgramItIsAbout() {
        let g = extract("Acme Robotics will honor its subcontract on Project Kestrel until March. Engineers protested the drone contract.",
                        title: "Acme Robotics drops drone deal")
        #expect(g.issues.first?.label == "Project Kestrel drone deal", "\(g.issues.map(\.label))")
        // (a party or a date after "for" names no program)
        let h = extract("Acme Robotics signed a drone contract for Boeing on Monday. A deal for Tuesday was also signed.", title: "Acme Robotics signs drone deal")
        #expect(h.issues.first?.label == "drone deal", "\(h.issues.map(\.label))")
    }

    @Test func anAdministrationNobodyNamedIsNotTheLastGovernmentMentioned() {
        let g = extract("President Ann Hale met the Canadian government on Monday. Hale acted days after her administration rejected Acme Corp's request for a delay.")
        #expect(!edges(g).contains { $0.holder == "Canadian government" }, "\(edges(g))")
    }

    @Test func theObjectOfAHeadlineActIsTheIssueEvenWithoutAnIssueNoun() {
        let g = extract("The council voted 5-2 on Tuesday to rezone the Mill Lane lots. Residents of Mill Lane opposed the upzoning, saying it would bring traffic.",
                        title: "Council advances Mill Lane upzoning over residents' objections")
        #expect(g.issues.first?.label == "Mill Lane upzoning", "\(g.issues.map(\.label))")
        #expect(edges(g).contains { $0.polarity == .opposes && $0.target == "Mill Lane upzoning" }, "\(edges(g))")
        // (amounts and a possessor are no part of it; a bare name is an actor)
        let h = extract("Regulators said the bid would raise prices.", title: "EU blocks Serrano's €4.8 billion bid for signalling maker Kessler")
        #expect(h.issues.first?.label == "bid for signalling maker Kessler", "\(h.issues.map(\.label))")
        let k = extract("The tribe said the mine would harm springs.", title: "Tribe sues Acme Corp over water")
        #expect(!k.issues.contains { $0.label.contains("Acme") }, "\(k.issues.map(\.label))")
        // ("farm leader": an issue noun naming people is part of an actor's name)
        let m = extract("Farm leader Ruth Hale criticized the tariff.", title: "Farm leader slams tariff")
        #expect(!m.issues.contains { $0.label.lowercased().hasPrefix("farm") }, "\(m.issues.map(\.label))")
    }

    @Test func aStateAfterACityInALocativeIsNotTheSpeaker() {
        let g = extract("The school board removed the novels. Ann Rourke, reached by phone in Portland, Oregon, said the decision was shameful and cruel.",
                        title: "School board pulls three novels from libraries")
        #expect(!edges(g).contains { $0.holder == "Oregon" }, "\(edges(g))")
        #expect(edges(g).contains { $0.holder == "Ann Rourke" && $0.polarity == .opposes }, "\(edges(g))")
    }

    @Test func stoppingShortOfAnActIsNotTheAct() {
        let g = extract("Harbor Pharma raised the price of its drug. The Patients Alliance stopped short of criticizing Harbor Pharma.")
        #expect(!edges(g).contains { $0.holder == "Patients Alliance" && $0.polarity == .opposes && $0.modality == .asserted }, "\(edges(g))")
    }

    @Test func welcomingARulingAgainstTheIssueOpposesTheIssue() {
        let g = extract("The European Commission on Tuesday blocked the takeover of Kessler Signal by Serrano Rail. The ruling was welcomed by the Rail Operators Forum. The Commission said the takeover would raise prices.",
                        title: "EU blocks Serrano takeover of Kessler")
        #expect(edges(g).contains { $0.holder == "Rail Operators Forum" && $0.polarity == .opposes }, "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Rail Operators Forum" && $0.polarity == .supports }, "\(edges(g))")
        // "the Commission" is the European Commission named before
        #expect(!g.entities.contains { $0.name == "Commission" }, "\(g.entities.map(\.name))")
    }

    @Test func anAcronymTheArticleSpellsOutIsThatBody() {
        let g = extract("A tribe sued the Bureau of Land Management (BLM) on Wednesday. The BLM approved the mine in May.", title: "Tribe sues over lithium mine")
        #expect(!g.entities.contains { $0.name == "Black Lives Matter" }, "\(g.entities.map(\.name))")
        #expect(edges(g).contains { $0.holder == "Bureau of Land Management" && $0.polarity == .supports }, "\(edges(g))")
    }

    @Test func aStrikeReadAsNewsReportsIt() {
        let g = extract("LAKEVIEW, Wis. (AP) — About 900 nurses walked off the job Monday at Lakeview General Hospital after talks collapsed. \"We are walking out for our patients,\" said Ann Park, a nurse. Hospital executives have defended their proposal. The Nurses Guild said the strike would go on, with some 600 members joining pickets on Tuesday.",
                        title: "Nurses strike at Wisconsin hospital over staffing")
        // a state's abbreviation in the dateline ends no sentence; "About 900" is no name
        #expect(g.stances.allSatisfy { !$0.evidence.hasPrefix("(AP)") }, "\(g.stances.map(\.evidence))")
        #expect(!g.entities.contains { $0.name.contains("900") }, "\(g.entities.map(\.name))")
        // walking off the job at the hospital opposes the hospital, not the strike
        #expect(edges(g).contains { $0.holder == "nurses" && $0.polarity == .opposes && $0.target == "Lakeview General Hospital" }, "\(edges(g))")
        // whom the strike is for is no target; "their proposal" is not the strike
        #expect(!edges(g).contains { $0.target == "patients" }, "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Hospital executives" && $0.target.contains("strike") }, "\(edges(g))")
        #expect(!g.entities.contains { $0.name == "members" }, "\(g.entities.map(\.name))")
    }

    @Test func theHeadlinesUnnamedBillIsTheOneBillTheBodyNumbers() {
        let g = extract("Gov. Ann Hale on Friday vetoed the data-privacy bill. Senate Bill 41, known as the Data Dignity Act, passed in May. The Bankers Group had criticized the measure.",
                        title: "Hale vetoes data-privacy bill")
        #expect(g.issues.first?.label == "SB 41 (Senate Bill 41)", "\(g.issues.map(\.label))")
        #expect(g.issues.first?.aliases.contains("data-privacy bill") == true, "\(g.issues.map(\.aliases))")
        #expect(edges(g).contains { $0.holder == "Bankers Group" && $0.polarity == .opposes && $0.target == "SB 41 (Senate Bill 41)" }, "\(edges(g))")
    }

    @Test func aDatelineNamesNoActorAndALeadsIndefiniteSubjectActs() {
        let g = extract("RENO, Nev., Feb 8 (Reuters) - A local water group sued the Bureau of Land Management on Wednesday, arguing the agency ignored evidence that the site holds burial grounds.",
                        title: "Water group sues over Nevada lithium mine")
        #expect(!edges(g).contains { $0.holder == "Nev" || $0.holder == "Reuters" }, "\(edges(g))")
        // ("burial grounds" is a plural noun, not the verb "ground"; "the agency" is the bureau, not Nevada)
        #expect(!g.stances.contains { $0.cue.lowercased() == "grounds" }, "\(g.stances.map(\.cue))")
        #expect(!edges(g).contains { $0.holder == "Nevada" }, "\(edges(g))")
    }

    @Test func aMembersQuoteTakesTheSideOfTheOrganisationThatChallengesTheApproval() {
        let g = extract("Federal regulators on Wednesday approved the Seaward wind farm. The Bay Fishermen's Alliance said it would challenge the approval in federal court. The alliance argues that the Bureau of Ocean Energy Management failed to study lobster migration. \"They drew the lease lines right over our grounds,\" said Wade Roe, a lobsterman from Vinal Harbor and the alliance's vice president.",
                        title: "Feds approve Seaward wind farm; lobstermen vow court fight")
        #expect(edges(g).contains { $0.holder == "Bay Fishermen's Alliance" && $0.polarity == .opposes && $0.target == "Seaward wind farm" }, "\(edges(g))")
        #expect(edges(g).contains { $0.holder == "Bay Fishermen's Alliance" && $0.polarity == .opposes && $0.target == "Bureau of Ocean Energy Management" }, "\(edges(g))")
        #expect(edges(g).contains { $0.holder == "Wade Roe" && $0.polarity == .opposes }, "\(edges(g))")
        #expect(g.relations.contains { g.entities[$0.from].name == "Wade Roe" && $0.type == .memberOf }, "\(g.relations)")
    }

    @Test func welcomingARefusalToStopTheIssueSupportsIt() {
        let g = extract("A judge on Friday refused to pause the Student Privacy Act. Attorney General Ann Park welcomed the ruling.",
                        title: "Judge refuses to pause student privacy law")
        #expect(edges(g).contains { $0.holder == "Ann Park" && $0.polarity == .supports }, "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Ann Park" && $0.polarity == .opposes }, "\(edges(g))")
    }

    @Test func aLeadsDescribedActorIsTheOneNamedNextAndACourtIsNoSide() {
        let g = extract("KANSAS CITY, Mo., April 10 (Reuters) - A technology industry group on Tuesday sued to block the new Missouri age law. The Online Speech Coalition, whose members include large gaming companies, asked a federal judge to halt the age law.",
                        title: "Tech group sues to block Missouri age law")
        let coalition = g.entities.firstIndex { $0.name == "Online Speech Coalition" }
        #expect(g.stances.contains { $0.holder == coalition && $0.polarity == .opposes && $0.rule.hasPrefix("act") }, "\(g.stances.map { "\($0.holder) \($0.rule)" })")
        #expect(g.stances.contains { $0.holder == coalition && $0.polarity == .opposes && $0.rule.hasPrefix("urge") }, "\(g.stances.map { "\($0.holder) \($0.rule)" })")
        #expect(!edges(g).contains { $0.holder == "companies" }, "\(edges(g))")
    }

    @Test func theObjectOfAVerbIsNotASubjectOfTheNextClause() {
        let g = extract("The toll plan would hurt commuters and truckers were left frustrated by the city council.")
        #expect(!edges(g).contains { $0.holder == "commuters" }, "\(edges(g))")
    }

    @Test func neutralReportingIsNotAStance() {
        let g = extract("Acme Logistics sells drones to farms. The agency declined to comment on the contract. The board is reviewing the letter.")
        #expect(g.stances.isEmpty, "\(edges(g))")
    }

    @Test func namedBillsAreOneIssue() {
        let g = extract("Lawmakers passed Assembly Bill 12 on Monday. Critics say AB 12 goes too far, and the bill faces a lawsuit.")
        let bills = g.issues.filter { $0.label.contains("AB 12") }
        #expect(bills.count == 1)
        #expect(bills.first?.aliases.contains("Assembly Bill 12") == true)
    }

    @Test func issueLabelsAreCompactAndMergeTheirPhrasings() {
        let g = extract("Grocers fought the ban on plastic shopping bags. The bag ban takes effect in May, and the Harbor Shoppers Union praised the bag ban.",
                        title: "Grocers lose fight over ban on plastic shopping bags")
        // "ban on plastic shopping bags" and "bag ban" are one issue, named the way news names it.
        let bans = g.issues.filter { $0.label.contains("ban") }
        #expect(bans.map(\.label) == ["plastic shopping bag ban"], "\(g.issues.map(\.label))")
        #expect(bans.first?.aliases.contains("ban on plastic shopping bags") == true)
        #expect(has(g, Edge(holder: "Harbor Shoppers Union", polarity: .supports, target: "plastic shopping bag ban")))
    }

    @Test func aNameEndingInIngStartsASentence() {
        let g = extract("Pilots criticised Boeing over the Skyline 300 jet on Monday. Boeing defended the aircraft. Reading the report, critics objected.")
        #expect(has(g, Edge(holder: "Boeing", polarity: .defends, target: "Skyline 300")), "\(edges(g))")
        #expect(!g.entities.contains { $0.name == "Reading" })
    }

    @Test func aDescriptionPrefersTheNameItEchoes() {
        // "the council's president" is the council's, although Acme was named last.
        let g = extract("The Council for Clean Ports opposes the plan, and Acme Shipping supports it. Howard Pike, the council's president, said the plan was reckless.")
        let names = Dictionary(uniqueKeysWithValues: g.entities.enumerated().map { ($0.element.name, $0.offset) })
        guard let pike = names["Howard Pike"], let council = names["Council for Clean Ports"] else { Issue.record("\(names.keys.sorted())"); return }
        #expect(g.relations.contains { $0.from == pike && $0.to == council && $0.type == .leads }, "\(g.relations)")
    }

    @Test func verbsBeforeAGroupAreNotPartOfIt() {
        let g = extract("The bill aims to protect students. The software can infer students' moods. Acme said Sentinel helps counsellors notice students in distress.")
        let groups = g.entities.filter { $0.kind == .group }.map(\.name)
        #expect(!groups.contains { $0.contains("protect") || $0.contains("infer") || $0.contains("helps") || $0.contains("notice") }, "\(groups)")
    }

    @Test func aQuoteAimsAtThePersonItDescribesNotACountry() {
        let g = extract("President Jane Poe signed the pipeline order. “This president is not trying to make America great again, he is trying to make it bad again,” said tribal chairman Dave Roe.")
        #expect(has(g, Edge(holder: "Dave Roe", polarity: .opposes, target: "Jane Poe")), "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "Dave Roe" && ($0.target == "United States" || $0.target == "America") })
    }

    @Test func mentionBoundaries() {
        let g = extract("The Department of Justice sued. Matthew L. Myers praised the rule, although services firms objected. It was the second time German voters rejected a bid. The Council for Schools, an industry association, is wary. Critics said that the Hale administration's plan was rushed.")
        let names = Set(g.entities.map(\.name))
        for expected in ["Department of Justice", "Matthew L. Myers", "services firms", "German voters", "Hale administration"] {
            #expect(names.contains(expected), "missing \(expected) in \(names.sorted())")
        }
        #expect(!names.contains("industry"), "\(names.sorted())")
    }

    @Test func aGerundObjectIsAPracticeNotTheActorsInIt() {
        let g = extract("The curfew ordinance divides the city. Mayor Dana Whitfield said she is opposed to fining parents for their children's absences.")
        #expect(has(g, Edge(holder: "Dana Whitfield", polarity: .opposes, target: "curfew ordinance")), "\(edges(g))")
        #expect(!edges(g).contains { $0.target == "parents" })
    }

    @Test func aHeadlineVerbIsNotPartOfTheIssue() {
        let g = extract("The government will remove Huawei equipment from its 5G network by 2027. Critics said the ban came too late.",
                        title: "Britain bans Huawei from 5G network")
        #expect(!g.issues.contains { $0.label.lowercased().contains("britain bans") }, "\(g.issues.map(\.label))")
    }

    @Test func theHeadlineIssueTakesNamedModifiersFromTheBody() {
        let g = extract("Governors sued over the mandate President Poe announced. Several states have passed laws that ban COVID-19 vaccine mandates outright.",
                        title: "Governors attack Poe vaccine mandate")
        #expect(g.issues.contains { $0.label == "Poe COVID-19 vaccine mandate" }, "\(g.issues.map(\.label))")
        // a common word from another phrase with the same head is not blended in
        let h = extract("Critics fought the ban. The city also has a ban on plastic straws.", title: "Council passes Lakeview flavored vape ban")
        #expect(!h.issues.contains { $0.label.contains("straw") && $0.label.contains("vape") }, "\(h.issues.map(\.label))")
    }

    @Test func issueLabelsLeaveOutDatesAndDanglingWords() {
        let g = extract("Acme began selling drone technology to police earlier this year. Critics decried the practice.")
        #expect(g.issues.map(\.label).contains("selling drone technology to police"), "\(g.issues.map(\.label))")
        #expect(!g.issues.contains { $0.label.contains("year") })
    }

    @Test func theHeadlineIssueIsTheTopicOfEveryStance() {
        let g = extract("Parents criticised the school closure plan. Dana Whitfield of the Lakeview Tenants Union attacked the mayor.",
                        title: "Parents fight Lakeview school closure plan")
        #expect(!g.stances.isEmpty)
        for s in g.stances { #expect(s.topic.map { g.issues[$0].label } == "Lakeview school closure plan", "\(edges(g))") }
    }

    @Test func aHeadlinePossessiveOwnsTheIssue() {
        let g = extract("Regulators refused to renew the London license held by Rideshare. Rideshare said it would appeal. Drivers criticised the decision.",
                        title: "Regulators refuse to renew Rideshare’s London license")
        #expect(g.issues.contains { $0.label == "Rideshare London license" }, "\(g.issues.map(\.label))")
    }

    @Test func aPrepositionalPhraseIsNotTheSubject() {
        let g = extract("Lawmakers in two neighbouring states have introduced bills modelled on SB 12.")
        #expect(has(g, Edge(holder: "lawmakers", polarity: .supports, target: "SB 12")), "\(edges(g))")
        #expect(!edges(g).contains { $0.holder == "states" })
    }

    @Test func titlesRolesAndRelations() {
        let g = extract("Acme CEO John Roe defended the layoffs. Acme employees criticized the layoffs. Acme Cloud Services is growing.")
        let names = Dictionary(uniqueKeysWithValues: g.entities.enumerated().map { ($0.element.name, $0.offset) })
        guard let roe = names["John Roe"], let acme = names["Acme"] else {
            Issue.record("missing John Roe or Acme: \(g.entities.map(\.name))"); return
        }
        #expect(g.entities[roe].kind == .person)
        #expect(g.relations.contains { $0.from == roe && $0.to == acme && $0.type == .leads })
        if let emp = names["Acme employees"] {
            #expect(g.relations.contains { $0.from == emp && $0.to == acme && $0.type == .memberOf })
        } else { Issue.record("no Acme employees group: \(g.entities.map(\.name))") }
        if let cloud = names["Acme Cloud Services"] {
            #expect(g.relations.contains { $0.from == cloud && $0.to == acme && $0.type == .partOf })
        } else { Issue.record("no Acme Cloud Services: \(g.entities.map(\.name))") }
    }

    @Test func appositionsGiveRoles() {
        let g = extract("Dana Whitfield, chairman of the Harbor Preservation Society, criticized the plan. The Harbor Dockworkers Union objected too. Tom Reyes, the union's lead negotiator, spoke next.")
        let names = Dictionary(uniqueKeysWithValues: g.entities.enumerated().map { ($0.element.name, $0.offset) })
        guard let dana = names["Dana Whitfield"], let society = names["Harbor Preservation Society"] else {
            Issue.record("\(g.entities.map(\.name))"); return
        }
        #expect(g.relations.contains { $0.from == dana && $0.to == society && $0.type == .leads })
        // ("the union" is the union named before, not the society)
        if let tom = names["Tom Reyes"], let union = names["Harbor Dockworkers Union"] {
            #expect(g.relations.contains { $0.from == tom && $0.to == union && $0.type == .memberOf })
        } else { Issue.record("\(g.entities.map(\.name))") }
    }

    @Test func acronymsAndMisspellingsResolve() {
        let g = extract("The Harbor Preservation Society (HPS) opposed the plan. HPS director Dana Whitfield criticized it. Later, Dana Whitfeld said the plan was reckless.")
        #expect(g.entities.filter { $0.name == "Harbor Preservation Society" }.count == 1)
        #expect(!g.entities.contains { $0.name == "HPS" })
        #expect(g.entities.filter { $0.kind == .person }.count == 1, "\(g.entities.map(\.name))")
    }

    @Test func weekdaysResolveAgainstThePublicationDate() {
        // 2024-03-06 is a Wednesday; "on Monday" is 2024-03-04.
        let g = extract("The Riverside City Council voted against the casino proposal on Monday.")
        #expect(g.stances.first?.date == "2024-03-04")
        #expect(g.stances.first?.datePrecision == .day)
    }

    @Test func relativePeriodsResolveWithTheirPrecision() {
        // Published 2024-03-06.
        let week = extract("The Riverside City Council voted against the casino proposal last week.")
        #expect(week.stances.first?.date == "2024-02")
        #expect(week.stances.first?.datePrecision == .month)
        let year = extract("The Riverside City Council voted against the casino proposal last year.")
        #expect(year.stances.first?.date == "2023")
        #expect(year.stances.first?.datePrecision == .year)
    }

    @Test func evidenceOffsetsPointIntoTheText() {
        let text = "Intro line.\n\n“It is a reckless plan,” said Maria Lopez. Teachers criticized the plan."
        let g = extract(text)
        let scalars = Array(text.unicodeScalars)
        #expect(!g.stances.isEmpty)
        for s in g.stances {
            #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.evidence)
        }
    }

    @Test func surnameIsThePersonNotTheAdministrationNamedAfterThem() {
        let g = extract("The Hale administration proposed the water mandate. President Ron Hale defended it on Monday. Later, Hale praised the water mandate again.")
        let people = g.entities.filter { $0.name == "Ron Hale" }
        #expect(people.count == 1)
        #expect(edges(g).contains { $0.holder == "Ron Hale" && $0.polarity == .supports && $0.target.contains("water mandate") })
        #expect(!g.entities.contains { $0.name == "Hale administration" && $0.aliases.contains("Hale") })
    }

    @Test func theFederalGovernmentIsNotTheStateLastNamed() {
        let g = extract("Florida Governor Amy Ross criticized the vaccine mandate. “The federal government cannot impose this vaccine mandate,” Ross said. The federal government has defended the vaccine mandate.")
        #expect(!edges(g).contains { $0.holder == "Florida" })
    }

    @Test func paragraphBreaksAreCounted() {
        let sentences = SentenceSplitter.split(Tokenizer.tokenize(Array("One sentence here.\n\nAnother one.\n\nA third.".unicodeScalars)))
        #expect(sentences.map(\.paragraph) == [0, 1, 2])
    }

    @Test func extractionIsDeterministic() throws {
        let dir = BundledResources.examples.path
        let docs = ArticleReader().read(paths: [dir]).compactMap { try? $0.result.get() }
        #expect(docs.count >= 7)
        for d in docs {
            let a = RuleExtractor().extract(d), b = RuleExtractor().extract(d)
            #expect(a == b, "\(d.key)")
        }
    }

    @Test func userLexiconExtendsTheBundledOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("cues.tsv")
        try "bemoan\topposes\tsvo\t0.8\n".write(to: file, atomically: true, encoding: .utf8)
        let text = "Farmers bemoaned the canal project."
        #expect(extract(text).stances.isEmpty)
        let lex = try Lexicon.with(userFiles: [file.path])
        let g = RuleExtractor(lexicon: lex).extract(Document(key: "x", text: text))
        #expect(has(g, Edge(holder: "Farmers", polarity: .opposes, target: "canal project")))
    }

    /// `Lexicon.bundled` skips a file it cannot load (it must not stop graphq), so this test is
    /// where a bundled lexicon with a bad line, or one the loader does not know, shows up.
    @Test func everyBundledLexiconLoads() throws {
        let dir = BundledResources.root.appendingPathComponent("Lexicons")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix(".md") }
        #expect(files.count >= 15)
        for f in files {
            var lex = Lexicon()
            #expect(throws: Never.self, "\(f)") { try lex.add(contentsOf: dir.appendingPathComponent(f)) }
        }
    }

    @Test func badUserLexiconIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("cues.tsv")
        try "bemoan\thates\tsvo\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect { try Lexicon.with(userFiles: [bad.path]) } throws: { "\($0)".contains("cues.tsv:1: error") }
        let unknown = dir.appendingPathComponent("mywords.txt")
        try "x\n".write(to: unknown, atomically: true, encoding: .utf8)
        #expect { try Lexicon.with(userFiles: [unknown.path]) } throws: { "\($0)".contains("unknown lexicon file name") }
    }
}

@Suite struct ExtractionRobustnessTests {
    /// Thousands of shuffled and mutated texts built from the example articles: the extractor
    /// must never crash, and every stance's offsets must lie inside the text.
    @Test func survivesShuffledAndMutatedText() {
        let docs = ArticleReader().read(paths: [BundledResources.examples.path]).compactMap { try? $0.result.get() }
        var words: [String] = []
        for d in docs { words += d.text.split(separator: " ").map(String.init) }
        var state: UInt64 = 7
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        let noise = ["“", "”", "\"", "'s", "(", ")", ",", ".", "—", "\n\n", "Sen.", "U.S.", "AB 5", "the", "who", "which",
                     "said", "urged", "to", "stop", "by", "of", "Acme", "é", "🙂", ";", ":", "n't", "their", "company"]
        for round in 0..<1500 {
            let n = 1 + next() % 60
            var parts: [String] = []
            for _ in 0..<n { parts.append(next() % 4 == 0 ? noise[next() % noise.count] : words[next() % words.count]) }
            let text = parts.joined(separator: round % 3 == 0 ? "" : " ")
            let g = RuleExtractor().extract(Document(key: "r\(round)", title: round % 2 == 0 ? parts.prefix(6).joined(separator: " ") : nil,
                                                     published: "2024-02-29", text: text))
            let count = text.unicodeScalars.count
            for s in g.stances {
                #expect(s.start >= 0 && s.start <= s.end && s.end <= count)
                #expect(s.holder < g.entities.count)
            }
        }
    }
}

/// The exact graph graphq extracts from its own example articles, as a golden file. A change in
/// extraction shows up here as a readable diff; accept it with `GRAPHQ_RECORD=1 swift test`.
@Suite struct ExampleArticlesGoldenTests {
    static func render() -> String {
        let docs = ArticleReader().read(paths: [BundledResources.examples.path]).compactMap { try? $0.result.get() }
            .sorted { $0.key < $1.key }
        var lines: [String] = []
        for d in docs {
            let g = RuleExtractor().extract(d)
            lines.append("## \(d.key.split(separator: "/").last.map(String.init) ?? d.key)")
            for s in g.stances {
                let target: String
                switch s.target {
                case .entity(let e): target = g.entities[e].name
                case .issue(let i): target = "[" + g.issues[i].label + "]"
                }
                lines.append("\(g.entities[s.holder].name) | \(s.polarity.rawValue) | \(target) | \(s.modality.rawValue) | \(s.rule) | s\(s.sentence)")
            }
            for r in g.relations {
                lines.append("relation: \(g.entities[r.from].name) \(r.type.rawValue) \(g.entities[r.to].name)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func exampleArticlesGiveTheRecordedGraph() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/examples.golden.txt")
        let actual = Self.render()
        if ProcessInfo.processInfo.environment["GRAPHQ_RECORD"] != nil {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
            let missing = e.filter { !a.contains($0) }.prefix(10), extra = a.filter { !e.contains($0) }.prefix(10)
            Issue.record("extraction of the example articles changed; re-record with GRAPHQ_RECORD=1 if intended.\nmissing:\n\(missing.joined(separator: "\n"))\nnew:\n\(extra.joined(separator: "\n"))")
        }
    }

    @Test func keyEdgesOfTheExamplesAreFound() {
        let text = Self.render()
        // Hand-checked edges of docs/examples-expected.md that the extractor must keep finding.
        for edge in ["Veridian Systems | defends", "Council for Education Technology | opposes", "Paul Reyes | supports",
                     "Linda Hale | opposes | [SB 12 (Senate Bill 12)] | conditional", "Linda Hale | supports",
                     "Northshore Teachers Union | opposes | Linda Hale"] {
            #expect(text.contains(edge), "\(edge)")
        }
    }
}
