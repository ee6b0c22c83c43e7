// The words of the synthetic corpus. Every list is ordered most frequent
// first: the generator draws from it with Zipf's law (Random.zipf), so the
// head of each list turns up in a large share of entries and the tail in a
// handful, as in real write-ups.

/** What an entry is about, with the tag a reviewer would give it. */
export const PROBLEMS: readonly { text: string; tag: string }[] = [
  { text: "anti-social behaviour", tag: "anti-social-behaviour" },
  { text: "shop theft", tag: "shop-theft" },
  { text: "youth disorder", tag: "youth" },
  { text: "ASB", tag: "anti-social-behaviour" },
  { text: "burglary", tag: "serious-organised-acquisitive-crime" },
  { text: "county lines drug dealing", tag: "serious-violence" },
  { text: "e-scooter nuisance", tag: "anti-social-behaviour" },
  { text: "knife crime", tag: "knife-crime" },
  { text: "business crime", tag: "shop-theft" },
  { text: "vehicle crime", tag: "serious-organised-acquisitive-crime" },
  { text: "violence against women and girls", tag: "vawg-safer-public-spaces" },
  { text: "off-road motorbikes", tag: "anti-social-behaviour" },
  { text: "shoplifting", tag: "shop-theft" },
  { text: "street drinking", tag: "anti-social-behaviour" },
  { text: "fraud against older people", tag: "fraud-cybercrime" },
  { text: "criminal damage", tag: "anti-social-behaviour" },
  { text: "drug dealing", tag: "serious-violence" },
  { text: "cuckooing", tag: "serious-violence" },
  { text: "retail crime", tag: "shop-theft" },
  { text: "night-time economy violence", tag: "serious-violence" },
  { text: "child exploitation", tag: "child-safety-online-harms" },
  { text: "graffiti", tag: "anti-social-behaviour" },
  { text: "fly-tipping", tag: "anti-social-behaviour" },
  { text: "catalytic converter theft", tag: "serious-organised-acquisitive-crime" },
  { text: "online scams", tag: "fraud-cybercrime" },
  { text: "hate crime", tag: "community-engagement" },
  { text: "rural crime", tag: "serious-organised-acquisitive-crime" },
  { text: "bike theft", tag: "serious-organised-acquisitive-crime" },
  { text: "aggressive begging", tag: "anti-social-behaviour" },
  { text: "speeding", tag: "community-engagement" },
  { text: "domestic abuse", tag: "vawg-safer-public-spaces" },
  { text: "robbery of young people", tag: "youth" },
  { text: "harassment on public transport", tag: "vawg-safer-public-spaces" },
  { text: "sextortion", tag: "child-safety-online-harms" },
  { text: "dog theft", tag: "serious-organised-acquisitive-crime" },
  { text: "heritage crime", tag: "community-engagement" },
];

/** What was done. */
export const TACTICS: readonly string[] = [
  "PCSO patrols",
  "problem-solving using SARA",
  "hotspot patrols",
  "a partnership with the local authority",
  "youth diversion",
  "CCTV upgrades",
  "community engagement events",
  "targeted stop and search",
  "a business crime reduction partnership",
  "dispersal orders",
  "community protection notices",
  "school engagement",
  "a Shop Watch radio scheme",
  "Neighbourhood Watch",
  "mentoring by youth workers",
  "environmental visual audits",
  "improved street lighting",
  "restorative justice",
  "target hardening",
  "alley gating",
  "knife arches",
  "ward panels",
  "a community trigger review",
  "closure orders",
  "a civil injunction",
  "drone patrols",
  "mobile police stations",
  "designing out crime",
  "bystander training",
  "Walk and Talk",
  "a safe space scheme",
  "Pubwatch",
  "trauma-informed training",
  "live facial recognition",
  "social media messaging",
];

export const PARTNERS: readonly string[] = [
  "the local authority",
  "the community safety partnership",
  "youth workers",
  "housing providers",
  "schools",
  "retailers",
  "the business improvement district",
  "the fire and rescue service",
  "health services",
  "the probation service",
  "children's social care",
  "transport operators",
  "parish councils",
  "residents' associations",
  "Crimestoppers",
  "the violence reduction unit",
  "the university",
  "faith groups",
  "licensees",
  "the Environment Agency",
];

