package index

// irregular maps the past forms of common English irregular verbs to their
// base form, which the Snowball stemmer cannot reach by cutting suffixes:
// a question asks "when did they win" of a text that says "they won". It
// is English grammar, not words of any text. Forms that are also common
// words of another meaning ("found", "left", "saw", "rose", "fell", "lay",
// "felt", "lit", "bore", "ground", "wound", "lead") are left out, since
// folding them would join unrelated words.
var irregular = map[string]string{
	"arose": "arise", "arisen": "arise", "awoke": "awake",
	"beaten": "beat", "became": "become", "began": "begin", "begun": "begin",
	"bent": "bend", "bitten": "bite", "blew": "blow", "blown": "blow",
	"broke": "break", "broken": "break", "bred": "breed", "brought": "bring",
	"built": "build", "burnt": "burn", "bought": "buy", "caught": "catch",
	"chose": "choose", "chosen": "choose", "clung": "cling", "came": "come",
	"crept": "creep", "dealt": "deal", "dug": "dig", "drew": "draw",
	"drawn": "draw", "dreamt": "dream", "drank": "drink", "drunk": "drink",
	"drove": "drive", "driven": "drive", "ate": "eat", "eaten": "eat",
	"fallen": "fall", "fed": "feed", "fought": "fight", "fled": "flee",
	"flung": "fling", "flew": "fly", "flown": "fly", "forbade": "forbid",
	"forbidden": "forbid", "forgot": "forget", "forgotten": "forget",
	"forgave": "forgive", "forgiven": "forgive", "froze": "freeze",
	"frozen": "freeze", "got": "get", "gotten": "get", "gave": "give",
	"given": "give", "went": "go", "gone": "go", "grew": "grow",
	"grown": "grow", "hung": "hang", "heard": "hear", "hid": "hide",
	"hidden": "hide", "held": "hold", "kept": "keep", "knelt": "kneel",
	"knew": "know", "known": "know", "laid": "lay", "led": "lead",
	"leapt": "leap", "lent": "lend", "lain": "lie", "lost": "lose",
	"made": "make", "meant": "mean", "met": "meet", "mistook": "mistake",
	"mistaken": "mistake", "overcame": "overcome", "overtook": "overtake",
	"overtaken": "overtake", "paid": "pay", "rode": "ride", "ridden": "ride",
	"rang": "ring", "rung": "ring", "risen": "rise", "ran": "run",
	"sought": "seek", "sold": "sell", "sent": "send", "shook": "shake",
	"shaken": "shake", "shone": "shine", "shot": "shoot", "shown": "show",
	"shrank": "shrink", "shrunk": "shrink", "sang": "sing", "sung": "sing",
	"sank": "sink", "sunk": "sink", "slept": "sleep", "slid": "slide",
	"spoke": "speak", "spoken": "speak", "sped": "speed", "spent": "spend",
	"spun": "spin", "sprang": "spring", "sprung": "spring", "stood": "stand",
	"stole": "steal", "stolen": "steal", "stuck": "stick", "stung": "sting",
	"strode": "stride", "struck": "strike", "stricken": "strike",
	"strove": "strive", "striven": "strive", "swore": "swear",
	"sworn": "swear", "swept": "sweep", "swam": "swim", "swum": "swim",
	"swung": "swing", "took": "take", "taken": "take", "taught": "teach",
	"tore": "tear", "torn": "tear", "told": "tell", "thought": "think",
	"threw": "throw", "thrown": "throw", "understood": "understand",
	"undertook": "undertake", "undertaken": "undertake", "woke": "wake",
	"woken": "wake", "wore": "wear", "worn": "wear", "wove": "weave",
	"woven": "weave", "wept": "weep", "won": "win", "withdrew": "withdraw",
	"withdrawn": "withdraw", "wrote": "write", "written": "write",
}
