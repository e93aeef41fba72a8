"""German word classes and the limits the event stage works with (clause windows, distances)."""

from __future__ import annotations

import re

#: Prepositions whose object is a target of the event.
TARGET_PREPOSITIONS = frozenset("für an gegen gegenüber mit zwischen auf".split())
#: Prepositions whose object is the agent of a passive clause.
AGENT_PREPOSITIONS = frozenset("von vom durch".split())
#: Prepositions whose object is neither source nor target (place, topic, origin).
OTHER_PREPOSITIONS = frozenset("in im aus bei nach über zu zum zur vor seit um unter ohne wegen trotz laut".split())
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})
PASSIVE_AUXILIARIES = frozenset("wurde wurden worden wird werden".split())
PAST_PASSIVE_AUXILIARIES = frozenset("wurde wurden worden".split())
PRONOUNS = frozenset("er sie Er Sie".split())
INSEPARABLE_PREFIXES = ("be", "ver", "er", "ent", "zer", "über", "unter", "miss", "hinter", "emp")
#: Types whose place falls back to the dateline: things that happen somewhere physically.
PHYSICAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
#: Types whose target, when the text names none, is the state where the event takes place.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "THREATEN"})
PLACE_SPECIFICITY = {"city": 0, "region": 1, "country": 2}
STATUS_ORDER = ("denied", "demanded", "pledged", "planned", "occurred")
#: Compounds whose tail looks like a trigger head but is another word.
FALSE_HEADS = ("herausforderung", "herausforderungen", "überforderung", "anforderung", "anforderungen", "kreise", "kreisen", "kreises", "vereinigung")
ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
#: Nouns for the people or parts acting for the actor in the genitive after them.
MEMBER_NOUNS = frozenset(
    "Vertreter Vertreterinnen Mitglieder Mitgliedstaaten Mitgliedsstaaten Staaten Länder Delegation Delegationen Spitze "
    "Führung Staats- Truppen Soldaten Kämpfer Einheiten Streitkräfte Sprecher Sprecherin Unterhändler Chefs Leitung".split()
)
#: Group words that head compounds naming something else (``Parteiführung``, ``Zivilmenschen``).
NOT_GROUP_HEADS = frozenset({"führung", "menschen", "marine", "richter"})
#: Endings of the adverbs and adjectives that modify an attributive participle.
ADVERB_ENDINGS = ("ig", "lich", "isch", "al", "ell", "weise", "kräftig")
ALL_PREPOSITIONS = TARGET_PREPOSITIONS | AGENT_PREPOSITIONS | OTHER_PREPOSITIONS
#: How far (in words) around a trigger its status cues and roles are looked for; bounds the
#: work per trigger so that a sentence without punctuation costs linear time.
WINDOW = 30
#: How far after a verb trigger its object noun may stand.
OBJECT_DISTANCE = 10
#: How many earlier events of the same kind a new one is compared with when merging.
MERGE_HORIZON = 20
#: Two nouns of one type this close (in characters) are one event told with two words.
COORDINATED = 25
#: ``bereitzustellen``, ``zurückzuziehen``: a separable verb with its ``zu`` inside.
INFINITIVE_WITH_ZU = re.compile(r"(?:ab|an|auf|aus|bei|bereit|ein|fest|frei|her|hin|mit|nach|vor|weg|zurück|zusammen|zu)zu\w{3,}en$")
RELATIVE_PRONOUNS = frozenset("die der das den dem deren dessen welche welcher welches".split())
DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "ihre ihren ihrem ihrer seine seinen seinem seiner unsere diese diesen dieser dieses alle".split()
)
SUBORDINATORS = frozenset("dass daß um damit ob wenn weil".split())
#: Words that continue a list of targets into the next clause.
LIST_CONTINUATIONS = frozenset("darunter etwa wie namentlich insbesondere".split())
#: Quotes of at most this many words mark a term (scare quotes), not speech.
SCARE_QUOTE = 4
QUOTE_PAIRS = {"„": "“", "«": "»", "»": "«", '"': '"', "“": "”"}
#: Nouns that, after a definite article, stand for the latest state (GPE) or organisation named.
ANAPHORS = {
    "land": "GPE", "landes": "GPE", "staat": "GPE", "staates": "GPE",
    "bündnis": "ORG", "bündnisses": "ORG", "allianz": "ORG", "organisation": "ORG", "staatenbund": "ORG",
    "wirtschaftsgemeinschaft": "ORG", "staatengemeinschaft": "ORG", "miliz": "ORG", "bewegung": "ORG", "gruppe": "ORG",
}
#: Nouns that, after ``beide``, are the article's two sides (``beide Länder``, ``beiden Seiten``).
BOTH_SIDES_NOUNS = frozenset("länder ländern staaten seiten nachbarn nachbarländer regierungen konfliktparteien parteien".split())
#: Words that make an act mutual: each side is source and target (``machten sich gegenseitig verantwortlich``).
MUTUAL_WORDS = frozenset("gegenseitig einander".split())
#: Separable verb particles: ``an-ge-griffen``, ``zurück-ge-drängt``.
SEPARABLE_PARTICLES = (
    "zurück", "zusammen", "wieder", "heraus", "hervor", "entgegen", "fest", "frei", "bereit", "durch", "nach",
    "statt", "fort", "weg", "los", "ab", "an", "auf", "aus", "bei", "ein", "mit", "vor", "zu",
)
#: Lowercase words that open a clause of their own (not a verb continuing an inserted clause).
CLAUSE_OPENERS = SUBORDINATORS | RELATIVE_PRONOUNS | frozenset(
    "als nachdem bevor während sodass und oder aber sondern denn doch wie wo was zu so da obwohl falls seit seitdem sobald".split()
)
#: Forms of ``kommen`` in ``es kam zu …`` (something took place).
HAPPEN_VERBS = frozenset("kam kamen kommt kommen gekommen komme käme kämen".split())
#: How many words into a sentence its opening subject may start (``Die von Ruanda unterstützte M23``).
OPENING = 6
#: Definite articles: a noun trigger after one names an act already told.
DEFINITE_ARTICLES = frozenset("der die das den dem des diese dieser diesen dieses".split())
#: Types whose repeated noun mentions by the same source are one act (a visit, a sanction package, a demand).
REFERABLE = frozenset({"CONSULT", "AGREE", "SUPPORT", "AID", "SANCTION", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "RETREAT"})
#: Statement verbs that make an event known (``verkündete die Einnahme der Hauptstadt``): their object is an event.
ANNOUNCING = frozenset("verkünden bekanntgeben mitteilen bestätigen melden".split())
#: Modals of what might happen: an event in their clause is not coded.
HYPOTHETICAL = frozenset("könnte könnten können kann würde würden dürfte dürften".split())
#: Demonstratives: a noun trigger after one refers to an act already told (``diese Gespräche``).
DEMONSTRATIVES = frozenset("diese dieser diesen diesem dieses jene jener jenen jenem jenes".split())
#: Articles of the accusative or dative: the actor after one is an object, not the subject.
OBJECT_ARTICLES = frozenset("den dem einen einem".split())
#: Event types of transitive harm verbs (perfect with ``haben``): ``sein`` + participle is their passive.
HARM_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: Forms of ``sein`` that make a stative passive with a harm verb's participle.
SEIN_FORMS = frozenset("ist sind war waren sei seien wäre wären".split())
#: Trigger verbs of movement, whose perfect takes ``sein`` (``sind vorgerückt``): no passive there.
MOTION_VERBS = frozenset("einmarschieren vorrücken vordringen vorstoßen eindringen stürmen zurückdrängen".split())