export const TEAMS: readonly string[] = [
  "neighbourhood team",
  "neighbourhood policing team",
  "safer neighbourhood team",
  "local policing team",
  "community safety team",
  "problem-solving hub",
  "rural crime team",
  "town centre team",
  "schools team",
  "partnership hub",
];

export const GROUPS: readonly string[] = [
  "residents",
  "young people",
  "retailers",
  "victims",
  "repeat offenders",
  "shop staff",
  "parents",
  "older people",
  "students",
  "commuters",
  "landlords",
  "farmers",
];

/** Real towns and cities of England and Wales, largest share first. */
export const TOWNS: readonly string[] = [
  "Birmingham", "Leeds", "Manchester", "Bristol", "Cardiff", "Liverpool", "Sheffield", "Newcastle", "Nottingham",
  "Leicester", "Coventry", "Bradford", "Swansea", "Southampton", "Portsmouth", "Brighton", "Plymouth", "Derby",
  "Wolverhampton", "Stoke", "Sunderland", "Reading", "Luton", "Norwich", "Preston", "Blackpool", "Bolton", "Oldham",
  "Rochdale", "Wigan", "Stockport", "Salford", "Huddersfield", "Wakefield", "Doncaster", "Rotherham", "Barnsley",
  "Middlesbrough", "Hartlepool", "Gateshead", "Carlisle", "Lancaster", "Blackburn", "Burnley", "Warrington", "Chester",
  "Crewe", "Hull", "Grimsby", "York", "Harrogate", "Scarborough", "Lincoln", "Boston", "Northampton", "Kettering",
  "Peterborough", "Cambridge", "Ipswich", "Colchester", "Chelmsford", "Southend", "Basildon", "Watford", "Stevenage",
  "Bedford", "Oxford", "Milton Keynes", "Slough", "Guildford", "Woking", "Crawley", "Hastings", "Eastbourne",
  "Maidstone", "Margate", "Canterbury", "Dover", "Ashford", "Gillingham", "Basingstoke", "Winchester", "Bournemouth",
  "Poole", "Weymouth", "Exeter", "Torquay", "Truro", "Swindon", "Salisbury", "Gloucester", "Cheltenham", "Bath",
  "Taunton", "Yeovil", "Hereford", "Worcester", "Telford", "Shrewsbury", "Walsall", "Dudley", "Redditch", "Nuneaton",
  "Rugby", "Stafford", "Burton", "Mansfield", "Chesterfield", "Newport", "Wrexham", "Rhyl", "Bangor", "Aberystwyth",
  "Carmarthen", "Llanelli", "Merthyr Tydfil", "Pontypridd", "Bridgend", "Barry", "Neath", "Haverfordwest",
  "Brecon", "Newtown", "Welshpool", "Caernarfon", "Holyhead", "Kendal", "Workington", "Durham", "Darlington",
  "Stockton", "Redcar", "Whitby", "Skegness", "Great Yarmouth", "King's Lynn", "Thetford", "Lowestoft", "Bury",
  "Halifax", "Keighley", "Dewsbury", "Pontefract", "Scunthorpe", "Goole", "Selby", "Ripon", "Penrith",
];

/** The tail of the vocabulary: made-up estate, street and operation names. */
const NAME_START = [
  "ash", "brack", "thorn", "hol", "mar", "ken", "fen", "kel", "lin", "stan", "wick", "der", "gran", "bel", "hart",
  "pen", "ros", "tam", "wen", "cal", "brom", "dun", "elm", "fair", "glen", "hazel", "ivy", "lark", "mead", "nor",
];
const NAME_MIDDLE = ["", "en", "er", "ing", "ow", "ley", "wor", "a", "in", "ber", "ling", "ston"];
const NAME_END = [
  "ton", "field", "wood", "ford", "by", "ham", "well", "gate", "mere", "stead", "bury", "wick", "dale", "moor", "holme",
  "thorpe", "cote", "den", "hurst", "combe", "ley", "worth", "brook", "croft", "side", "hill", "lea", "marsh", "vale", "green",
];

function capitalise(word: string) {
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * About 10,000 place-like names, in a fixed order that mixes the syllables,
 * so that the Zipf head and tail are not all alike.
 */
export const NAMES: readonly string[] = (() => {
  const out: string[] = [];
  for (let i = 0; i < NAME_START.length * NAME_MIDDLE.length * NAME_END.length; i++) {
    // A fixed stride through the combinations: neighbours in the list differ in every syllable.
    const k = (i * 7919) % (NAME_START.length * NAME_MIDDLE.length * NAME_END.length);
    const s = k % NAME_START.length;
    const m = Math.floor(k / NAME_START.length) % NAME_MIDDLE.length;
    const e = Math.floor(k / (NAME_START.length * NAME_MIDDLE.length));
    out.push(capitalise(NAME_START[s] + NAME_MIDDLE[m] + NAME_END[e]));
  }
  return [...new Set(out)];
})();

export const STREET_KINDS: readonly string[] = ["Road", "Street", "estate", "Park", "Lane", "Avenue", "Close", "precinct", "retail park", "Way"];

export const CODENAMES: readonly string[] = [
  "Nightjar", "Falcon", "Sentinel", "Guardian", "Harbour", "Lantern", "Beacon", "Compass", "Kestrel", "Anchor", "Shield",
  "Phoenix", "Orbit", "Granite", "Willow", "Meridian", "Osprey", "Horizon", "Ember", "Bluebell", "Heron", "Magpie",
  "Sparrow", "Badger", "Otter", "Fox", "Raven", "Swift", "Wren", "Kingfisher", "Lapwing", "Curlew", "Merlin", "Buzzard",
];

/** Nouns that recur in any write-up, most common first. */
export const TOPIC_WORDS: readonly string[] = [
  "officers", "community", "partners", "residents", "reports", "patrols", "offenders", "victims", "evidence", "data",
  "calls", "incidents", "analysis", "funding", "meetings", "training", "volunteers", "businesses", "complaints", "arrests",
  "warnings", "referrals", "surveys", "feedback", "intelligence", "visits", "leaflets", "briefings", "evaluation",
  "hotspots", "footfall", "lighting", "cameras", "signage", "curfews", "mentors", "outreach", "licensing", "tenancies",
  "enforcement", "safeguarding", "vulnerability", "prevention", "confidence", "trust", "perception", "deterrence",
  "displacement", "sustainability", "governance", "supervision", "tasking", "accountability", "legitimacy",
];

export const PERIODS: readonly string[] = [
  "six months", "a year", "three months", "two years", "eighteen months", "nine months", "the summer", "the winter",
  "the school holidays", "the festive period",
];

export const MONTHS: readonly string[] = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

export const EVIDENCE_SHARES: readonly { value: "worked" | "promising" | "untested" | "did_not_work"; share: number }[] = [
  { value: "promising", share: 0.35 },
  { value: "worked", share: 0.3 },
  { value: "untested", share: 0.25 },
  { value: "did_not_work", share: 0.1 },
];

/** Less common terms of the trade, for the middle of the word distribution. */
export const JARGON: readonly string[] = [
  "ANPR", "MARAC", "integrated offender management", "Clare's Law", "section 59 warnings", "acceptable behaviour contracts",
  "the Safer Streets Fund", "Operation Encompass", "public spaces protection orders", "criminal behaviour orders",
  "Immediate Justice", "hot spot policing", "the College of Policing toolkit", "the EMMIE framework", "POP awards",
  "Problem Analysis Triangle", "crime prevention through environmental design", "Secured by Design", "Safer Business Action days",
  "Clear, Hold, Build", "the Serious Violence Duty", "trusted adult schemes", "reachable moments", "contextual safeguarding",
  "NRM referrals", "Ask for Angela", "StreetSafe", "Project Vigilant", "Street Pastors", "the Home Office", "Best Bar None",
  "Op Sceptre", "knife amnesty bins", "SmartWater", "dashcam submissions", "Community Speedwatch", "Farmwatch", "Horsewatch",
  "the Retail Crime Action Plan", "Pegasus", "Auror", "body-worn video", "cuckooing protocols", "the Prevent duty",
  "Pathfinder", "Checkpoint", "out-of-court resolutions", "community resolutions", "Youth Justice Service",
  "the Police and Crime Plan", "the Neighbourhood Policing Guidelines", "beat surgeries", "Cover It Live", "Mini Police",
];

export const VERBS_FELL: readonly string[] = ["fell", "dropped", "went down", "decreased", "halved", "reduced"];
export const VERBS_ROSE: readonly string[] = ["rose", "increased", "went up", "doubled", "grew"];
export const FEELINGS: readonly string[] = ["felt safer", "were more confident", "noticed the difference", "were satisfied", "would recommend it"];
