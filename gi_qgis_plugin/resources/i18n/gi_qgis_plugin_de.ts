<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>gi</name>
        <message>
            <source>The Python package numpy is missing. Install it for the Python of QGIS (OSGeo4W Setup: python3-numpy; Debian/Ubuntu: apt install python3-numpy) and restart QGIS.</source>
            <translation>Das Python-Paket numpy fehlt. Installieren Sie es für das Python von QGIS (OSGeo4W-Setup: python3-numpy; Debian/Ubuntu: apt install python3-numpy) und starten Sie QGIS neu.</translation>
        </message>
        <message>
            <source>The Python package shapely (version 2 or newer) is missing. Install it for the Python of QGIS (OSGeo4W Setup: python3-shapely; Debian/Ubuntu: apt install python3-shapely; otherwise pip install shapely) and restart QGIS.</source>
            <translation>Das Python-Paket shapely (Version 2 oder neuer) fehlt. Installieren Sie es für das Python von QGIS (OSGeo4W-Setup: python3-shapely; Debian/Ubuntu: apt install python3-shapely; sonst pip install shapely) und starten Sie QGIS neu.</translation>
        </message>
        <message>
            <source>shapely {version} is too old: the Green Infrastructure algorithms need shapely 2 or newer. Update it for the Python of QGIS (e.g. pip install --upgrade shapely) and restart QGIS.</source>
            <translation>shapely {version} ist zu alt: Die Algorithmen für Grüne Infrastruktur brauchen shapely 2 oder neuer. Aktualisieren Sie es für das Python von QGIS (z. B. pip install --upgrade shapely) und starten Sie QGIS neu.</translation>
        </message>
        <message>
            <source>{lo} % and more green (target reached)</source>
            <translation>{lo} % und mehr begrünt (Ziel erreicht)</translation>
        </message>
        <message>
            <source>{lo} – {hi} % green</source>
            <translation>{lo} – {hi} % begrünt</translation>
        </message>
        <message>
            <source>en</source>
            <translation>de</translation>
        </message>
        <message>
            <source>Green Infrastructure panel</source>
            <translation>Bedienfeld Grüne Infrastruktur</translation>
        </message>
        <message>
            <source>Show the Green Infrastructure panel</source>
            <translation>Bedienfeld Grüne Infrastruktur anzeigen</translation>
        </message>
        <message>
            <source>Green Infrastructure</source>
            <translation>Grüne Infrastruktur</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>Datenaufbereitung</translation>
        </message>
        <message>
            <source>Roofs</source>
            <translation>Dächer</translation>
        </message>
        <message>
            <source>Streets</source>
            <translation>Straßen</translation>
        </message>
        <message>
            <source>Brownfields</source>
            <translation>Brachflächen</translation>
        </message>
        <message>
            <source>Sample data</source>
            <translation>Beispieldaten</translation>
        </message>
        <message>
            <source>Design and targets</source>
            <translation>Entwurf und Ziele</translation>
        </message>
        <message>
            <source>Canceled by the user: no output was written. Run the algorithm again for a result.</source>
            <translation>Vom Benutzer abgebrochen: Es wurde keine Ausgabe geschrieben. Starten Sie den Algorithmus erneut, um ein Ergebnis zu erhalten.</translation>
        </message>
        <message>
            <source>Brownfields: recycling, protection or compensation pool (HZ 08)</source>
            <translation>Brachflächen: Recycling, Schutz oder Kompensationspool (HZ 08)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Sorts every brownfield into one of four categories (Handlungsziel 08 "Brachflächenpotenziale ausschöpfen und Flächenpools entwickeln"): &lt;b&gt;recycling&lt;/b&gt; (ecologically poor, integrated: develop it and compensate nearby), &lt;b&gt;schutz&lt;/b&gt; (valuable: keep it as green infrastructure, Industrienatur, HZ 11), &lt;b&gt;kompensationspool&lt;/b&gt; (a large uplift is possible outside the settlement areas: a site for a compensation pool or an Ökokonto) or &lt;b&gt;pruefen&lt;/b&gt; (conflicting signals, named in the reason, or too little known). Works with a Brachflächenkataster, ruhrFIS or ALKIS polygons and with OpenStreetMap landuse=brownfield polygons without any attribute: the triage runs on the layers there are and says what is missing.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ordnet jede Brachfläche einer von vier Kategorien zu (Handlungsziel 08 „Brachflächenpotenziale ausschöpfen und Flächenpools entwickeln“): &lt;b&gt;recycling&lt;/b&gt; (ökologisch wenig wertvoll, integriert gelegen: entwickeln und ortsnah ausgleichen), &lt;b&gt;schutz&lt;/b&gt; (wertvoll: als Grüne Infrastruktur erhalten, Industrienatur, HZ 11), &lt;b&gt;kompensationspool&lt;/b&gt; (große Aufwertung außerhalb der Siedlungsbereiche möglich: eine Fläche für einen Flächenpool oder ein Ökokonto) oder &lt;b&gt;pruefen&lt;/b&gt; (widersprüchliche Hinweise, in der Begründung benannt, oder zu wenig bekannt). Arbeitet mit einem Brachflächenkataster, mit ruhrFIS- oder ALKIS-Polygonen und mit OpenStreetMap-Polygonen landuse=brownfield ganz ohne Attribute: Die Einordnung läuft mit den vorhandenen Layern und nennt, was fehlt.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>c_recycling, c_protection, c_pool (the one of the own category), gi_category, area_m2, bw_now, bw_target, bw_gain, oekopunkte, pool_group, pool_total; the layer is styled by category (colour-blind safe) when it loads, with gi_class and gi_score as further styles</source>
            <translation>c_recycling, c_protection, c_pool (der der eigenen Kategorie), gi_category, area_m2, bw_now, bw_target, bw_gain, oekopunkte, pool_group, pool_total; beim Laden wird der Layer nach Kategorie dargestellt (farbenblind-tauglich), gi_class und gi_score sind weitere Stile</translation>
        </message>
        <message>
            <source>&lt;p&gt;Fields left empty are found by name: biotope type (biotope_type, biotoptyp, biotope), value (biotope_value, biotopwert), sealed share (sealed_share, versiegelung, sealing), Altlasten (altlast, contam), owner (owner, eigentum), earlier lawful use (prior_use, vornutzung), procedure (procedure, verfahren), species (species, arten). Overlapping brownfields are each scored, with a warning and the flag overlap.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Leer gelassene Felder werden nach Namen gesucht: Biotoptyp (biotope_type, biotoptyp, biotope), Wert (biotope_value, biotopwert), Versiegelungsanteil (sealed_share, versiegelung, sealing), Altlasten (altlast, contam), Eigentum (owner, eigentum), zulässige Vornutzung (prior_use, vornutzung), Verfahren (procedure, verfahren), Arten (species, arten). Sich überlagernde Brachen werden jede für sich bewertet, mit Warnung und dem Kennzeichen overlap.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Brownfields (polygons)</source>
            <translation>Brachflächen (Polygone)</translation>
        </message>
        <message>
            <source>Brownfields triaged</source>
            <translation>Brachflächen eingeordnet</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keins</translation>
        </message>
        <message>
            <source>Regionalplan settlement areas ASB/GIB (polygons)</source>
            <translation>Siedlungsbereiche des Regionalplans ASB/GIB (Polygone)</translation>
        </message>
        <message>
            <source>Settlement area field (empty = every polygon)</source>
            <translation>Feld Siedlungsbereich (leer = jedes Polygon)</translation>
        </message>
        <message>
            <source>Biotopverbund (polygons)</source>
            <translation>Biotopverbund (Polygone)</translation>
        </message>
        <message>
            <source>Biotopverbund stage field (I/II; empty = stufe or Stufe II)</source>
            <translation>Feld Biotopverbund-Stufe (I/II; leer = stufe oder Stufe II)</translation>
        </message>
        <message>
            <source>Protected areas and protected biotopes (polygons)</source>
            <translation>Schutzgebiete und geschützte Biotope (Polygone)</translation>
        </message>
        <message>
            <source>Regionale Grünzüge (polygons)</source>
            <translation>Regionale Grünzüge (Polygone)</translation>
        </message>
        <message>
            <source>Forest (polygons)</source>
            <translation>Wald (Polygone)</translation>
        </message>
        <message>
            <source>Klimaanalyse: cold-air areas or Klimatope (polygons)</source>
            <translation>Klimaanalyse: Kaltluftgebiete oder Klimatope (Polygone)</translation>
        </message>
        <message>
            <source>Klimatop field (empty = klimatop, else every polygon is a cold-air area)</source>
            <translation>Feld Klimatop (leer = klimatop, sonst ist jedes Polygon ein Kaltluftgebiet)</translation>
        </message>
        <message>
            <source>Public transport stops (points)</source>
            <translation>ÖPNV-Haltestellen (Punkte)</translation>
        </message>
        <message>
            <source>Existing compensation sites (polygons)</source>
            <translation>Vorhandene Kompensationsflächen (Polygone)</translation>
        </message>
        <message>
            <source>Distance at which a brownfield counts as without a park (m)</source>
            <translation>Entfernung, ab der eine Brache als ohne Park gilt (m)</translation>
        </message>
        <message>
            <source>Planned biotope value after 30 years (0–10)</source>
            <translation>Planwert des Biotops nach 30 Jahren (0–10)</translation>
        </message>
        <message>
            <source>Smallest brownfield (m²; smaller ones are slivers)</source>
            <translation>Kleinste Brache (m²; kleinere sind Splitterflächen)</translation>
        </message>
        <message>
            <source>Distance within which pool sites form a group (m)</source>
            <translation>Entfernung, in der Poolflächen eine Gruppe bilden (m)</translation>
        </message>
        <message>
            <source>brownfield,Brache,Flächenrecycling,Ökopunkte,Ökokonto,compensation pool,Eingriffsregelung,HZ 08</source>
            <translation>Brache,Brachfläche,Flächenrecycling,Ökopunkte,Ökokonto,Flächenpool,Kompensationspool,Eingriffsregelung,HZ 08</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;The law first&lt;/b&gt; (flags and reasons, never silent): § 1a (3) BauGB — no compensation for interventions made or permitted before the planning decision (field of the earlier lawful use; flag baugb_1a3); § 13a (2) No. 4 BauGB — in an Innenentwicklung plan under {m13a} m² ground area interventions count as permitted, so no compensation is due (procedure field; baugb_13a, and baugb_13a_check from {m13a} m² of site area, where the ground area decides); forest law — succession woodland can be Wald: a conversion permit and replacement planting (flag wald, HZ 22); species protection — wherever the site changes an Artenschutzprüfung is needed (flag asp; typical brownfield species are Kreuzkröte and Blauflügelige Ödlandschrecke), known species (flag species); protected areas and biotopes (§ 30 BNatSchG, § 42 LNatSchG NRW) and Biotopverbund Stufe I make a site schutz whatever its scores. Altlasten (kein Verdacht, altlastverdächtig, Altlast, saniert) lower recycling and pool by the factor {suspected} (suspected) or {altlast} (Altlast).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Zuerst das Recht&lt;/b&gt; (Kennzeichen und Begründungen, nie stillschweigend): § 1a Abs. 3 BauGB — kein Ausgleich für Eingriffe, die vor der planerischen Entscheidung erfolgt sind oder zulässig waren (Feld zulässige Vornutzung; Kennzeichen baugb_1a3); § 13a Abs. 2 Nr. 4 BauGB — in einem Bebauungsplan der Innenentwicklung mit weniger als {m13a} m² Grundfläche gelten Eingriffe als zulässig, ein Ausgleich ist nicht erforderlich (Feld Verfahren; baugb_13a, und baugb_13a_check ab {m13a} m² Flächengröße, wo die Grundfläche entscheidet); Waldrecht — Sukzessionswald kann Wald im Rechtssinn sein: Waldumwandlungsgenehmigung und Ersatzaufforstung (Kennzeichen wald, HZ 22); Artenschutz — wo sich die Fläche ändert, ist eine Artenschutzprüfung nötig (Kennzeichen asp; typische Arten der Brachen sind Kreuzkröte und Blauflügelige Ödlandschrecke), bekannte Vorkommen (Kennzeichen species); Schutzgebiete und geschützte Biotope (§ 30 BNatSchG, § 42 LNatSchG NRW) und Biotopverbund Stufe I machen eine Fläche unabhängig von ihren Teilwerten zu schutz. Altlasten (kein Verdacht, altlastverdächtig, Altlast, saniert) mindern Recycling und Pool um den Faktor {suspected} (Verdacht) bzw. {altlast} (Altlast).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Biotope values&lt;/b&gt; on the 0–10 scale of the NRW method (LANUV/LANUK "Numerische Bewertung von Biotoptypen für die Eingriffsregelung in NRW"): from the value field, else from the biotope type through the shipped table (resources/biotope_types.csv, each value with its source; types marked [U] are the plugin's assumptions, check them against Tab. 1 of the current LANUK edition) or your own table (columns code, value_a, source; optional value_p, name_de, name_en, forest, aliases), else estimated from the sealed share (sealed 0, the rest as ruderal vegetation). Values outside 0–10 are ignored and flagged; unknown types are named and counted. The planned value after 30 years (bw_target, default {target}: the Grundwert P of hedges, species-rich grassland and young woodland) is a parameter or a field.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Biotopwerte&lt;/b&gt; auf der Skala 0–10 des NRW-Verfahrens (LANUV/LANUK „Numerische Bewertung von Biotoptypen für die Eingriffsregelung in NRW“): aus dem Wertfeld, sonst aus dem Biotoptyp über die mitgelieferte Liste (resources/biotope_types.csv, jeder Wert mit Quelle; mit [U] markierte Typen sind Annahmen des Plugins, prüfen Sie sie an Tab. 1 der aktuellen LANUK-Fassung) oder Ihre eigene Liste (Spalten code, value_a, source; optional value_p, name_de, name_en, forest, aliases), sonst aus dem Versiegelungsanteil geschätzt (versiegelt 0, der Rest als Ruderalflur). Werte außerhalb von 0–10 werden nicht verwendet und markiert; unbekannte Typen werden genannt und gezählt. Der Planwert nach 30 Jahren (bw_target, Vorgabe {target}: der Grundwert P von Hecken, artenreichem Grünland und jungem Wald) ist ein Parameter oder ein Feld.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Sub-scores&lt;/b&gt; (0–1; the weights inside them are the plugin's assumptions):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;c_recycling&lt;/b&gt;: weighted mean of low biotope value (1 up to {low} points, 0 from {high}), location in a settlement area (ASB/GIB), a stop within {near} m (0 beyond {far} m), size (full at {rsize} m², the usual size for Flächenpool NRW) and public ownership, times the Altlasten factor.&lt;/li&gt;&lt;li&gt;&lt;b&gt;c_protection&lt;/b&gt; = 1 − Π(1 − signal): protected area or biotope {p_prot}, Biotopverbund Stufe I {p_v1} / Stufe II {p_v2}, biotope value {p_val} (from {high} points), known species {p_spec}, woodland {p_forest}, Regionaler Grünzug {p_gz}, cold air {p_cold}: one strong signal is enough, a missing layer neither helps nor hurts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;c_pool&lt;/b&gt;: weighted mean of the uplift to the planned value (full at {gain} points per m²), location outside the settlement areas (Regionalplan Ruhr principle 1.1-5: compensation outside the Siedlungsbereiche), Grünzug or links between Biotopverbund areas (within {link} m), size (full at {psize} m²), compensation sites within the group distance and public ownership, times the Altlasten factor.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;A brownfield lies in a layer's area when at least {share} % of it does (the settlement area: where a point inside it lies).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Teilwerte&lt;/b&gt; (0–1; die Gewichte darin sind Annahmen des Plugins):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;c_recycling&lt;/b&gt;: gewichtetes Mittel aus niedrigem Biotopwert (1 bis {low} Punkte, 0 ab {high}), Lage im Siedlungsbereich (ASB/GIB), einer Haltestelle in {near} m (0 über {far} m), Größe (voll ab {rsize} m², der übliche Rahmen des Flächenpools NRW) und öffentlichem Eigentum, mal dem Altlastenfaktor.&lt;/li&gt;&lt;li&gt;&lt;b&gt;c_protection&lt;/b&gt; = 1 − Π(1 − Signal): Schutzgebiet oder geschütztes Biotop {p_prot}, Biotopverbund Stufe I {p_v1} / Stufe II {p_v2}, Biotopwert {p_val} (ab {high} Punkten), bekannte Arten {p_spec}, Gehölz/Wald {p_forest}, Regionaler Grünzug {p_gz}, Kaltluft {p_cold}: Ein starkes Signal genügt, ein fehlender Layer hilft und schadet nicht.&lt;/li&gt;&lt;li&gt;&lt;b&gt;c_pool&lt;/b&gt;: gewichtetes Mittel aus der Aufwertung zum Planwert (voll ab {gain} Punkten je m²), Lage außerhalb der Siedlungsbereiche (Regionalplan Ruhr, Grundsatz 1.1-5: Kompensation außerhalb der Siedlungsbereiche), Grünzug oder Verbindung von Biotopverbundflächen (bis {link} m), Größe (voll ab {psize} m²), Kompensationsflächen innerhalb der Gruppenentfernung und öffentlichem Eigentum, mal dem Altlastenfaktor.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Eine Brache liegt in der Fläche eines Layers, wenn mindestens {share} % von ihr darin liegen (beim Siedlungsbereich: wo ein Punkt in ihr liegt).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Triage&lt;/b&gt;: a category qualifies at a sub-score of {qualify} (recycling not from a value of {high}; pool only with an uplift of {gain} points or more and outside the settlement areas); of several, the one with the higher weighted sub-score wins by {margin}, else pruefen names both. gi_score is the strength of the brownfield's own category (× 100), so A means a clear, strong case; its c_* field is the one filled, and gi_reason lists all three sub-scores. The weights W_RECYCLING, W_PROTECTION and W_POOL (default {w}) tilt close calls.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Einordnung&lt;/b&gt;: Eine Kategorie kommt ab einem Teilwert von {qualify} in Frage (Recycling nicht ab einem Biotopwert von {high}; Pool nur mit einer Aufwertung von mindestens {gain} Punkten und außerhalb der Siedlungsbereiche); von mehreren gewinnt die mit dem höheren gewichteten Teilwert bei {margin} Vorsprung, sonst nennt pruefen beide. gi_score ist die Stärke der eigenen Kategorie (× 100), A heißt also ein klarer, starker Fall; ihr c_*-Feld ist gefüllt, gi_reason nennt alle drei Teilwerte. Die Gewichte W_RECYCLING, W_PROTECTION und W_POOL (Vorgabe {w}) verschieben knappe Entscheidungen.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Ökopunkte&lt;/b&gt; of pool candidates: oekopunkte = area × (bw_target − bw_now), bw_gain per m². Pool candidates within the group distance ({group} m) of each other form pool groups (lead projects, numbered by their total): pool_group and pool_total.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ökopunkte&lt;/b&gt; der Poolkandidaten: oekopunkte = Fläche × (bw_target − bw_now), bw_gain je m². Poolkandidaten innerhalb der Gruppenentfernung ({group} m) bilden Poolgruppen (Leitprojekte, nach ihrer Summe nummeriert): pool_group und pool_total.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Flächenpool NRW is not a compensation pool.&lt;/b&gt; Flächenpool NRW is a programme of the Land (NRW.URBAN with the BahnflächenEntwicklungsGesellschaft) that brings brownfields, usually over {size} m², back into use: recycling. Compensation land pools and Ökokonten belong to the Eingriffsregelung (§ 16 BNatSchG, § 32 LNatSchG NRW, Ökokonto-Verordnung, § 135a BauGB): sites are upgraded in advance and credited in Ökopunkte, which later interventions use. An Ökokonto measure must be approved before it starts and must not be publicly funded twice.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Der Flächenpool NRW ist kein Kompensationspool.&lt;/b&gt; Der Flächenpool NRW ist ein Programm des Landes (NRW.URBAN mit der BahnflächenEntwicklungsGesellschaft), das Brachen, meist über {size} m², wieder nutzbar macht: Recycling. Kompensationsflächenpools und Ökokonten gehören zur Eingriffsregelung (§ 16 BNatSchG, § 32 LNatSchG NRW, Ökokonto-Verordnung, § 135a BauGB): Flächen werden vorab aufgewertet und in Ökopunkten gutgeschrieben, die spätere Eingriffe nutzen. Eine Ökokonto-Maßnahme muss vor Beginn anerkannt werden und darf nicht doppelt öffentlich gefördert sein.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Handlungsziele&lt;/b&gt; in gi_hz: 08 always; 11 (Industrienatur) for schutz or a value of {high} or more; 12 (Naturerfahrungsräume) for schutz and pool sites of {ha} ha or more in the settlement area without a park within {park} m and without Altlasten; 13 in a Regionaler Grünzug; 15 in the Biotopverbund or linking it; 20 (soils) for pool sites sealed {sealed} % or more (unsealing) and recycled Altlasten; 22 for woodland.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Handlungsziele&lt;/b&gt; in gi_hz: 08 immer; 11 (Industrienatur) für schutz oder einen Biotopwert ab {high}; 12 (Naturerfahrungsräume) für Schutz- und Poolflächen ab {ha} ha im Siedlungsbereich ohne Park im Umkreis von {park} m und ohne Altlasten; 13 im Regionalen Grünzug; 15 im Biotopverbund oder als Verbindung; 20 (Böden) für Poolflächen mit mindestens {sealed} % Versiegelung (Entsiegelung) und recycelte Altlasten; 22 für Gehölz und Wald.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Biotope type field (code or name; empty = find by name)</source>
            <translation>Feld Biotoptyp (Code oder Name; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Biotope value field, 0–10 (empty = find by name)</source>
            <translation>Feld Biotopwert, 0–10 (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Sealed share field, 0–1 or % (empty = find by name)</source>
            <translation>Feld Versiegelungsanteil, 0–1 oder % (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Altlasten status field (kein Verdacht, altlastverdächtig, Altlast, saniert)</source>
            <translation>Feld Altlastenstatus (kein Verdacht, altlastverdächtig, Altlast, saniert)</translation>
        </message>
        <message>
            <source>Owner field (public: Stadt, Land, RVR …)</source>
            <translation>Feld Eigentum (öffentlich: Stadt, Land, RVR …)</translation>
        </message>
        <message>
            <source>Earlier lawful use field (yes/no, § 1a (3) BauGB)</source>
            <translation>Feld zulässige Vornutzung (ja/nein, § 1a Abs. 3 BauGB)</translation>
        </message>
        <message>
            <source>Procedure field (§ 13a BauGB or not)</source>
            <translation>Feld Verfahren (§ 13a BauGB oder nicht)</translation>
        </message>
        <message>
            <source>Protected species known field (yes/no)</source>
            <translation>Feld planungsrelevante Arten bekannt (ja/nein)</translation>
        </message>
        <message>
            <source>Planned biotope value field, 0–10 (empty = the parameter)</source>
            <translation>Feld Planwert des Biotops, 0–10 (leer = der Parameter)</translation>
        </message>
        <message>
            <source>Own biotope value table (CSV; empty = the shipped NRW table)</source>
            <translation>Eigene Biotopwertliste (CSV; leer = die mitgelieferte NRW-Liste)</translation>
        </message>
        <message>
            <source>Settlement area values (comma-separated)</source>
            <translation>Werte der Siedlungsbereiche (durch Komma getrennt)</translation>
        </message>
        <message>
            <source>Klimatope that produce cold air (comma-separated)</source>
            <translation>Klimatope mit Kaltluftentstehung (durch Komma getrennt)</translation>
        </message>
        <message>
            <source>Distance at which a brownfield borders a Biotopverbund area (m)</source>
            <translation>Entfernung, bis zu der eine Brache an eine Biotopverbundfläche grenzt (m)</translation>
        </message>
        <message>
            <source>Share of a brownfield that must lie in a layer's area (0–1)</source>
            <translation>Anteil einer Brache, der in der Fläche eines Layers liegen muss (0–1)</translation>
        </message>
        <message>
            <source>Low biotope value (full recycling score up to it)</source>
            <translation>Niedriger Biotopwert (bis dahin voller Recycling-Wert)</translation>
        </message>
        <message>
            <source>High biotope value (no recycling from it)</source>
            <translation>Hoher Biotopwert (ab dort kein Recycling)</translation>
        </message>
        <message>
            <source>Smallest uplift for a pool site (points per m²)</source>
            <translation>Kleinste Aufwertung für eine Poolfläche (Punkte je m²)</translation>
        </message>
        <message>
            <source>Uplift for the full pool score (points per m²)</source>
            <translation>Aufwertung für den vollen Pool-Wert (Punkte je m²)</translation>
        </message>
        <message>
            <source>Stop distance for the full access score (m)</source>
            <translation>Haltestellenentfernung für den vollen Erreichbarkeitswert (m)</translation>
        </message>
        <message>
            <source>Stop distance without access score (m)</source>
            <translation>Haltestellenentfernung ohne Erreichbarkeitswert (m)</translation>
        </message>
        <message>
            <source>Size for the full recycling size score (m²)</source>
            <translation>Größe für den vollen Recycling-Größenwert (m²)</translation>
        </message>
        <message>
            <source>Size for the full pool size score (m²)</source>
            <translation>Größe für den vollen Pool-Größenwert (m²)</translation>
        </message>
        <message>
            <source>Sub-score at which a category qualifies (0–1)</source>
            <translation>Teilwert, ab dem eine Kategorie in Frage kommt (0–1)</translation>
        </message>
        <message>
            <source>Lead that decides between two qualifying categories (0–1)</source>
            <translation>Vorsprung, der zwischen zwei möglichen Kategorien entscheidet (0–1)</translation>
        </message>
        <message>
            <source>Smallest Naturerfahrungsraum (m², HZ 12)</source>
            <translation>Kleinster Naturerfahrungsraum (m², HZ 12)</translation>
        </message>
        <message>
            <source>Compensation pool candidates</source>
            <translation>Kandidaten für den Kompensationspool</translation>
        </message>
        <message>
            <source>Eco-points of all pool candidates</source>
            <translation>Ökopunkte aller Poolkandidaten</translation>
        </message>
        <message>
            <source>Pool groups</source>
            <translation>Poolgruppen</translation>
        </message>
        <message>
            <source>Biotopverbund without a stage field: every area counts as Stufe II.</source>
            <translation>Biotopverbund ohne Feld für die Stufe: jede Fläche gilt als Stufe II.</translation>
        </message>
        <message>
            <source>Nothing to triage: the brownfields have no biotope type, biotope value or sealed share, and no layer is given. Choose a field (BIOTOPE_TYPE_FIELD, BIOTOPE_VALUE_FIELD, SEALED_FIELD) or at least one layer (SETTLEMENT, BIOTOPVERBUND, PROTECTED, GRUENZUEGE, FOREST, KLIMATOPE).</source>
            <translation>Nichts einzuordnen: Die Brachen haben weder Biotoptyp noch Biotopwert noch Versiegelungsanteil, und es ist kein Layer angegeben. Wählen Sie ein Feld (BIOTOPE_TYPE_FIELD, BIOTOPE_VALUE_FIELD, SEALED_FIELD) oder mindestens einen Layer (SETTLEMENT, BIOTOPVERBUND, PROTECTED, GRUENZUEGE, FOREST, KLIMATOPE).</translation>
        </message>
        <message>
            <source>{n} brownfields have a biotope value outside 0–10; it is ignored (flag bw_out_of_range).</source>
            <translation>{n} Brachen haben einen Biotopwert außerhalb von 0–10; er wird nicht verwendet (Kennzeichen bw_out_of_range).</translation>
        </message>
        <message>
            <source>{n} brownfields overlap another one; each is scored on its own, and pool sums may count the overlap twice (flag overlap).</source>
            <translation>{n} Brachen überlagern eine andere; jede wird für sich bewertet, und Poolsummen können die Überlagerung doppelt zählen (Kennzeichen overlap).</translation>
        </message>
        <message>
            <source>{n} brownfields have no biotope value, type or sealed share (flag bw_unknown): no pool uplift can be computed for them.</source>
            <translation>{n} Brachen haben weder Biotopwert noch Biotoptyp noch Versiegelungsanteil (Kennzeichen bw_unknown): Für sie lässt sich keine Aufwertung berechnen.</translation>
        </message>
        <message>
            <source>{n} brownfields have a biotope value estimated from the sealed share (flag bw_from_sealing).</source>
            <translation>{n} Brachen haben einen aus dem Versiegelungsanteil geschätzten Biotopwert (Kennzeichen bw_from_sealing).</translation>
        </message>
        <message>
            <source>Fields used: biotope type = {type}, biotope value = {value}, sealed share = {sealed}, Altlasten = {altlast}, owner = {owner}, earlier lawful use = {prior}, procedure = {proc}, species = {species}, planned value = {target}.</source>
            <translation>Verwendete Felder: Biotoptyp = {type}, Biotopwert = {value}, Versiegelungsanteil = {sealed}, Altlasten = {altlast}, Eigentum = {owner}, zulässige Vornutzung = {prior}, Verfahren = {proc}, Arten = {species}, Planwert = {target}.</translation>
        </message>
        <message>
            <source>Categories: recycling {r}, schutz {s}, kompensationspool {p}, pruefen {q} ({c} of them with a conflict).</source>
            <translation>Kategorien: recycling {r}, schutz {s}, kompensationspool {p}, pruefen {q} (davon {c} mit Zielkonflikt).</translation>
        </message>
        <message>
            <source>{n} pool candidates with {pts:.0f} eco-points in {g} pool groups.</source>
            <translation>{n} Poolkandidaten mit {pts:.0f} Ökopunkten in {g} Poolgruppen.</translation>
        </message>
        <message>
            <source>the parameter</source>
            <translation>der Parameter</translation>
        </message>
        <message>
            <source>No brownfield is a clear case for {name}; its sub-score is still in gi_reason.</source>
            <translation>Keine Brache ist ein klarer Fall für {name}; der Teilwert steht weiterhin in gi_reason.</translation>
        </message>
        <message>
            <source>Not given, so the triage runs without them: {what}.</source>
            <translation>Nicht angegeben, die Einordnung läuft ohne: {what}.</translation>
        </message>
        <message>
            <source>{n} brownfields have a biotope type that is not in the table: {types}. Their value is unknown (flag type_unknown); add the types to your own table (BIOTOPE_TABLE).</source>
            <translation>{n} Brachen haben einen Biotoptyp, der nicht in der Liste steht: {types}. Ihr Biotopwert ist unbekannt (Kennzeichen type_unknown); ergänzen Sie die Typen in einer eigenen Liste (BIOTOPE_TABLE).</translation>
        </message>
        <message>
            <source>Altlasten status not recognised, counted as unknown: {values}. Use kein Verdacht, altlastverdächtig, Altlast or saniert.</source>
            <translation>Altlastenstatus nicht erkannt, als unbekannt gezählt: {values}. Verwenden Sie kein Verdacht, altlastverdächtig, Altlast oder saniert.</translation>
        </message>
        <message>
            <source>The biotope table {path} cannot be used: {problem}. Correct the row or leave BIOTOPE_TABLE empty for the shipped NRW table.</source>
            <translation>Die Biotopwertliste {path} ist nicht verwendbar: {problem}. Korrigieren Sie die Zeile oder lassen Sie BIOTOPE_TABLE leer für die mitgelieferte NRW-Liste.</translation>
        </message>
        <message>
            <source>No polygon of {param} has one of the values {values} in {field}; the layer counts as empty.</source>
            <translation>Kein Polygon von {param} hat einen der Werte {values} in {field}; der Layer gilt als leer.</translation>
        </message>
        <message>
            <source>The biotope table {path} lacks the columns {columns}. A biotope table needs code, value_a (Grundwert A, 0–10) and source; value_p, name_de, name_en, forest and aliases are optional.</source>
            <translation>Der Biotopwertliste {path} fehlen die Spalten {columns}. Eine Biotopwertliste braucht code, value_a (Grundwert A, 0–10) und source; value_p, name_de, name_en, forest und aliases sind optional.</translation>
        </message>
        <message>
            <source>Raster {name} ({param}) has no coordinate system; it is assumed to be in {crs}, the CRS of the input. Set the raster's CRS if it is another.</source>
            <translation>Raster {name} ({param}) hat kein Koordinatenbezugssystem; es wird angenommen, dass es in {crs} liegt, dem KBS der Eingabe. Setzen Sie das KBS des Rasters, wenn es ein anderes ist.</translation>
        </message>
        <message>
            <source>Raster {name} ({param}) has {n} bands; only band 1 is used. Save the band you mean as a raster of its own if it is another.</source>
            <translation>Raster {name} ({param}) hat {n} Bänder; nur Band 1 wird verwendet. Speichern Sie das gemeinte Band als eigenes Raster, wenn es ein anderes ist.</translation>
        </message>
        <message>
            <source>Layer {name} has no coordinate reference system and its coordinates do not look like UTM zone 32N. Set its CRS (Layer Properties › Source) and run again.</source>
            <translation>Layer {name} hat kein Koordinatenbezugssystem, und seine Koordinaten sehen nicht nach UTM-Zone 32N aus. Legen Sie das KBS fest (Layereigenschaften › Quelle) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Layer {name} has the geographic CRS {crs}; it is processed in {work} so that areas and distances are in metres, and the output is written in {work}.</source>
            <translation>Layer {name} hat das geografische KBS {crs}; er wird in {work} verarbeitet, damit Flächen und Abstände in Metern vorliegen, und das Ergebnis wird in {work} geschrieben.</translation>
        </message>
        <message>
            <source>Layer {name} has no CRS; its coordinates look like ETRS89 / UTM zone 32N, so EPSG:25832 is assumed. Set the layer's CRS to be sure.</source>
            <translation>Layer {name} hat kein KBS; seine Koordinaten sehen nach ETRS89 / UTM-Zone 32N aus, daher wird EPSG:25832 angenommen. Legen Sie das KBS des Layers fest, um sicherzugehen.</translation>
        </message>
        <message>
            <source>Layer {name}: its CRS {crs} is not in metres; areas and distances are computed in metres after reprojection to EPSG:25832.</source>
            <translation>Layer {name}: sein KBS {crs} ist nicht metrisch; Flächen und Abstände werden nach Umprojektion in EPSG:25832 in Metern berechnet.</translation>
        </message>
        <message>
            <source>Layer {name}: in its CRS {crs} one metre on the map is {k} m on the ground here (areas {k2} times too large), so it is processed in {work}, and the output is written in {work}.</source>
            <translation>Layer {name}: In seinem KBS {crs} ist ein Meter auf der Karte hier {k} m in der Natur (Flächen {k2}-mal zu groß); er wird daher in {work} verarbeitet, und die Ausgabe wird in {work} geschrieben.</translation>
        </message>
        <message>
            <source>Layer {name} has the geographic CRS {crs} but no extent (no geometries); it is processed in EPSG:25832.</source>
            <translation>Layer {name} hat das geografische KBS {crs}, aber keine Ausdehnung (keine Geometrien); er wird in EPSG:25832 verarbeitet.</translation>
        </message>
        <message>
            <source>Layer {name} has the geographic CRS {crs}, but its coordinates are not degrees (extent {extent}). Set the layer's real CRS (Layer Properties › Source, e.g. EPSG:25832) and run again.</source>
            <translation>Layer {name} hat das geografische KBS {crs}, seine Koordinaten sind aber keine Grad (Ausdehnung {extent}). Stellen Sie das richtige KBS des Layers ein (Layereigenschaften › Quelle, z. B. EPSG:25832) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Design check: a design against the orientation values (HZ 02, 03, 24)</source>
            <translation>Entwurfsprüfung: ein Entwurf gegen die Orientierungswerte (HZ 02, 03, 24)</translation>
        </message>
        <message>
            <source>Legal frame: § 44 LWG NRW (rainwater of plots first built after 1 January 1996 to be managed on site where possible), § 55 (2) WHG, Eingriffsregelung after § 1a BauGB and §§ 30–32 LNatSchG NRW. The orientation values marked [U] are the plugin's assumptions and parameters of the run; this check does not replace the Entwässerungsantrag or the Überflutungsnachweis signed by a qualified planner.</source>
            <translation>Rechtlicher Rahmen: § 44 LWG NRW (Niederschlagswasser von Grundstücken, die nach dem 1. Januar 1996 erstmals bebaut wurden, ist möglichst vor Ort zu bewirtschaften), § 55 (2) WHG, Eingriffsregelung nach § 1a BauGB und §§ 30–32 LNatSchG NRW. Die mit [U] gekennzeichneten Orientierungswerte sind Annahmen des Plugins und Parameter dieses Laufs; die Prüfung ersetzt weder den Entwässerungsantrag noch den Überflutungsnachweis einer fachkundigen Planerin oder eines fachkundigen Planers.</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>nicht geprüft</translation>
        </message>
        <message>
            <source>Bestand</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <source>Planung</source>
            <translation>Planung</translation>
        </message>
        <message>
            <source>Design by surface type</source>
            <translation>Entwurf nach Oberflächenart</translation>
        </message>
        <message>
            <source>Checks against the orientation values</source>
            <translation>Prüfung gegen die Orientierungswerte</translation>
        </message>
        <message>
            <source>Figures of the design</source>
            <translation>Kennzahlen des Entwurfs</translation>
        </message>
        <message>
            <source>Eingriffs-/Ausgleichsbilanz (LANUK method, Bestand and Planung)</source>
            <translation>Eingriffs-/Ausgleichsbilanz (LANUK-Verfahren, Bestand und Planung)</translation>
        </message>
        <message>
            <source>Sources of every value</source>
            <translation>Quellen aller Werte</translation>
        </message>
        <message>
            <source>design,landscape architecture,sealing,runoff,green roof,street trees,Eingriffsregelung,Überflutungsnachweis,HZ 02,HZ 03,HZ 24</source>
            <translation>Entwurf,Landschaftsarchitektur,Versiegelung,Abfluss,Gründach,Straßenbäume,Eingriffsregelung,Überflutungsnachweis,HZ 02,HZ 03,HZ 24</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks a design drawn as polygons (a square, a street, a school yard, a new quarter) against the orientation values of the Strategie Grüne Infrastruktur and gives the figures a landscape architect must show: a table of checks with pass / fail and the Handlungsziel, the Eingriffs-/Ausgleichsbilanz in the NRW form (Bestand / Planung) and a PDF report.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Surface types&lt;/b&gt; (field of the design layer; code or German name of resources/surfaces.csv): {codes}. Each code carries the runoff coefficients C_m and C_s of DWA-A 138-1 Tab. 9, an annual runoff share, a sealing class (Umweltatlas Berlin 01.02: buildings and Belagsklassen 1–4 count as sealed) and, through resources/design_biotope.csv, a biotope type whose values come from resources/biotope_types.csv (LANUK method). Polygons with an unknown type are left out of every figure and named in a warning. Overlapping polygons are counted once: the first polygon keeps the shared area.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Figures&lt;/b&gt; per polygon and in total: sealed share and unsealed area, area-weighted C_m and C_s, annual runoff and retention (m³/a), green share of the roof area, trees per 100 m of street edge (trees inside the design, edge within the edge tolerance of it), biotope value points before and after and their balance (negative = Kompensationsbedarf), and the retention volume of the Überflutungsnachweis after DIN 1986-100:2016 Gl. 20: V = (r(D,30)·A_ges − r(D,2)·(A_Dach·C_s,Dach + A_FaG·C_s,FaG))·D·60/10⁷, required above 800 m² befestigte Fläche. The rain defaults are the KOSTRA-DWD 2020 values of Düsseldorf Stadtmitte from the City of Düsseldorf's worked example (r(5,30) = 433, r(5,2) = 209 l/(s·ha)): set the values of your plot's KOSTRA cell.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks&lt;/b&gt; (orientation values are parameters; [U] = the plugin's assumption): green share of roofs ≥ 50 % (HZ 02); trees ≥ 7 per 100 m of street edge (HZ 03, no published value [U]); sealed share ≤ 60 % (HZ 03 [U]); no more sealed area than the existing state (HZ 03); annual runoff ≤ 40 % (HZ 24 [U]); ≥ 25 % of the sealed area disconnected from the sewer (Klima.Werk 2040, needs a disconnected field); rain kept on site +10 percentage points over the existing state (Klima.Werk 2040 evaporation target; a proxy [U]); biotope balance ≥ 0 (HZ 08, 10); the retention volume provided ≥ V_Rück (DIN 1986-100). A check without its data says 'not checked' and why.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Existing state&lt;/b&gt; (optional): polygons in the same surface vocabulary, or with biotope types of resources/biotope_types.csv (found automatically). The balance compares only the part of the design where the existing state is known; the part outside is named in a warning. A planned biotope type field on the design (e.g. a hedge on a planting bed) replaces the biotope type its surface maps to.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the design layer with surface, known, seal_cls, area_m2, sealed_m2, c_m, c_s, runoff_m3a, retain_m3a, n_trees, biotope, value_p, cover_m2, pts_before, pts_after, pts_bal, overlap_m2, gi_flags; the checks table; the Bilanz table (part, code, biotoptyp, flaeche_m2, grundwert, korrektur, gesamtwert, einzelwert); both as CSV; the PDF report with a map, the checks, the Bilanz and the source of every value. Legal frame: § 44 LWG NRW, § 55 (2) WHG, § 1a BauGB. The input layers are never changed.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Prüft einen als Polygone gezeichneten Entwurf (einen Platz, eine Straße, einen Schulhof, ein neues Quartier) gegen die Orientierungswerte der Strategie Grüne Infrastruktur und liefert die Kennzahlen, die eine Landschaftsarchitektin oder ein Landschaftsarchitekt nachweisen muss: eine Prüftabelle mit erfüllt / nicht erfüllt und dem Handlungsziel, die Eingriffs-/Ausgleichsbilanz in der in NRW üblichen Form (Bestand / Planung) und einen PDF-Bericht.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Oberflächenarten&lt;/b&gt; (Feld des Entwurfslayers; Code oder deutscher Name aus resources/surfaces.csv): {codes}. Jeder Code trägt die Abflussbeiwerte C_m und C_s nach DWA-A 138-1 Tab. 9, einen jährlichen Abflussanteil, eine Versiegelungsklasse (Umweltatlas Berlin 01.02: Gebäude und Belagsklassen 1–4 gelten als versiegelt) und über resources/design_biotope.csv einen Biotoptyp, dessen Werte aus resources/biotope_types.csv stammen (LANUK-Verfahren). Polygone mit unbekannter Art bleiben in allen Kennzahlen unberücksichtigt und werden in einer Warnung genannt. Überlappende Polygone zählen einmal: Die gemeinsame Fläche gehört dem ersten Polygon.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Kennzahlen&lt;/b&gt; je Polygon und gesamt: Versiegelungsanteil und unversiegelte Fläche, flächengewichtete C_m und C_s, jährlicher Abfluss und Rückhalt (m³/a), Gründachanteil der Dachfläche, Bäume je 100 m Straßenkante (Bäume im Entwurf, Kante innerhalb der Toleranz um den Entwurf), Biotopwertpunkte vorher und nachher und ihre Bilanz (negativ = Kompensationsbedarf) sowie das Rückhaltevolumen des Überflutungsnachweises nach DIN 1986-100:2016 Gl. 20: V = (r(D,30)·A_ges − r(D,2)·(A_Dach·C_s,Dach + A_FaG·C_s,FaG))·D·60/10⁷, erforderlich ab mehr als 800 m² befestigter Fläche. Die Regenvorgaben sind die KOSTRA-DWD-2020-Werte für Düsseldorf-Stadtmitte aus dem Rechenbeispiel der Stadt Düsseldorf (r(5,30) = 433, r(5,2) = 209 l/(s·ha)): Tragen Sie die Werte des KOSTRA-Rasterfelds Ihres Grundstücks ein.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Prüfungen&lt;/b&gt; (Orientierungswerte sind Parameter; [U] = Annahme des Plugins): Gründachanteil der Dächer ≥ 50 % (HZ 02); Bäume ≥ 7 je 100 m Straßenkante (HZ 03, kein veröffentlichter Wert [U]); Versiegelungsanteil ≤ 60 % (HZ 03 [U]); nicht mehr versiegelte Fläche als im Bestand (HZ 03); jährlicher Abfluss ≤ 40 % (HZ 24 [U]); ≥ 25 % der versiegelten Fläche vom Kanal abgekoppelt (Klima.Werk 2040, braucht ein Feld für die Abkopplung); auf dem Grundstück zurückgehaltener Regen +10 Prozentpunkte gegenüber dem Bestand (Verdunstungsziel von Klima.Werk 2040; eine Näherung [U]); Biotopwertbilanz ≥ 0 (HZ 08, 10); vorgesehenes Rückhaltevolumen ≥ V_Rück (DIN 1986-100). Eine Prüfung ohne ihre Daten lautet „nicht geprüft“ mit Begründung.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bestand&lt;/b&gt; (optional): Polygone im selben Oberflächenvokabular oder mit Biotoptypen aus resources/biotope_types.csv (wird automatisch erkannt). Die Bilanz vergleicht nur den Teil des Entwurfs, für den der Bestand bekannt ist; der Teil außerhalb wird in einer Warnung genannt. Ein Feld geplanter Biotoptyp im Entwurf (z. B. eine Hecke auf einem Pflanzbeet) ersetzt den Biotoptyp, dem seine Oberfläche zugeordnet ist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausgaben&lt;/b&gt;: der Entwurfslayer mit surface, known, seal_cls, area_m2, sealed_m2, c_m, c_s, runoff_m3a, retain_m3a, n_trees, biotope, value_p, cover_m2, pts_before, pts_after, pts_bal, overlap_m2, gi_flags; die Prüftabelle; die Bilanztabelle (part, code, biotoptyp, flaeche_m2, grundwert, korrektur, gesamtwert, einzelwert); beide als CSV; der PDF-Bericht mit Karte, Prüfungen, Bilanz und der Quelle jedes Werts. Rechtlicher Rahmen: § 44 LWG NRW, § 55 (2) WHG, § 1a BauGB. Die Eingangslayer werden nie verändert.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Design (polygons with a surface type)</source>
            <translation>Entwurf (Polygone mit Oberflächenart)</translation>
        </message>
        <message>
            <source>Surface type field (code or name of the surface table; empty = find by name)</source>
            <translation>Feld der Oberflächenart (Code oder Name der Oberflächentabelle; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Disconnected from the sewer field (1/0; empty = find by name)</source>
            <translation>Feld „vom Kanal abgekoppelt“ (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Korrekturfaktor field of the design (empty = 1)</source>
            <translation>Feld Korrekturfaktor des Entwurfs (leer = 1)</translation>
        </message>
        <message>
            <source>Planned biotope type field (replaces the surface's biotope type where filled; empty = find by name)</source>
            <translation>Feld geplanter Biotoptyp (ersetzt den Biotoptyp der Oberfläche, wo ausgefüllt; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Street edge (lines)</source>
            <translation>Straßenkante (Linien)</translation>
        </message>
        <message>
            <source>Existing state (polygons: surface types or biotope types)</source>
            <translation>Bestand (Polygone: Oberflächenarten oder Biotoptypen)</translation>
        </message>
        <message>
            <source>Type field of the existing state (empty = find by name)</source>
            <translation>Typfeld des Bestands (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>The existing state's types are</source>
            <translation>Die Typen des Bestands sind</translation>
        </message>
        <message>
            <source>Korrekturfaktor field of the existing state (empty = 1)</source>
            <translation>Feld Korrekturfaktor des Bestands (leer = 1)</translation>
        </message>
        <message>
            <source>Annual precipitation (mm/a; assumption, set your local value)</source>
            <translation>Jahresniederschlag (mm/a; Annahme, örtlichen Wert eintragen)</translation>
        </message>
        <message>
            <source>Rain r(D,30), l/(s·ha) (KOSTRA-DWD 2020 of your plot)</source>
            <translation>Regenspende r(D,30), l/(s·ha) (KOSTRA-DWD 2020 Ihres Grundstücks)</translation>
        </message>
        <message>
            <source>Rain r(D,2), l/(s·ha) (KOSTRA-DWD 2020 of your plot)</source>
            <translation>Regenspende r(D,2), l/(s·ha) (KOSTRA-DWD 2020 Ihres Grundstücks)</translation>
        </message>
        <message>
            <source>Rain duration D (min)</source>
            <translation>Regendauer D (min)</translation>
        </message>
        <message>
            <source>Überflutungsnachweis required above this befestigte Fläche (m²)</source>
            <translation>Überflutungsnachweis erforderlich ab dieser befestigten Fläche (m²)</translation>
        </message>
        <message>
            <source>Retention volume the design provides (m³)</source>
            <translation>Im Entwurf vorgesehenes Rückhaltevolumen (m³)</translation>
        </message>
        <message>
            <source>Orientation value: green share of the roofs at least (%)</source>
            <translation>Orientierungswert: Gründachanteil der Dächer mindestens (%)</translation>
        </message>
        <message>
            <source>Orientation value: trees per 100 m of street edge at least</source>
            <translation>Orientierungswert: Bäume je 100 m Straßenkante mindestens</translation>
        </message>
        <message>
            <source>Orientation value: sealed share at most (%)</source>
            <translation>Orientierungswert: Versiegelungsanteil höchstens (%)</translation>
        </message>
        <message>
            <source>Orientation value: annual runoff share at most (%)</source>
            <translation>Orientierungswert: jährlicher Abflussanteil höchstens (%)</translation>
        </message>
        <message>
            <source>Orientation value: sealed area disconnected at least (%)</source>
            <translation>Orientierungswert: abgekoppelte versiegelte Fläche mindestens (%)</translation>
        </message>
        <message>
            <source>Orientation value: gain of rain kept on site (percentage points)</source>
            <translation>Orientierungswert: Zunahme des zurückgehaltenen Regens (Prozentpunkte)</translation>
        </message>
        <message>
            <source>Street edge counts within this distance of the design (m)</source>
            <translation>Straßenkante zählt bis zu diesem Abstand vom Entwurf (m)</translation>
        </message>
        <message>
            <source>Design with figures</source>
            <translation>Entwurf mit Kennzahlen</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Prüfungen</translation>
        </message>
        <message>
            <source>Eingriffs-/Ausgleichsbilanz</source>
            <translation>Eingriffs-/Ausgleichsbilanz</translation>
        </message>
        <message>
            <source>Checks as CSV</source>
            <translation>Prüfungen als CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Bilanz as CSV</source>
            <translation>Bilanz als CSV</translation>
        </message>
        <message>
            <source>PDF report</source>
            <translation>PDF-Bericht</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Checks passed</source>
            <translation>Prüfungen erfüllt</translation>
        </message>
        <message>
            <source>Checks failed</source>
            <translation>Prüfungen nicht erfüllt</translation>
        </message>
        <message>
            <source>Retention volume after DIN 1986-100 Gl. 20 (m³)</source>
            <translation>Rückhaltevolumen nach DIN 1986-100 Gl. 20 (m³)</translation>
        </message>
        <message>
            <source>Biotope value balance (points)</source>
            <translation>Biotopwertbilanz (Punkte)</translation>
        </message>
        <message>
            <source>No tree layer given: the design counts 0 trees.</source>
            <translation>Kein Baumlayer angegeben: Der Entwurf zählt 0 Bäume.</translation>
        </message>
        <message>
            <source>No tree lies inside the design.</source>
            <translation>Kein Baum liegt im Entwurf.</translation>
        </message>
        <message>
            <source>No design polygon has a usable geometry and a known surface type: every check is 'not checked'.</source>
            <translation>Kein Entwurfspolygon hat eine nutzbare Geometrie und eine bekannte Oberflächenart: Jede Prüfung lautet „nicht geprüft“.</translation>
        </message>
        <message>
            <source>Sum Planung</source>
            <translation>Summe Planung</translation>
        </message>
        <message>
            <source>Balance: surplus (Planung − Bestand)</source>
            <translation>Bilanz: Überschuss (Planung − Bestand)</translation>
        </message>
        <message>
            <source>Balance: Kompensationsbedarf (Bestand − Planung)</source>
            <translation>Bilanz: Kompensationsbedarf (Bestand − Planung)</translation>
        </message>
        <message>
            <source>Trees</source>
            <translation>Bäume</translation>
        </message>
        <message>
            <source>Street edge</source>
            <translation>Straßenkante</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Prüfung</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Orientation value</source>
            <translation>Orientierungswert</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>HZ</source>
            <translation>HZ</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <source>Design area</source>
            <translation>Entwurfsfläche</translation>
        </message>
        <message>
            <source>Sealed area (buildings and paved surfaces)</source>
            <translation>Versiegelte Fläche (Gebäude und befestigte Flächen)</translation>
        </message>
        <message>
            <source>of which partly sealed (Belagsklassen 3–4)</source>
            <translation>davon teilversiegelt (Belagsklassen 3–4)</translation>
        </message>
        <message>
            <source>Unsealed area</source>
            <translation>Unversiegelte Fläche</translation>
        </message>
        <message>
            <source>Area-weighted C_m / C_s</source>
            <translation>Flächengewichtete C_m / C_s</translation>
        </message>
        <message>
            <source>Annual precipitation on the design</source>
            <translation>Jahresniederschlag auf den Entwurf</translation>
        </message>
        <message>
            <source>Annual runoff</source>
            <translation>Jährlicher Abfluss</translation>
        </message>
        <message>
            <source>Annual retention (evaporation and infiltration)</source>
            <translation>Jährlicher Rückhalt (Verdunstung und Versickerung)</translation>
        </message>
        <message>
            <source>Roof area, of which green</source>
            <translation>Dachfläche, davon begrünt</translation>
        </message>
        <message>
            <source>Trees in the design; street edge</source>
            <translation>Bäume im Entwurf; Straßenkante</translation>
        </message>
        <message>
            <source>Überflutungsnachweis: A_ges, A_Dach (C_s), A_FaG (C_s)</source>
            <translation>Überflutungsnachweis: A_ges, A_Dach (C_s), A_FaG (C_s)</translation>
        </message>
        <message>
            <source>Rain r(D,30), r(D,2), D</source>
            <translation>Regenspenden r(D,30), r(D,2), D</translation>
        </message>
        <message>
            <source>Retention volume V_Rück (DIN 1986-100 Gl. 20)</source>
            <translation>Rückhaltevolumen V_Rück (DIN 1986-100 Gl. 20)</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Kennzahl</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>Teil</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Biotope type</source>
            <translation>Biotoptyp</translation>
        </message>
        <message>
            <source>Area m²</source>
            <translation>Fläche m²</translation>
        </message>
        <message>
            <source>Grund-
wert A / P</source>
            <translation>Grund-
wert A / P</translation>
        </message>
        <message>
            <source>Korrektur-
faktor</source>
            <translation>Korrektur-
faktor</translation>
        </message>
        <message>
            <source>Gesamt-
wert</source>
            <translation>Gesamt-
wert</translation>
        </message>
        <message>
            <source>Einzel-
flächenwert</source>
            <translation>Einzel-
flächenwert</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Trees of the design (points)</source>
            <translation>Bäume des Entwurfs (Punkte)</translation>
        </message>
        <message>
            <source>Read {n} design polygons of {name}; surface types from field {field}; working CRS {crs}.</source>
            <translation>{n} Entwurfspolygone aus {name} gelesen; Oberflächenarten aus Feld {field}; Arbeits-KBS {crs}.</translation>
        </message>
        <message>
            <source>Checks: {p} passed, {f} failed, {n} not checked.</source>
            <translation>Prüfungen: {p} erfüllt, {f} nicht erfüllt, {n} nicht geprüft.</translation>
        </message>
        <message>
            <source>Existing state: {n} polygons of {name}, field {field}, read as {kind}.</source>
            <translation>Bestand: {n} Polygone aus {name}, Feld {field}, gelesen als {kind}.</translation>
        </message>
        <message>
            <source>pass</source>
            <translation>erfüllt</translation>
        </message>
        <message>
            <source>fail</source>
            <translation>nicht erfüllt</translation>
        </message>
        <message>
            <source>points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>per 100 m</source>
            <translation>je 100 m</translation>
        </message>
        <message>
            <source>percentage points</source>
            <translation>Prozentpunkte</translation>
        </message>
        <message>
            <source>Sum Bestand</source>
            <translation>Summe Bestand</translation>
        </message>
        <message>
            <source>Biotope value points Bestand / Planung (compared area)</source>
            <translation>Biotopwertpunkte Bestand / Planung (verglichene Fläche)</translation>
        </message>
        <message>
            <source>found automatically</source>
            <translation>automatisch erkannt</translation>
        </message>
        <message>
            <source>surface types</source>
            <translation>Oberflächenarten</translation>
        </message>
        <message>
            <source>biotope types</source>
            <translation>Biotoptypen</translation>
        </message>
        <message>
            <source>{param} must be a number.</source>
            <translation>{param} muss eine Zahl sein.</translation>
        </message>
        <message>
            <source>r(D,2) ({r2}) is larger than r(D,30) ({r30}): check the KOSTRA values; a 30-year rain is heavier than a 2-year rain.</source>
            <translation>r(D,2) ({r2}) ist größer als r(D,30) ({r30}): Prüfen Sie die KOSTRA-Werte; ein 30-jährlicher Regen ist stärker als ein 2-jährlicher.</translation>
        </message>
        <message>
            <source>The design layer {name} has no features: nothing to check. Draw the design as polygons with a surface type.</source>
            <translation>Der Entwurfslayer {name} hat keine Objekte: Es gibt nichts zu prüfen. Zeichnen Sie den Entwurf als Polygone mit einer Oberflächenart.</translation>
        </message>
        <message>
            <source>The design layer {name} has no surface type field. Choose it in 'Surface type field' (fields: {fields}).</source>
            <translation>Der Entwurfslayer {name} hat kein Feld für die Oberflächenart. Wählen Sie es unter „Feld der Oberflächenart“ (Felder: {fields}).</translation>
        </message>
        <message>
            <source>Disconnected surfaces from field {field}.</source>
            <translation>Abgekoppelte Flächen aus Feld {field}.</translation>
        </message>
        <message>
            <source>Planned biotope types from field {field} where filled.</source>
            <translation>Geplante Biotoptypen aus Feld {field}, wo ausgefüllt.</translation>
        </message>
        <message>
            <source>PDF report written: {path} ({n} pages).</source>
            <translation>PDF-Bericht geschrieben: {path} ({n} Seiten).</translation>
        </message>
        <message>
            <source>Layer {name} ({param}) has no usable features; it is ignored.</source>
            <translation>Layer {name} ({param}) hat keine nutzbaren Objekte; er wird nicht berücksichtigt.</translation>
        </message>
        <message>
            <source>The existing-state layer {name} has no type field. Choose it in 'Type field of the existing state' (fields: {fields}).</source>
            <translation>Der Bestandslayer {name} hat kein Typfeld. Wählen Sie es unter „Typfeld des Bestands“ (Felder: {fields}).</translation>
        </message>
        <message>
            <source>{n} design polygons have a surface type not in the surface table and are left out of every figure: {types}. Use the codes of resources/surfaces.csv: {codes}.</source>
            <translation>{n} Entwurfspolygone haben eine Oberflächenart, die nicht in der Oberflächentabelle steht, und bleiben in allen Kennzahlen unberücksichtigt: {types}. Verwenden Sie die Codes aus resources/surfaces.csv: {codes}.</translation>
        </message>
        <message>
            <source>{n} design polygons overlap earlier ones ({m} m² in all); the shared area is counted once, for the first polygon (field overlap_m2).</source>
            <translation>{n} Entwurfspolygone überlappen frühere ({m} m² insgesamt); die gemeinsame Fläche zählt einmal, beim ersten Polygon (Feld overlap_m2).</translation>
        </message>
        <message>
            <source>{n} polygons of the existing state have a type that is neither a surface code nor a biotope type of the tables and are left out: {types}.</source>
            <translation>{n} Polygone des Bestands haben einen Typ, der weder ein Oberflächencode noch ein Biotoptyp der Tabellen ist, und bleiben unberücksichtigt: {types}.</translation>
        </message>
        <message>
            <source>Polygons of the existing state overlap ({m} m²); the shared area is counted once.</source>
            <translation>Polygone des Bestands überlappen sich ({m} m²); die gemeinsame Fläche zählt einmal.</translation>
        </message>
        <message>
            <source>{m} m² of the design lie outside the existing-state layer; the balance and the comparisons with the existing state cover only the rest ({c} m²).</source>
            <translation>{m} m² des Entwurfs liegen außerhalb des Bestandslayers; die Bilanz und die Vergleiche mit dem Bestand umfassen nur den Rest ({c} m²).</translation>
        </message>
        <message>
            <source>No biotope value for these types, their area is left out of the balance: {types}. Add them to resources/design_biotope.csv or biotope_types.csv.</source>
            <translation>Kein Biotopwert für diese Typen, ihre Fläche bleibt in der Bilanz unberücksichtigt: {types}. Ergänzen Sie sie in resources/design_biotope.csv oder biotope_types.csv.</translation>
        </message>
        <message>
            <source>{n} design polygons name a planned biotope type that is not in the biotope table: {types}. The biotope type of their surface is used.</source>
            <translation>{n} Entwurfspolygone nennen einen geplanten Biotoptyp, der nicht in der Biotoptabelle steht: {types}. Der Biotoptyp ihrer Oberfläche wird verwendet.</translation>
        </message>
        <message>
            <source>{n} trees lie outside the design and are not counted.</source>
            <translation>{n} Bäume liegen außerhalb des Entwurfs und werden nicht gezählt.</translation>
        </message>
        <message>
            <source>(required)</source>
            <translation>(erforderlich)</translation>
        </message>
        <message>
            <source>(not required: befestigte Fläche up to the threshold)</source>
            <translation>(nicht erforderlich: befestigte Fläche nicht über dem Schwellenwert)</translation>
        </message>
        <message>
            <source>annual runoff share</source>
            <translation>jährlicher Abflussanteil</translation>
        </message>
        <message>
            <source>Biotope value</source>
            <translation>Biotopwert</translation>
        </message>
        <message>
            <source>Left out (unknown surface types): {types}.</source>
            <translation>Unberücksichtigt (unbekannte Oberflächenarten): {types}.</translation>
        </message>
        <message>
            <source>Overlapping design polygons counted once: {n}.</source>
            <translation>Überlappende Entwurfspolygone einmal gezählt: {n}.</translation>
        </message>
        <message>
            <source>Outside the existing-state layer: {m} m².</source>
            <translation>Außerhalb des Bestandslayers: {m} m².</translation>
        </message>
        <message>
            <source>Design check: {name}</source>
            <translation>Entwurfsprüfung: {name}</translation>
        </message>
        <message>
            <source>Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin {version} · {date} · CRS {crs}</source>
            <translation>Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin {version} · {date} · KBS {crs}</translation>
        </message>
        <message>
            <source>Design check {name}</source>
            <translation>Entwurfsprüfung {name}</translation>
        </message>
        <message>
            <source>sealing class</source>
            <translation>Versiegelungsklasse</translation>
        </message>
        <message>
            <source>biotope type</source>
            <translation>Biotoptyp</translation>
        </message>
        <message>
            <source>Flat roofs: score roofs for greening (HZ 02)</source>
            <translation>Flachdächer: Gründachpotenzial bewerten und priorisieren (HZ 02)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Scores every roof of a building layer for greening and ranks the roofs: which roofs to green first (Handlungsziel 02: half of the flat roofs in the inner cities green by 2030), and how much rain they would keep back. Works with the output of &lt;i&gt;Import LoD2 buildings&lt;/i&gt;, with ALKIS or OpenStreetMap buildings (roof:shape) and with any polygon layer.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Bewertet jedes Dach eines Gebäude-Layers für die Dachbegrünung und bringt die Dächer in eine Rangfolge: welche Dächer zuerst begrünt werden sollten (Handlungsziel 02: bis 2030 die Hälfte der Flachdächer in den Innenstädten begrünt) und wie viel Regenwasser sie zurückhalten würden. Funktioniert mit der Ausgabe von &lt;i&gt;LoD2-Gebäude importieren&lt;/i&gt;, mit ALKIS- oder OpenStreetMap-Gebäuden (roof:shape) und mit jedem Polygon-Layer.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Excluded&lt;/b&gt; (class X, no rank, flags): green_exists (green-roof field), slope_gt_max, area_lt_min, geom_empty. Roofs with PV stay in: flag pv_solar_green, HZ 26 (solar green roof at the next roof renewal).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ausgeschlossen&lt;/b&gt; (Klasse X, kein Rang, Kennzeichen in gi_flags): green_exists (Gründachfeld), slope_gt_max, area_lt_min, geom_empty. Dächer mit PV-Anlage werden nicht ausgeschlossen: Kennzeichen pv_solar_green, HZ 26 (Solargründach bei der nächsten Dachsanierung prüfen).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>gi_suit, gi_need (0–100), slope_deg, slope_class (0-5 … &gt;45, unbekannt), greenable_m2, retention_m3a, cm_green, in_target_scope (1/0, empty without a scope layer)</source>
            <translation>gi_suit, gi_need (0–100), slope_deg, slope_class (0-5 … &gt;45, unbekannt), greenable_m2, retention_m3a, cm_green, in_target_scope (1/0, leer ohne Zielgebiet-Layer)</translation>
        </message>
        <message>
            <source>Buildings (roof polygons)</source>
            <translation>Gebäude (Dachpolygone)</translation>
        </message>
        <message>
            <source>Roofs scored for greening</source>
            <translation>Dachbegrünung – bewertete Dächer</translation>
        </message>
        <message>
            <source>suitability: 0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25 (classes of the Münster green-roof potential; the values are assumptions), weighted by the area of the greenable surfaces; an unknown slope stays unknown (flag slope_unknown), a flat roof type without slope counts as 0–5° (slope_from_type).</source>
            <translation>Eignung: 0–5° → 1, 5–15° → 0,75, 15–30° → 0,5, 30–45° → 0,25 (Klassen des Gründachpotenzials Münster; die Werte sind Annahmen), gewichtet mit der Fläche der begrünbaren Dachflächen; eine unbekannte Neigung bleibt unbekannt (Kennzeichen slope_unknown), eine Flachdach-Dachform ohne Neigung zählt als 0–5° (slope_from_type).</translation>
        </message>
        <message>
            <source>need: 1 inside an area with a combined sewer system. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24 (sponge city).</source>
            <translation>Bedarf: 1 in einem Gebiet mit Mischsystem. c_rain ≥ 0,5 oder c_sewer = 1 dient HZ 24 (Schwammstadt).</translation>
        </message>
        <message>
            <source>Listed buildings or Denkmalbereiche (polygons)</source>
            <translation>Baudenkmäler oder Denkmalbereiche (Polygone)</translation>
        </message>
        <message>
            <source>Ring around the building for the water depth (m)</source>
            <translation>Pufferbreite um das Gebäude für die mittlere Überflutungstiefe (m)</translation>
        </message>
        <message>
            <source>Combined-sewer areas (polygons)</source>
            <translation>Gebiete mit Mischkanalisation (Polygone)</translation>
        </message>
        <message>
            <source>Distance at which a roof counts as without a park (m)</source>
            <translation>Entfernung, ab der ein Gebäude als unterversorgt gilt (m)</translation>
        </message>
        <message>
            <source>Smallest greenable roof (m²)</source>
            <translation>Mindestgröße der begrünbaren Dachfläche (m²)</translation>
        </message>
        <message>
            <source>Steepest greenable roof surface (degrees)</source>
            <translation>Steilste begrünbare Dachfläche (Grad)</translation>
        </message>
        <message>
            <source>Net share of the greenable area (rooftop plant, edges; 0–1)</source>
            <translation>Nettoanteil der begrünbaren Fläche (Dachaufbauten, Randstreifen; 0–1)</translation>
        </message>
        <message>
            <source>Annual precipitation (mm/a; default Essen, set your local value)</source>
            <translation>Jahresniederschlag (mm/a; Vorgabe Essen, örtlichen Wert eintragen)</translation>
        </message>
        <message>
            <source>Mean over each roof; where the raster has no value the single value above is used.</source>
            <translation>Mittelwert über jedes Dach; wo das Raster keinen Wert hat, gilt der Einzelwert oben.</translation>
        </message>
        <message>
            <source>Malus of a listed building on c_build (0–1)</source>
            <translation>Abschlag für Baudenkmäler auf c_build (0–1)</translation>
        </message>
        <message>
            <source>target area</source>
            <translation>Zielgebiet</translation>
        </message>
        <message>
            <source>green roof,flat roof,roof greening,retention,heat,heavy rain,HZ 02</source>
            <translation>Gründach,Flachdach,Dachbegrünung,Regenwasserrückhalt,thermische Belastung,Starkregen,HZ 02</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Greenable area&lt;/b&gt; (greenable_m2): flat and pitched roof surfaces up to MAX_SLOPE ({max}°, as the RVR/Emschergenossenschaft Gründachkataster; Düsseldorf: 35°). With the LoD2 import's slope-class fields (t_*_m2 true area, h_*_m2 horizontal projection) the surfaces of the classes up to MAX_SLOPE count, so a mixed roof keeps its flat part; otherwise footprint / cos(mean slope), or the AREA_FIELD you give. Times NET_FACTOR ({net}, assumption) for rooftop plant, skylights and edge strips. A roof without a surface up to MAX_SLOPE is excluded (slope_gt_max), one under MIN_AREA ({min} m², Düsseldorf and Bonn) too (area_lt_min).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Begrünbare Dachfläche&lt;/b&gt; (greenable_m2): flache und geneigte Dachflächen bis MAX_SLOPE ({max}° wie das Gründachkataster von RVR und Emschergenossenschaft; Düsseldorf: 35°). Mit den Neigungsklassen-Feldern des LoD2-Imports (t_*_m2 wahre Fläche, h_*_m2 Horizontalprojektion) zählen die Dachflächen der Klassen bis MAX_SLOPE, sodass ein gemischtes Dach seinen flachen Teil behält; sonst Gebäudegrundfläche / cos(mittlere Dachneigung) oder das angegebene AREA_FIELD. Multipliziert mit NET_FACTOR ({net}, Annahme) für Dachaufbauten, Lichtkuppeln und Randstreifen. Ein Dach ohne Dachfläche bis MAX_SLOPE wird ausgeschlossen (slope_gt_max), ebenso eines unter MIN_AREA ({min} m², Düsseldorf und Bonn; area_lt_min).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Score&lt;/b&gt;: gi_suit and gi_need are the weighted means × 100 of the suitability and the need criteria; gi_score = 100 × (gi_suit/100)^(1 − s) × (gi_need/100)^s with s = NEED_SHARE ({share}), a weighted geometric mean, so a roof ranks high only where it is suitable and needed; without any need data the score is gi_suit. Sort by gi_suit or gi_need to see either side. Classes: A from {a}, B from {b}, C from {c}: these breaks spread the defaults over all classes on the Wesel LoD2 tiles and the sample city.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Bewertung&lt;/b&gt;: gi_suit und gi_need sind die gewichteten Mittelwerte × 100 der Eignungs- und der Bedarfskriterien; gi_score = 100 × (gi_suit/100)^(1 − s) × (gi_need/100)^s mit s = NEED_SHARE ({share}), ein gewichtetes geometrisches Mittel, sodass ein Dach nur dort weit oben steht, wo es geeignet ist und gebraucht wird; ohne Bedarfsdaten ist die Bewertung gi_suit. Nach gi_suit oder gi_need sortieren, um eine der beiden Seiten zu sehen. Klassen: A ab {a}, B ab {b}, C ab {c}: Mit diesen Grenzen verteilen sich die Vorgaben auf den LoD2-Kacheln von Wesel und in der Beispielstadt auf alle Klassen.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Water&lt;/b&gt;: retention_m3a is an annual water-balance figure: precipitation × NET_FACTOR × horizontal projection × (annual runoff share of the plain roof − that of the green roof), with the annual retention shares of the surface table (plain roof {plain}; BUILDUP extensive under 10 cm {thin}, from 10 cm {ext} as the Gründachkataster NRW example, intensive {intensive}, on the 0–5° part; extensive {sloped} on steeper surfaces). Rain falls on the horizontal projection, so a steeper roof of the same footprint keeps no more. cm_green is the green roof's runoff coefficient C_m for a design event (DWA-A 138-1 Tab. 9), for storage and infiltration design, not an annual figure. The sources differ on the limit of the flat green-roof rows (DWA-A 138-1: 5°, DIN 1986-100 via info-regenwasser.de: 5 %); the plugin uses 5°. Precipitation: PRECIP ({precip} mm/a, Essen-Bredeney 1991–2020), or PRECIP_RASTER: its mean over the roof, the single value where the raster has none (flag precip_default).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Wasser&lt;/b&gt;: retention_m3a ist eine Größe der Jahreswasserbilanz: Niederschlag × NET_FACTOR × Horizontalprojektion × (jährlicher Abflussanteil des unbegrünten Daches − der des Gründaches), mit den jährlichen Rückhalteanteilen der Oberflächentabelle (unbegrüntes Dach {plain}; BUILDUP extensiv unter 10 cm {thin}, ab 10 cm {ext} wie das Beispiel des Gründachkatasters NRW, intensiv {intensive}, auf dem Teil mit 0–5°; extensiv {sloped} auf steileren Flächen). Regen fällt auf die Horizontalprojektion, daher hält ein steileres Dach derselben Grundfläche nicht mehr zurück. cm_green ist der mittlere Abflussbeiwert C_m des Gründaches für ein Bemessungsereignis (DWA-A 138-1, Tab. 9), für die Bemessung von Speicher und Versickerung, keine Jahresgröße. Die Quellen unterscheiden sich bei der Grenze der flachen Gründach-Zeilen (DWA-A 138-1: 5°, DIN 1986-100 nach info-regenwasser.de: 5 %); das Plugin verwendet 5°. Niederschlag: PRECIP ({precip} mm/a, Essen-Bredeney 1991–2020) oder PRECIP_RASTER: sein Mittel über das Dach, der Einzelwert, wo das Raster keinen Wert hat (Kennzeichen precip_default).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The optional district table gives per district (or per scope polygon): flat_m2 (greenable area of the roofs of class 0–5°, listed and green ones included), green_m2, share_green, target_m2 (target share of flat_m2, {share} % by 2030), missing_m2, ab_m2 (flat roofs of classes A and B) and covers (1 if ab_m2 ≥ missing_m2).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Die optionale Stadtteil-Tabelle gibt je Stadtteil (oder je Zielgebiet-Polygon): flat_m2 (begrünbare Fläche der Dächer der Klasse 0–5°, einschließlich Baudenkmälern und bereits begrünter Dächer), green_m2, share_green, target_m2 (Zielanteil von flat_m2, {share} % bis 2030), missing_m2, ab_m2 (Flachdächer der Klassen A und B) und covers (1, wenn ab_m2 ≥ missing_m2).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Fields left empty are found by name: slope ({slope}), roof type ({roof}), listed ({listed}), green roof ({green}), PV ({pv}), height ({height}); without a height field the storeys ({storeys}) × {storey_m} m give an estimated height. So ALKIS buildings (norGIS ax_gebaeude: dachform, anzahlderoberirdischengeschosse) are scored as they are.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Leer gelassene Felder werden nach Namen gesucht: Neigung ({slope}), Dachform ({roof}), Baudenkmal ({listed}), Gründach ({green}), PV ({pv}), Höhe ({height}); ohne Höhenfeld ergeben die Geschosse ({storeys}) × {storey_m} m eine geschätzte Höhe. So werden ALKIS-Gebäude (norGIS ax_gebaeude: dachform, anzahlderoberirdischengeschosse) bewertet, wie sie sind.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Roof type field (AdV code or OSM roof:shape; empty = find by name)</source>
            <translation>Feld Dachform (AdV-Schlüssel oder OSM roof:shape; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Roof slope field, degrees (empty = find by name)</source>
            <translation>Feld Dachneigung in Grad (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Greenable roof area field, m² (empty = roof surfaces or footprint)</source>
            <translation>Feld begrünbare Dachfläche in m² (leer = Dachflächen oder Gebäudegrundfläche)</translation>
        </message>
        <message>
            <source>Building height field, m (empty = find by name)</source>
            <translation>Feld Gebäudehöhe in m (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Listed building field (1/0; empty = find by name)</source>
            <translation>Feld Baudenkmal (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Existing green roof field (1/0; empty = find by name)</source>
            <translation>Feld vorhandenes Gründach (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>PV on the roof field (1/0; empty = find by name)</source>
            <translation>Feld PV auf dem Dach (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Number of thermal-load classes in the data</source>
            <translation>Anzahl der Klassen der thermischen Belastung in den Daten</translation>
        </message>
        <message>
            <source>Burdened classes: how many of the most burdened classes count (HZ 01)</source>
            <translation>Belastete Klassen: Anzahl der am stärksten belasteten Klassen (HZ 01)</translation>
        </message>
        <message>
            <source>Class breaks for measured thermal-load values (e.g. 16,17,18,19; empty = z-score classes against the whole layer)</source>
            <translation>Klassengrenzen für Messwerte der thermischen Belastung (z. B. 16,17,18,19; leer = z-Wert-Klassen gegenüber dem ganzen Layer)</translation>
        </message>
        <message>
            <source>Green roof build-up (annual retention)</source>
            <translation>Gründachaufbau (jährlicher Rückhalt)</translation>
        </message>
        <message>
            <source>Annual precipitation raster (mm/a; instead of the single value)</source>
            <translation>Raster Jahresniederschlag (mm/a; statt des Einzelwerts)</translation>
        </message>
        <message>
            <source>Building height up to which the full heat benefit counts (m)</source>
            <translation>Gebäudehöhe, bis zu der die volle Kühlwirkung zählt (m)</translation>
        </message>
        <message>
            <source>Building height from which the reduced heat benefit counts (m)</source>
            <translation>Gebäudehöhe, ab der die verminderte Kühlwirkung zählt (m)</translation>
        </message>
        <message>
            <source>Heat benefit factor of tall buildings (0–1)</source>
            <translation>Faktor der Kühlwirkung hoher Gebäude (0–1)</translation>
        </message>
        <message>
            <source>Share of the need in the score (0 = suitability only, 1 = need only)</source>
            <translation>Anteil des Bedarfs an der Bewertung (0 = nur Eignung, 1 = nur Bedarf)</translation>
        </message>
        <message>
            <source>Greenable area for the full area score (m²)</source>
            <translation>Dachfläche, ab der das Flächenkriterium voll erfüllt ist (m²)</translation>
        </message>
        <message>
            <source>Target share of green flat roofs (%)</source>
            <translation>Zielanteil begrünter Flachdächer (%)</translation>
        </message>
        <message>
            <source>Flat-roof target per district</source>
            <translation>Zielerreichung Flachdachbegrünung je Stadtteil</translation>
        </message>
        <message>
            <source>Retention of all scored roofs (m³/a)</source>
            <translation>Regenwasserrückhalt aller bewerteten Dächer (Jahresmittel, m³/a)</translation>
        </message>
        <message>
            <source>roof surfaces per slope class (t_*_m2, h_*_m2)</source>
            <translation>Dachflächen je Neigungsklasse (t_*_m2, h_*_m2)</translation>
        </message>
        <message>
            <source>footprint / cos(slope)</source>
            <translation>Gebäudegrundfläche / cos(Dachneigung)</translation>
        </message>
        <message>
            <source>The input has no slope and no roof type field: every roof gets slope class 'unbekannt' (flag slope_unknown) and the slope criterion is left out. Choose SLOPE_FIELD or ROOF_TYPE_FIELD if the layer has them under another name.</source>
            <translation>Die Eingabe hat weder ein Feld für die Dachneigung noch für die Dachform: Jedes Dach erhält die Neigungsklasse 'unbekannt' (Kennzeichen slope_unknown), das Neigungskriterium entfällt. Wählen Sie SLOPE_FIELD oder ROOF_TYPE_FIELD, falls der Layer sie unter einem anderen Namen hat.</translation>
        </message>
        <message>
            <source>{n} roofs have no usable slope (flag slope_unknown); their score leaves the slope out.</source>
            <translation>{n} Dächer haben keine verwendbare Neigung (Kennzeichen slope_unknown); ihre Bewertung lässt die Neigung weg.</translation>
        </message>
        <message>
            <source>{n} roofs without slope count as 0–5° by their flat roof type (flag slope_from_type).</source>
            <translation>{n} Dächer ohne Neigung zählen wegen ihrer Dachform Flachdach als 0–5° (Kennzeichen slope_from_type).</translation>
        </message>
        <message>
            <source>{n} roofs have no heat value (flag heat_nodata); their weights are renormalised.</source>
            <translation>{n} Dächer haben keine Angabe zur thermischen Belastung (Kennzeichen heat_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>{n} roofs have no heavy-rain value around them (flag rain_nodata); their weights are renormalised.</source>
            <translation>{n} Dächer haben im Umfeld keine Starkregendaten (Kennzeichen rain_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>{n} roofs have no value in the area field; their footprint is used (flag area_from_footprint).</source>
            <translation>{n} Dächer haben keinen Wert im Flächenfeld; ihre Grundfläche wird verwendet (Kennzeichen area_from_footprint).</translation>
        </message>
        <message>
            <source>{n} roofs lie where the precipitation raster has no value; the single precipitation value is used (flag precip_default).</source>
            <translation>{n} Dächer liegen dort, wo das Niederschlagsraster keinen Wert hat; der Einzelwert des Niederschlags wird verwendet (Kennzeichen precip_default).</translation>
        </message>
        <message>
            <source>No need criterion has data (thermal load, heavy rain, sewer, green space, target area): the score is the suitability alone.</source>
            <translation>Kein Bedarfskriterium hat Daten (thermische Belastung, Starkregen, Mischsystem, Grünversorgung, Zielgebiet): Die Bewertung ist allein die Eignung.</translation>
        </message>
        <message>
            <source>No districts and no target area given: the target table has one row for all roofs, without geometry.</source>
            <translation>Weder Stadtteile noch Zielgebiet angegeben: Die Zieltabelle hat eine Zeile für alle Dächer, ohne Geometrie.</translation>
        </message>
        <message>
            <source>suitability: log10(area / MIN_AREA) / log10(AREA_FULL / MIN_AREA): {min} m² → 0, {full} m² → 1 (assumption), so small roofs (Essen funds roofs up to 60 m²) stay in the ranking.</source>
            <translation>Eignung: log10(Fläche / MIN_AREA) / log10(AREA_FULL / MIN_AREA): {min} m² → 0, {full} m² → 1 (Annahme), damit kleine Dächer (Essen fördert Dächer bis 60 m²) in der Rangfolge bleiben.</translation>
        </message>
        <message>
            <source>suitability: 1, or 1 − LISTED_MALUS ({malus}, assumption) for a listed building (field or listed-buildings layer): flagged listed (a permit under monument law is needed, DSchG NRW § 9), never excluded.</source>
            <translation>Eignung: 1, oder 1 − LISTED_MALUS ({malus}, Annahme) für ein Baudenkmal (Feld oder Denkmal-Layer): gekennzeichnet als listed (denkmalrechtliche Erlaubnis erforderlich, § 9 DSchG NRW), nie ausgeschlossen.</translation>
        </message>
        <message>
            <source>need: thermal load in classes, (class − 1) / (n − 1) × the height factor. Class numbers 1…HEAT_CLASSES ({classes}; Berlin and Leipzig use 4) in the direction of HEAT_ORDER; the labels sehr ungünstig … sehr günstig by name; measured values (a raster, or numbers in the polygons) in classes by HEAT_BREAKS (absolute breaks, e.g. 16,17,18,19 °C) or, without breaks, by their z-score against the whole raster or polygon layer at −1, 0, 1, 2 (Düsseldorf heat map): never min–max over the roofs of one run. A raster with the same value everywhere carries no signal: the criterion is left out with a warning. Height factor 1 up to HEIGHT_FULL ({hfull} m), falling to HEIGHT_FACTOR ({hfactor}) at HEIGHT_LOW ({hlow} m): a green roof on a low building cools the street more (assumption after the Berlin Regenwasseragentur). HZ 01 for the HEAT_BURDENED ({burdened}) most burdened classes, ungünstig and sehr ungünstig as LANUV counts them.</source>
            <translation>Bedarf: thermische Belastung in Klassen, (Klasse − 1) / (n − 1) × Höhenfaktor. Klassennummern 1…HEAT_CLASSES ({classes}; Berlin und Leipzig verwenden 4) in der Richtung von HEAT_ORDER; die Bezeichnungen sehr ungünstig … sehr günstig nach Namen; Messwerte (ein Raster oder Zahlen in den Polygonen) in Klassen nach HEAT_BREAKS (absolute Klassengrenzen, z. B. 16,17,18,19 °C) oder, ohne Klassengrenzen, nach ihrem z-Wert gegenüber dem ganzen Raster bzw. Polygon-Layer bei −1, 0, 1, 2 (Düsseldorfer Hitzekarte): nie Min–Max über die Dächer einer Berechnung. Ein Raster mit überall demselben Wert trägt kein Signal: Das Kriterium entfällt mit einer Warnung. Höhenfaktor 1 bis HEIGHT_FULL ({hfull} m), fallend auf HEIGHT_FACTOR ({hfactor}) bei HEIGHT_LOW ({hlow} m): Ein Gründach auf einem niedrigen Gebäude kühlt den Straßenraum stärker (Annahme nach der Berliner Regenwasseragentur). HZ 01 für die HEAT_BURDENED ({burdened}) am stärksten belasteten Klassen, ungünstig und sehr ungünstig, wie das LANUV sie zählt.</translation>
        </message>
        <message>
            <source>need: mean flood depth in a buffer around the building ({ring} m): 0 m → 0, {depth} m → 1 (top class of Essen's heavy-rain map). A finer raster is first averaged to cells of half the buffer width.</source>
            <translation>Bedarf: mittlere Überflutungstiefe in einem Puffer um das Gebäude ({ring} m): 0 m → 0, {depth} m → 1 (höchste Klasse der Essener Starkregenkarte). Ein feineres Raster wird zuvor auf Zellen der halben Pufferbreite gemittelt.</translation>
        </message>
        <message>
            <source>need: green space supply, the distance to the nearest public green space of at least {ha} ha (GALK): 0 next to it, 1 at {dist} m or farther (3-30-300 rule; GALK: 500 m).</source>
            <translation>Bedarf: Grünversorgung, die Entfernung zur nächsten öffentlichen Grünfläche von mindestens {ha} ha (GALK): 0 direkt daneben, 1 ab {dist} m (3-30-300-Regel; GALK: 500 m).</translation>
        </message>
        <message>
            <source>need: 1 inside the 2030 target area, the polygons whose attribute equals the given value (default {value}).</source>
            <translation>Bedarf: 1 im Zielgebiet 2030, den Polygonen, deren Attribut dem angegebenen Wert entspricht (Vorgabe: {value}).</translation>
        </message>
        <message>
            <source>Fields used: slope = {slope}, roof type = {roof}, greenable area = {area}, listed = {listed}, green roof = {green}, PV = {pv}, height = {height}.</source>
            <translation>Verwendete Felder: Neigung = {slope}, Dachform = {roof}, begrünbare Dachfläche = {area}, Baudenkmal = {listed}, Gründach = {green}, PV = {pv}, Höhe = {height}.</translation>
        </message>
        <message>
            <source>Building height: field {field} (storeys) × {m} m per storey, an estimate.</source>
            <translation>Gebäudehöhe: Feld {field} (Geschosse) × {m} m je Geschoss, ein Schätzwert.</translation>
        </message>
        <message>
            <source>Retention of the scored roofs: {m3:.0f} m³/a.</source>
            <translation>Rückhalt der bewerteten Dächer: {m3:.0f} m³/a.</translation>
        </message>
        <message>
            <source>extensive, substrate under 10 cm</source>
            <translation>extensiv, Substrat unter 10 cm</translation>
        </message>
        <message>
            <source>extensive, substrate 10 cm and more</source>
            <translation>extensiv, Substrat ab 10 cm</translation>
        </message>
        <message>
            <source>intensive, 30 cm and more</source>
            <translation>intensiv, ab 30 cm</translation>
        </message>
        <message>
            <source>{n} buildings lie in a listed-buildings polygon.</source>
            <translation>{n} Gebäude liegen in einem Polygon des Denkmal-Layers.</translation>
        </message>
        <message>
            <source>{n} listed buildings are scored with the malus on c_build (flag listed: a permit under monument law is needed), not excluded.</source>
            <translation>{n} Baudenkmäler werden mit dem Abschlag auf c_build bewertet (Kennzeichen listed: denkmalrechtliche Erlaubnis erforderlich), nicht ausgeschlossen.</translation>
        </message>
        <message>
            <source>all roofs</source>
            <translation>alle Dächer</translation>
        </message>
        <message>
            <source>HEAT_BREAKS must be numbers separated by commas (e.g. 16,17,18,19), not {value!r}.</source>
            <translation>HEAT_BREAKS müssen durch Kommas getrennte Zahlen sein (z. B. 16,17,18,19), nicht {value!r}.</translation>
        </message>
        <message>
            <source>&lt;p&gt;A criterion whose layer is not given, does not overlap or holds only nodata is left out and the weights are renormalised; a warning names it. Where a single feature has no value (nodata), the weights are renormalised for that feature and a flag says so (heat_nodata, rain_nodata). All weights and the values marked as the plugin's choice are assumptions: adjust them to your city.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ein Kriterium, dessen Layer fehlt, die Objekte nicht überdeckt oder nur NoData enthält, entfällt, und die Gewichte werden neu normiert; eine Warnung nennt es. Hat ein einzelnes Objekt keinen Wert (NoData), werden die Gewichte für dieses Objekt neu normiert, und ein Kennzeichen weist darauf hin (heat_nodata, rain_nodata). Alle Gewichte und die als Annahme des Plugins gekennzeichneten Werte sind Annahmen des Plugins: Passen Sie sie an Ihre Stadt an.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;How robust is a priority?&lt;/b&gt; The weights are a choice. With STAB_DRAWS above 0 the result is scored again with that many other weightings around the chosen one (STAB_SPREAD sets how far they vary) and tells per feature: gi_stab, the share of weightings in which it keeps its class (0.8 and more: a robust priority; less: its class depends on the weighting), and gi_rank_lo – gi_rank_hi, the ranks it takes in the middle 80 % of the weightings (rank 12 with a band of 8–19: first 20 under most weightings). Excluded features get NULL. 0 switches it off.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Wie robust ist eine Priorität?&lt;/b&gt; Die Gewichte sind eine Festlegung. Mit STAB_DRAWS über 0 wird das Ergebnis mit ebenso vielen anderen Gewichtungen rund um die gewählte erneut bewertet (STAB_SPREAD legt fest, wie weit sie abweichen), und für jedes Objekt wird ausgegeben: gi_stab, der Anteil der Gewichtungen, in denen es seine Klasse behält (ab 0,8: robuste Priorität; darunter: die Klasse hängt von der Gewichtung ab), und gi_rank_lo – gi_rank_hi, die Ränge, die es in den mittleren 80 % der Gewichtungen einnimmt (Rang 12 mit der Spanne 8–19: bei den meisten Gewichtungen unter den ersten 20). Ausgeschlossene Objekte erhalten NULL. 0 schaltet die Berechnung ab.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The input layer is never changed; a layer in geographic coordinates, or in a CRS whose scale is off by more than 1 % there (Web Mercator), is processed and written in its UTM zone. Canceling or an error leaves no partial output and keeps an earlier file of the same name; the output must not be one of the input files.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Messy data&lt;/b&gt;: curved geometries are converted to straight segments, geometry collections keep their polygonal (for lines: linear) parts; features with coordinates far outside the CRS's area of use, implausibly large values and numbers such as '1.000' (1 or 1000?) are not used, each with a warning and a count. Columns of an earlier result (gi_*, c_*) are not carried over. Field names the output format cannot keep (fid, geom, names differing only in case, the 10 characters of a Shapefile) are renamed with a warning. A layer without usable polygons is ignored as if not given. Weights above 1000 are refused. These bounds are the plugin's assumptions.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Der Eingabe-Layer wird nie verändert; ein Layer in geografischen Koordinaten oder in einem KBS, dessen Maßstab dort um mehr als 1 % abweicht (Web Mercator), wird in seiner UTM-Zone verarbeitet und geschrieben. Ein Abbruch oder Fehler hinterlässt keine unvollständige Ausgabe und behält eine frühere Datei gleichen Namens; die Ausgabe darf keine der Eingabedateien sein.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Unsaubere Daten&lt;/b&gt;: Gekrümmte Geometrien werden in gerade Strecken umgewandelt, Geometriesammlungen behalten ihre Polygon-Teile (bei Linien: ihre Linien-Teile); Objekte mit Koordinaten weit außerhalb des Anwendungsbereichs des KBS, unplausibel große Werte und Zahlen wie '1.000' (1 oder 1000?) werden nicht verwendet, jeweils mit Warnung und Anzahl. Spalten eines früheren Ergebnisses (gi_*, c_*) werden nicht übernommen. Feldnamen, die das Ausgabeformat nicht beibehalten kann (fid, geom, Namen, die sich nur in der Groß-/Kleinschreibung unterscheiden, die 10 Zeichen eines Shapefiles), werden mit einer Warnung umbenannt. Ein Layer ohne verwendbare Polygone wird ignoriert, als wäre er nicht angegeben. Gewichte über 1000 werden abgelehnt. Diese Grenzen sind Annahmen des Plugins.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Criteria&lt;/b&gt; (each 0–1; default weight in brackets; suitability and need, combined as the score section says)&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Kriterien&lt;/b&gt; (jeweils 0–1; Standardgewicht in Klammern; Eignung und Bedarf, verknüpft wie im Abschnitt Bewertung beschrieben)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Criteria&lt;/b&gt; (each 0–1; gi_score = weighted mean × 100; default weight in brackets)&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Kriterien&lt;/b&gt; (jeweils 0–1; gi_score = gewichteter Mittelwert × 100; Standardgewicht in Klammern)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the input fields plus gi_score (0–100), gi_class (A ≥ {a}, B ≥ {b}, C ≥ {c}, D, X), gi_rank (1 = first), gi_hz, gi_flags, gi_reason, the c_* of the criteria used, {fields}, written in the order of the input (sort by gi_rank for the priority list). The output RUN_INFO and the layer's metadata keep the run record: algorithm, plugin version, date, every parameter and the weights.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ausgaben&lt;/b&gt;: die Eingabefelder plus gi_score (0–100), gi_class (A ≥ {a}, B ≥ {b}, C ≥ {c}, D, X), gi_rank (1 = höchste Priorität), gi_hz, gi_flags, gi_reason, die c_* der verwendeten Kriterien, {fields}. Die Ausgabe behält die Reihenfolge der Eingabe; für die Prioritätenliste nach gi_rank sortieren. Die Ausgabe RUN_INFO und die Metadaten des Layers halten das Laufprotokoll fest: Algorithmus, Plugin-Version, Datum, jeder Parameter und die Gewichte.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Import LoD2 buildings (CityGML NRW)</source>
            <translation>LoD2-Gebäude importieren (CityGML NRW)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Reads the 3D building model LoD2 of Geobasis NRW (CityGML 1.0, AdV profile; tiles LoD2_32_*_NW.gml) and writes one polygon per building with its roof figures. Give a single tile as &lt;b&gt;CityGML file&lt;/b&gt;, or a &lt;b&gt;Folder&lt;/b&gt; whose *.gml and *.xml files are all read (files in a folder that are not CityGML are skipped with a warning). The tiles are streamed one building at a time, so whole cities fit in memory.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output fields&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;gml_id&lt;/b&gt;: the building's id (ALKIS id, e.g. DENW34AL00022E9s)&lt;/li&gt;&lt;li&gt;&lt;b&gt;function&lt;/b&gt;: ALKIS building function code (bldg:function, e.g. 31001_1010 Wohnhaus, 31001_2463 Garage)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_type&lt;/b&gt;: AdV roof form code (bldg:roofType, e.g. 1000); &lt;b&gt;roof_name&lt;/b&gt;: its German name (Flachdach, Pultdach, Satteldach, Walmdach …)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_src&lt;/b&gt;: &lt;i&gt;building&lt;/i&gt; if the building carries the roof type itself, &lt;i&gt;parts&lt;/i&gt; if it was taken from its building parts: the common type if all parts agree, else the type of the part with the largest roof area&lt;/li&gt;&lt;li&gt;&lt;b&gt;height_m&lt;/b&gt;: measured height (bldg:measuredHeight; the highest part if only the parts have one)&lt;/li&gt;&lt;li&gt;&lt;b&gt;footprint_m2&lt;/b&gt;: 2D area of the footprint polygon&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_area_m2&lt;/b&gt;: true (3D, sloped) area of all roof surfaces&lt;/li&gt;&lt;li&gt;&lt;b&gt;flat_roof_m2&lt;/b&gt;: 3D area of the roof surfaces whose slope is at most the flat-roof threshold&lt;/li&gt;&lt;li&gt;&lt;b&gt;slope_deg&lt;/b&gt;: area-weighted mean roof slope; &lt;b&gt;slope_max_deg&lt;/b&gt;: the steepest roof surface (surfaces under 0.01 m² are ignored there)&lt;/li&gt;&lt;li&gt;&lt;b&gt;gem_schl&lt;/b&gt;: the Gemeindeschlüssel (municipality key) of the building&lt;/li&gt;&lt;li&gt;&lt;b&gt;t_0_5_m2, t_5_15_m2, t_15_30_m2, t_30_45_m2, t_gt45_m2&lt;/b&gt;: true (3D) area of the roof surfaces in each slope class of the Münster green-roof potential (0–5°, 5–15°, 15–30°, 30–45°, over 45°); &lt;b&gt;h_0_5_m2 … h_gt45_m2&lt;/b&gt;: the same surfaces projected to the horizontal (area × cos slope), the area rain falls on. The roof algorithm counts the greenable surfaces of pitched and mixed roofs from them.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: each RoofSurface polygon's area and normal come from its vector area (cross-product / Newell method), which is exact for planar polygons in any orientation; the slope is the angle between the normal and the vertical. The footprint is the union of the GroundSurface polygons (of the building and its parts), or of the roof polygons projected to 2D when there is no GroundSurface; it is made valid. Buildings with neither roof nor ground polygons are skipped with a warning.&lt;/p&gt;&lt;p&gt;Serves Handlungsziel 02 (green roofs and façades: half of the flat roofs green by 2030) as the building input of the roof algorithms.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flat-roof threshold&lt;/b&gt; (default 5°): slope class 1 (0–5°, very well suited for green roofs) of the Münster green-roof potential (opendata.stadt-muenster.de). Adjust it to your own definition of a flat roof.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Messy tiles&lt;/b&gt;: a file in a folder that cannot be read (cut-off download, a note named .gml) is skipped with a warning naming it, and the other tiles are imported. The same building (gml_id) in two tiles is imported once. Roofs given without heights (2D) get an empty slope instead of 0°; eastings written with the zone number (32,337,000) are corrected; buildings outside the tile's extent or outside NRW, tiles without roof surfaces and curved rings (segmentised) are named in a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: written only when everything has been read; on an error or cancel nothing is written and an earlier file of the same name is kept. A Shapefile keeps 10 characters per field name: footprint_m2, roof_area_m2, flat_roof_m2 and slope_max_deg become footprint_, roof_area_, flat_roof_ and slope_max_ (with a warning); the slope-class fields (t_*_m2, h_*_m2) that the roof algorithms read keep their names. The output cannot be one of the input files.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Coordinate system&lt;/b&gt;: the output is in EPSG:25832 (ETRS89 / UTM 32N), the CRS of the NRW tiles (srsName urn:adv:crs:ETRS89_UTM32*…). Files without a recognised srsName are assumed to be in EPSG:25832, with a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sources&lt;/b&gt;: Geobasis NRW, 3D-Gebäudemodelle LoD2 NRW, licence Datenlizenz Deutschland – Zero – 2.0 (dl-de/zero-2-0), www.opengeodata.nrw.de. Roof form codes: AdV code list Dachform (ALKIS, GeoInfoDok).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Liest das 3D-Gebäudemodell LoD2 von Geobasis NRW (CityGML 1.0, AdV-Profil; Kacheln LoD2_32_*_NW.gml) und schreibt je Gebäude ein Polygon mit seinen Dachkennzahlen. Geben Sie eine einzelne Kachel als &lt;b&gt;CityGML-Datei&lt;/b&gt; an oder einen &lt;b&gt;Ordner&lt;/b&gt;, dessen *.gml- und *.xml-Dateien alle gelesen werden (Dateien im Ordner, die kein CityGML sind, werden mit einer Warnung übersprungen). Die Kacheln werden Gebäude für Gebäude gelesen, sodass auch ganze Städte in den Speicher passen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausgabefelder&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;gml_id&lt;/b&gt;: die Kennung des Gebäudes (ALKIS-Kennung, z. B. DENW34AL00022E9s)&lt;/li&gt;&lt;li&gt;&lt;b&gt;function&lt;/b&gt;: Schlüssel der ALKIS-Gebäudefunktion (bldg:function, z. B. 31001_1010 Wohnhaus, 31001_2463 Garage)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_type&lt;/b&gt;: AdV-Schlüssel der Dachform (bldg:roofType, z. B. 1000); &lt;b&gt;roof_name&lt;/b&gt;: ihr Name (Flachdach, Pultdach, Satteldach, Walmdach …)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_src&lt;/b&gt;: &lt;i&gt;building&lt;/i&gt;, wenn das Gebäude die Dachform selbst trägt, &lt;i&gt;parts&lt;/i&gt;, wenn sie aus seinen Gebäudeteilen stammt: die gemeinsame Dachform, wenn alle Teile übereinstimmen, sonst die Dachform des Teils mit der größten Dachfläche&lt;/li&gt;&lt;li&gt;&lt;b&gt;height_m&lt;/b&gt;: gemessene Höhe (bldg:measuredHeight; der höchste Teil, wenn nur die Teile eine Höhe haben)&lt;/li&gt;&lt;li&gt;&lt;b&gt;footprint_m2&lt;/b&gt;: 2D-Fläche des Grundriss-Polygons&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_area_m2&lt;/b&gt;: wahre (3D-, geneigte) Fläche aller Dachflächen&lt;/li&gt;&lt;li&gt;&lt;b&gt;flat_roof_m2&lt;/b&gt;: 3D-Fläche der Dachflächen, deren Neigung höchstens die Flachdach-Schwelle beträgt&lt;/li&gt;&lt;li&gt;&lt;b&gt;slope_deg&lt;/b&gt;: flächengewichtete mittlere Dachneigung; &lt;b&gt;slope_max_deg&lt;/b&gt;: die steilste Dachfläche (Flächen unter 0,01 m² zählen hier nicht)&lt;/li&gt;&lt;li&gt;&lt;b&gt;gem_schl&lt;/b&gt;: der Gemeindeschlüssel des Gebäudes&lt;/li&gt;&lt;li&gt;&lt;b&gt;t_0_5_m2, t_5_15_m2, t_15_30_m2, t_30_45_m2, t_gt45_m2&lt;/b&gt;: wahre (3D-)Fläche der Dachflächen in jeder Neigungsklasse des Gründachpotenzials Münster (0–5°, 5–15°, 15–30°, 30–45°, über 45°); &lt;b&gt;h_0_5_m2 … h_gt45_m2&lt;/b&gt;: dieselben Flächen in die Horizontale projiziert (Fläche × cos Neigung), die Fläche, auf die der Regen fällt. Der Dach-Algorithmus ermittelt daraus die begrünbaren Flächen geneigter und gemischter Dächer.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Methode&lt;/b&gt;: Fläche und Normale jedes RoofSurface-Polygons ergeben sich aus seinem Flächenvektor (Kreuzprodukt- bzw. Newell-Verfahren), der für ebene Polygone in jeder Lage exakt ist; die Neigung ist der Winkel zwischen der Normalen und der Senkrechten. Der Grundriss ist die Vereinigung der GroundSurface-Polygone (des Gebäudes und seiner Teile) oder, wenn es keine GroundSurface gibt, der in 2D projizierten Dachpolygone; er wird geometrisch bereinigt. Gebäude ohne Dach- und Bodenpolygone werden mit einer Warnung übersprungen.&lt;/p&gt;&lt;p&gt;Dient dem Handlungsziel 02 (Dach- und Fassadenbegrünung: bis 2030 die Hälfte der Flachdächer grün) als Gebäudegrundlage der Dach-Algorithmen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flachdach-Schwelle&lt;/b&gt; (Vorgabe 5°): Neigungsklasse 1 (0–5°, sehr gut geeignet für Dachbegrünung) des Gründachpotenzials der Stadt Münster (opendata.stadt-muenster.de). Passen Sie sie an Ihre eigene Definition eines Flachdachs an.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Unsaubere Kacheln&lt;/b&gt;: Eine Datei im Ordner, die sich nicht lesen lässt (abgebrochener Download, eine als .gml benannte Notiz), wird mit einer Warnung, die sie nennt, übersprungen; die übrigen Kacheln werden importiert. Dasselbe Gebäude (gml_id) in zwei Kacheln wird einmal importiert. Dächer ohne Höhen (2D) erhalten eine leere Neigung statt 0°; Ostwerte mit Zonenkennung (32.337.000) werden korrigiert; Gebäude außerhalb der Kachelausdehnung oder außerhalb NRWs, Kacheln ohne Dachflächen und gekrümmte Ringe (in Strecken zerlegt) werden in einer Warnung genannt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausgabe&lt;/b&gt;: Sie wird erst geschrieben, wenn alles gelesen ist; bei einem Fehler oder Abbruch wird nichts geschrieben und eine frühere Datei gleichen Namens bleibt erhalten. Ein Shapefile behält 10 Zeichen je Feldname: footprint_m2, roof_area_m2, flat_roof_m2 und slope_max_deg werden zu footprint_, roof_area_, flat_roof_ und slope_max_ (mit einer Warnung); die Neigungsklassen-Felder (t_*_m2, h_*_m2), die die Dach-Algorithmen lesen, behalten ihre Namen. Die Ausgabe darf keine der Eingabedateien sein.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Koordinatenbezugssystem&lt;/b&gt;: Die Ausgabe liegt in EPSG:25832 (ETRS89 / UTM 32N), dem KBS der NRW-Kacheln (srsName urn:adv:crs:ETRS89_UTM32*…). Für Dateien ohne erkannten srsName wird EPSG:25832 angenommen und eine Warnung ausgegeben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quellen&lt;/b&gt;: Geobasis NRW, 3D-Gebäudemodelle LoD2 NRW, Lizenz Datenlizenz Deutschland – Zero – 2.0 (dl-de/zero-2-0), www.opengeodata.nrw.de. Dachform-Schlüssel: AdV-Codeliste Dachform (ALKIS, GeoInfoDok).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>CityGML file (LoD2 tile)</source>
            <translation>CityGML-Datei (LoD2-Kachel)</translation>
        </message>
        <message>
            <source>Folder with LoD2 tiles (all *.gml and *.xml in it)</source>
            <translation>Ordner mit LoD2-Kacheln (alle *.gml- und *.xml-Dateien darin)</translation>
        </message>
        <message>
            <source>Flat-roof threshold: maximum slope (degrees)</source>
            <translation>Flachdach-Schwelle: maximale Neigung (Grad)</translation>
        </message>
        <message>
            <source>LoD2 buildings</source>
            <translation>LoD2-Gebäude</translation>
        </message>
        <message>
            <source>No input: choose a CityGML file (LoD2 tile) or a folder with LoD2 tiles, e.g. downloaded from www.opengeodata.nrw.de (3D-Gebäudemodelle LoD2).</source>
            <translation>Keine Eingabe: Wählen Sie eine CityGML-Datei (LoD2-Kachel) oder einen Ordner mit LoD2-Kacheln, z. B. heruntergeladen von www.opengeodata.nrw.de (3D-Gebäudemodelle LoD2).</translation>
        </message>
        <message>
            <source>{file} has no roof surfaces (bldg:RoofSurface): its buildings have a footprint but no roof area, flat-roof area or slope. The file may hold LoD1 models; use the LoD2 tiles.</source>
            <translation>{file} hat keine Dachflächen (bldg:RoofSurface): Ihre Gebäude haben einen Grundriss, aber keine Dachfläche, Flachdachfläche oder Neigung. Die Datei enthält womöglich LoD1-Modelle; verwenden Sie die LoD2-Kacheln.</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) have roof polygons without heights (2D coordinates), so their roof area, flat-roof area and slope are left empty instead of being taken as flat. Use the 3D LoD2 tiles.</source>
            <translation>{file}: {n} Gebäude haben Dachpolygone ohne Höhen (2D-Koordinaten); ihre Dachfläche, Flachdachfläche und Neigung bleiben daher leer, statt als flach zu gelten. Verwenden Sie die 3D-LoD2-Kacheln.</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) have eastings with the zone number 32 in front (e.g. 32,337,000 m); the zone number was removed (337,000 m in EPSG:25832).</source>
            <translation>{file}: {n} Gebäude haben Ostwerte mit vorangestellter Zonenkennung 32 (z. B. 32.337.000 m); die Zonenkennung wurde entfernt (337.000 m in EPSG:25832).</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) lie outside North Rhine-Westphalia in EPSG:25832; the coordinates may be local or in another CRS. They are imported as they are: check the file and assign the right CRS to the output.</source>
            <translation>{file}: {n} Gebäude liegen in EPSG:25832 außerhalb Nordrhein-Westfalens; die Koordinaten sind womöglich lokal oder in einem anderen KBS. Sie werden unverändert importiert: Prüfen Sie die Datei und weisen Sie der Ausgabe das richtige KBS zu.</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) lie outside the tile's own extent (gml:Envelope); they are imported, but check the file.</source>
            <translation>{file}: {n} Gebäude liegen außerhalb der Ausdehnung der Kachel (gml:Envelope); sie werden importiert, aber prüfen Sie die Datei.</translation>
        </message>
        <message>
            <source>{file}: {n} curved ring(s) (gml:Arc) were converted to straight segments of at most 4°.</source>
            <translation>{file}: {n} gekrümmte Ringe (gml:Arc) wurden in gerade Strecken von höchstens 4° zerlegt.</translation>
        </message>
        <message>
            <source>{file}: {n} polygon reference(s) (xlink:href) point outside their building and were ignored.</source>
            <translation>{file}: {n} Polygonverweis(e) (xlink:href) zeigen aus ihrem Gebäude hinaus und wurden ignoriert.</translation>
        </message>
        <message>
            <source>None of the buildings has roof or ground surfaces (bldg:RoofSurface, bldg:GroundSurface), so the output is empty. The files may hold LoD1 models; use the LoD2 tiles.</source>
            <translation>Keines der Gebäude hat Dach- oder Bodenflächen (bldg:RoofSurface, bldg:GroundSurface), daher ist die Ausgabe leer. Die Dateien enthalten womöglich LoD1-Modelle; verwenden Sie die LoD2-Kacheln.</translation>
        </message>
        <message>
            <source>The input holds no buildings (bldg:Building); the output is empty.</source>
            <translation>Die Eingabe enthält keine Gebäude (bldg:Building); die Ausgabe ist leer.</translation>
        </message>
        <message>
            <source>The path {path} does not exist. Choose an existing CityGML file or a folder with LoD2 tiles.</source>
            <translation>Der Pfad {path} existiert nicht. Wählen Sie eine vorhandene CityGML-Datei oder einen Ordner mit LoD2-Kacheln.</translation>
        </message>
        <message>
            <source>The folder {path} contains no CityGML files (*.gml, *.xml). Choose the folder with the LoD2 tiles; unpack downloaded ZIP archives first.</source>
            <translation>Der Ordner {path} enthält keine CityGML-Dateien (*.gml, *.xml). Wählen Sie den Ordner mit den LoD2-Kacheln; heruntergeladene ZIP-Archive zuerst entpacken.</translation>
        </message>
        <message>
            <source>{path} is not a CityGML file (expected the root element core:CityModel of CityGML 1.0 or 2.0). Choose LoD2 tiles such as LoD2_32_335_5723_1_NW.gml.</source>
            <translation>{path} ist keine CityGML-Datei (erwartet wird das Wurzelelement core:CityModel von CityGML 1.0 oder 2.0). Wählen Sie LoD2-Kacheln wie LoD2_32_335_5723_1_NW.gml.</translation>
        </message>
        <message>
            <source>{path} is not well-formed XML ({detail}); the file may be incomplete. Download the tile again.</source>
            <translation>{path} ist kein wohlgeformtes XML ({detail}); die Datei ist möglicherweise unvollständig. Laden Sie die Kachel erneut herunter.</translation>
        </message>
        <message>
            <source>Read {n} buildings from {files} file(s).</source>
            <translation>{n} Gebäude aus {files} Datei(en) gelesen.</translation>
        </message>
        <message>
            <source>Cannot read {path}: {error}. Check that the file exists and is readable.</source>
            <translation>{path} kann nicht gelesen werden: {error}. Prüfen Sie, ob die Datei existiert und lesbar ist.</translation>
        </message>
        <message>
            <source>{file} is not CityGML and was skipped.</source>
            <translation>{file} ist keine CityGML-Datei und wurde übersprungen.</translation>
        </message>
        <message>
            <source>{file} cannot be read ({detail}) and was skipped; the other tiles were imported. The download may be incomplete: download the tile again.</source>
            <translation>{file} lässt sich nicht lesen ({detail}) und wurde übersprungen; die übrigen Kacheln wurden importiert. Der Download ist womöglich unvollständig: Laden Sie die Kachel erneut herunter.</translation>
        </message>
        <message>
            <source>{file} holds the same buildings as {other}; they are counted once. Remove the copy from the folder.</source>
            <translation>{file} enthält dieselben Gebäude wie {other}; sie werden einmal gezählt. Entfernen Sie die Kopie aus dem Ordner.</translation>
        </message>
        <message>
            <source>{file}: the coordinate system {srs} is not recognised; EPSG:25832 (ETRS89 / UTM 32N, the CRS of the NRW tiles) is assumed. If the file uses another CRS, assign it to the output layer.</source>
            <translation>{file}: Das Koordinatenbezugssystem {srs} wird nicht erkannt; EPSG:25832 (ETRS89 / UTM 32N, das KBS der NRW-Kacheln) wird angenommen. Verwendet die Datei ein anderes KBS, weisen Sie es dem Ausgabelayer zu.</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) have neither roof nor ground polygons and were skipped (e.g. {ids}).</source>
            <translation>{file}: {n} Gebäude ohne Dach- und Bodenpolygone wurden übersprungen (z. B. {ids}).</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) have a gml_id that was read before (in {other}); only the first is kept.</source>
            <translation>{file}: {n} Gebäude haben eine bereits gelesene gml_id (in {other}); nur das erste wird behalten.</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine Angabe)</translation>
        </message>
        <message>
            <source>Layer {name} ({param}) has no usable polygons (lines or points, empty or broken geometries); it is ignored, as if it were not given.</source>
            <translation>Layer {name} ({param}) hat keine verwendbaren Polygone (Linien oder Punkte, leere oder defekte Geometrien); er wird ignoriert, als wäre er nicht angegeben.</translation>
        </message>
        <message>
            <source>Layer {name} ({param}) has no usable features; it is ignored, as if it were not given.</source>
            <translation>Layer {name} ({param}) hat keine verwendbaren Objekte; er wird ignoriert, als wäre er nicht angegeben.</translation>
        </message>
        <message>
            <source>Heat polygons are given but no heat field: choose HEAT_FIELD (a class 1–5, a label such as 'ungünstig', or a value).</source>
            <translation>Polygone zur thermischen Belastung sind angegeben, aber kein Feld: Wählen Sie HEAT_FIELD (eine Klasse 1–5, eine Bezeichnung wie 'ungünstig' oder einen Messwert).</translation>
        </message>
        <message>
            <source>No input feature lies in a heat polygon with a value: the heat criterion is left out.</source>
            <translation>Kein Eingabeobjekt liegt in einem Polygon mit Angabe zur thermischen Belastung: Das Kriterium thermische Belastung entfällt.</translation>
        </message>
        <message>
            <source>Target area: every polygon of the target area layer (no field chosen).</source>
            <translation>Zielgebiet: jedes Polygon des Zielgebiet-Layers (kein Feld gewählt).</translation>
        </message>
        <message>
            <source>Both a heat raster and heat polygons are given: the raster is used, the polygons are ignored.</source>
            <translation>Raster und Polygone zur thermischen Belastung sind angegeben: Das Raster wird verwendet, die Polygone werden ignoriert.</translation>
        </message>
        <message>
            <source>No districts given: the target table sums per target-area polygon.</source>
            <translation>Keine Stadtteile angegeben: Die Zieltabelle summiert je Zielgebiet-Polygon.</translation>
        </message>
        <message>
            <source>Field {field} ({param}): {n} values such as '1.000' could mean 1 or 1000; they are not used. Write numbers without thousands separators (1000 or 1000,5).</source>
            <translation>Feld {field} ({param}): {n} Werte wie '1.000' können 1 oder 1000 bedeuten; sie werden nicht verwendet. Schreiben Sie Zahlen ohne Tausendertrennzeichen (1000 oder 1000,5).</translation>
        </message>
        <message>
            <source>Field {field} ({param}) holds no numbers; it is ignored.</source>
            <translation>Feld {field} ({param}) enthält keine Zahlen; es wird ignoriert.</translation>
        </message>
        <message>
            <source>Layer {param} is given but no field with its values was found: choose {field_param}.</source>
            <translation>Der Layer {param} ist angegeben, aber kein Feld mit seinen Werten wurde gefunden: {field_param} wählen.</translation>
        </message>
        <message>
            <source>Raster {name} ({param}) does not overlap the input features: its criterion is left out and the weights are renormalised.</source>
            <translation>Raster {name} ({param}) überdeckt die Eingabeobjekte nicht: Sein Kriterium entfällt, die Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>Raster {name} ({param}) holds only nodata under the input features: its criterion is left out and the weights are renormalised.</source>
            <translation>Raster {name} ({param}) enthält unter den Eingabeobjekten nur NoData: Sein Kriterium entfällt, die Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>No polygon of {param} reaches {ha} ha: every feature counts as without one nearby.</source>
            <translation>Kein Polygon von {param} erreicht {ha} ha: Jedes Objekt gilt als ohne eines in der Nähe.</translation>
        </message>
        <message>
            <source>Target area: polygons with {field} = {value}.</source>
            <translation>Zielgebiet: Polygone mit {field} = {value}.</translation>
        </message>
        <message>
            <source>Field {field} ({param}) is not in its layer. Its fields are: {fields}.</source>
            <translation>Feld {field} ({param}) ist nicht in seinem Layer. Dessen Felder sind: {fields}.</translation>
        </message>
        <message>
            <source>Field {field} ({param}): {n} values are implausibly large (e.g. {value}); they are not used.</source>
            <translation>Feld {field} ({param}): {n} Werte sind unplausibel groß (z. B. {value}); sie werden nicht verwendet.</translation>
        </message>
        <message>
            <source>Heat raster {name} ({param}) has the same value ({value}) under every feature, so it ranks nothing: the heat criterion is left out. Check that it is the right raster.</source>
            <translation>Das Hitzeraster {name} ({param}) hat unter jedem Objekt denselben Wert ({value}) und unterscheidet daher nichts: Das Kriterium thermische Belastung entfällt. Prüfen Sie, ob es das richtige Raster ist.</translation>
        </message>
        <message>
            <source>Heat field {field}: the values {values} are neither known classes nor numbers; features in those polygons count as without heat value.</source>
            <translation>Hitzefeld {field}: Die Werte {values} sind weder bekannte Klassen noch Zahlen; Objekte in diesen Polygonen gelten als ohne Angabe zur thermischen Belastung.</translation>
        </message>
        <message>
            <source>Raster {name} ({param}) has the same value everywhere: it carries no thermal-load signal, so the criterion is left out and no roof is assigned to HZ 01 by it.</source>
            <translation>Raster {name} ({param}) hat überall denselben Wert: Es trägt kein Signal der thermischen Belastung, daher entfällt das Kriterium, und kein Dach wird dadurch HZ 01 zugeordnet.</translation>
        </message>
        <message>
            <source>Heat field {field} mixes class labels and numbers; the labels are read as five classes, the numbers as {n}.</source>
            <translation>Feld {field} (thermische Belastung) mischt Klassenbezeichnungen und Zahlen; die Bezeichnungen werden als fünf Klassen gelesen, die Zahlen als {n}.</translation>
        </message>
        <message>
            <source>No polygon of the target area layer has {field} = {value}; values present: {values}. The target-area criterion is 0 for every feature.</source>
            <translation>Kein Polygon des Zielgebiet-Layers hat {field} = {value}; vorhandene Werte: {values}. Das Zielgebiet-Kriterium ist für jedes Objekt 0.</translation>
        </message>
        <message>
            <source>Field {field} ({param}) is not in the input layer. Its fields are: {fields}.</source>
            <translation>Feld {field} ({param}) ist nicht im Eingabe-Layer. Dessen Felder sind: {fields}.</translation>
        </message>
        <message>
            <source>Heat field {field} has the same value in every polygon: it carries no thermal-load signal, so the criterion is left out.</source>
            <translation>Feld {field} (thermische Belastung) hat in jedem Polygon denselben Wert: Es trägt kein Signal, daher entfällt das Kriterium.</translation>
        </message>
        <message>
            <source>The output {param} ({out}) is the file of the input {input} ({path}); writing it would destroy the input. Choose another file name for {param}.</source>
            <translation>Die Ausgabe {param} ({out}) ist die Datei der Eingabe {input} ({path}); sie zu schreiben würde die Eingabe zerstören. Wählen Sie für {param} einen anderen Dateinamen.</translation>
        </message>
        <message>
            <source>The output format cannot keep these field names, so they are renamed: {renames}.</source>
            <translation>Das Ausgabeformat kann diese Feldnamen nicht beibehalten; sie werden umbenannt: {renames}.</translation>
        </message>
        <message>
            <source>The output {path} could not be written completely ({n} of {m} features readable). Check the free space and run again.</source>
            <translation>Die Ausgabe {path} konnte nicht vollständig geschrieben werden ({n} von {m} Objekten lesbar). Prüfen Sie den freien Speicherplatz und führen Sie den Algorithmus erneut aus.</translation>
        </message>
        <message>
            <source>Cannot replace the existing output {path} ({error}). Close it in other programs, check that its folder is writable, or choose another file name.</source>
            <translation>Die vorhandene Ausgabe {path} kann nicht ersetzt werden ({error}). Schließen Sie sie in anderen Programmen, prüfen Sie, ob ihr Ordner beschreibbar ist, oder wählen Sie einen anderen Dateinamen.</translation>
        </message>
        <message>
            <source>The earlier output could not be put back; it is kept as {path}.</source>
            <translation>Die frühere Ausgabe konnte nicht zurückgelegt werden; sie liegt unter {path}.</translation>
        </message>
        <message>
            <source>Result style of the Grüne Infrastruktur plugin, with the run record</source>
            <translation>Ergebnisstil des Plugins Grüne Infrastruktur, mit dem Laufprotokoll</translation>
        </message>
        <message>
            <source>This QGIS has no PostgreSQL provider: write to a GeoPackage instead.</source>
            <translation>Dieses QGIS hat keinen PostgreSQL-Datenanbieter: Schreiben Sie stattdessen in ein GeoPackage.</translation>
        </message>
        <message>
            <source>The table {table} does not exist in the database {db}. Check the schema and table name of the layer.</source>
            <translation>Die Tabelle {table} gibt es in der Datenbank {db} nicht. Prüfen Sie Schema und Tabellennamen des Layers.</translation>
        </message>
        <message>
            <source>The view {table} has no key column that QGIS can use, so QGIS cannot open it. Name a column with unique integer values as key: in the layer's source add key='&lt;column&gt;' (e.g. postgres://… key='gid' table=…), or choose the feature id column when adding the view in the Data Source Manager.</source>
            <translation>Die Sicht (View) {table} hat keine Schlüsselspalte, die QGIS nutzen kann; QGIS kann sie daher nicht öffnen. Nennen Sie eine Spalte mit eindeutigen ganzen Zahlen als Schlüssel: in der Quelle des Layers key='&lt;Spalte&gt;' ergänzen (z. B. postgres://… key='gid' table=…) oder beim Hinzufügen der Sicht in der Datenquellenverwaltung die Objekt-ID-Spalte wählen.</translation>
        </message>
        <message>
            <source>Only {read} of {n} features of {name} could be read: the connection to the database was lost while reading. Nothing was written; run again when the database is reachable.</source>
            <translation>Nur {read} von {n} Objekten aus {name} konnten gelesen werden: Die Verbindung zur Datenbank ist beim Lesen abgebrochen. Es wurde nichts geschrieben; starten Sie erneut, wenn die Datenbank erreichbar ist.</translation>
        </message>
        <message>
            <source>Writing the table {table} to the database {db} failed ({err}). Nothing was written: {table} is as it was before the run.</source>
            <translation>Das Schreiben der Tabelle {table} in die Datenbank {db} ist fehlgeschlagen ({err}). Es wurde nichts geschrieben: {table} ist unverändert wie vor dem Lauf.</translation>
        </message>
        <message>
            <source>The database role {role} may not write the table {table} (permission denied). Write to a schema where {role} may create tables, or ask the database administrator: GRANT CREATE ON SCHEMA {schema} TO {role}; (and, if {table} exists already, make {role} its owner: ALTER TABLE {table} OWNER TO {role};).</source>
            <translation>Die Datenbankrolle {role} darf die Tabelle {table} nicht schreiben (Zugriff verweigert). Schreiben Sie in ein Schema, in dem {role} Tabellen anlegen darf, oder bitten Sie die Datenbankadministration: GRANT CREATE ON SCHEMA {schema} TO {role}; (und, falls {table} schon besteht, {role} zur Eigentümerin machen: ALTER TABLE {table} OWNER TO {role};).</translation>
        </message>
        <message>
            <source>The database {db} cannot be reached ({err}). Check the connection (host, port, user, password) and run again.</source>
            <translation>Die Datenbank {db} ist nicht erreichbar ({err}). Prüfen Sie die Verbindung (Host, Port, Benutzer, Passwort) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>The geometry column {col} of {table} holds several geometry types ({types}). Choose the polygons: add type=MultiPolygon (or type=Polygon) to the layer's source, pick the polygon layer of this table in the Browser, or make a view that selects only polygons.</source>
            <translation>Die Geometriespalte {col} von {table} enthält mehrere Geometrietypen ({types}). Wählen Sie die Polygone: type=MultiPolygon (oder type=Polygon) in der Quelle des Layers ergänzen, im Browser den Polygon-Layer dieser Tabelle wählen oder eine Sicht anlegen, die nur Polygone auswählt.</translation>
        </message>
        <message>
            <source>the last rows could not be written</source>
            <translation>die letzten Zeilen konnten nicht geschrieben werden</translation>
        </message>
        <message>
            <source>The connection to the database {db} was lost while writing {table} ({err}). Nothing was written: {table} is as it was before the run. Run again when the database is reachable.</source>
            <translation>Die Verbindung zur Datenbank {db} ist beim Schreiben von {table} abgebrochen ({err}). Es wurde nichts geschrieben: {table} ist unverändert wie vor dem Lauf. Starten Sie erneut, wenn die Datenbank erreichbar ist.</translation>
        </message>
        <message>
            <source>Table {table} of layer {name} has no primary key: QGIS numbers its rows by their physical position (ctid), which changes when rows are updated, so the output cannot be joined back by feature id. Give the table a primary key (ALTER TABLE {table} ADD COLUMN gid serial PRIMARY KEY) for ids that last.</source>
            <translation>Die Tabelle {table} des Layers {name} hat keinen Primärschlüssel: QGIS nummeriert ihre Zeilen nach ihrer physischen Lage (ctid), die sich bei Änderungen ändert; das Ergebnis lässt sich daher nicht über die Objekt-ID zurückverknüpfen. Geben Sie der Tabelle einen Primärschlüssel (ALTER TABLE {table} ADD COLUMN gid serial PRIMARY KEY) für dauerhafte IDs.</translation>
        </message>
        <message>
            <source>The PostGIS output {dest} names no table: add table="schema"."name" (geom) to it.</source>
            <translation>Die PostGIS-Ausgabe {dest} nennt keine Tabelle: Ergänzen Sie table="schema"."name" (geom).</translation>
        </message>
        <message>
            <source>The unfinished table {tmp} could not be removed while the database is unreachable: remove it later (DROP TABLE {tmp};).</source>
            <translation>Die unfertige Tabelle {tmp} konnte nicht entfernt werden, solange die Datenbank nicht erreichbar ist: Entfernen Sie sie später (DROP TABLE {tmp};).</translation>
        </message>
        <message>
            <source>The schema {schema} does not exist in the database {db}: create it (CREATE SCHEMA {schema};) or write to another schema.</source>
            <translation>Das Schema {schema} gibt es in der Datenbank {db} nicht: Legen Sie es an (CREATE SCHEMA {schema};) oder schreiben Sie in ein anderes Schema.</translation>
        </message>
        <message>
            <source>{count} of {n} rows arrived</source>
            <translation>{count} von {n} Zeilen angekommen</translation>
        </message>
        <message>
            <source>The styles could not be stored in the database ({error}); the table is written, style it in QGIS.</source>
            <translation>Die Stile konnten nicht in der Datenbank gespeichert werden ({error}); die Tabelle ist geschrieben, gestalten Sie sie in QGIS.</translation>
        </message>
        <message>
            <source>The geometry column {col} of {table} holds several geometry types ({types}); the layer reads only one of them, the rows of the other types are not in the output.</source>
            <translation>Die Geometriespalte {col} von {table} enthält mehrere Geometrietypen ({types}); der Layer liest nur einen davon, die Zeilen der anderen Typen fehlen im Ergebnis.</translation>
        </message>
        <message>
            <source>The run record could not be stored in the database's layer metadata ({error}); it is in the table's default style and in the output RUN_INFO.</source>
            <translation>Das Laufprotokoll konnte nicht in den Layer-Metadaten der Datenbank gespeichert werden ({error}); es steht im Standardstil der Tabelle und in der Ausgabe RUN_INFO.</translation>
        </message>
        <message>
            <source>Writing the output failed: {err}</source>
            <translation>Das Schreiben der Ausgabe ist fehlgeschlagen: {err}</translation>
        </message>
        <message>
            <source>Green Infrastructure Metropole Ruhr</source>
            <translation>Grüne Infrastruktur Metropole Ruhr</translation>
        </message>
        <message>
            <source>Raster {name} cannot be read by GDAL ({src}). Save it as a GeoTIFF and run again.</source>
            <translation>Raster {name} kann von GDAL nicht gelesen werden ({src}). Speichern Sie es als GeoTIFF und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Raster {name} is rotated; warp it to a north-up grid (Raster › Projections › Warp) and run again.</source>
            <translation>Raster {name} ist gedreht; transformieren Sie es auf ein nordausgerichtetes Gitter (Raster › Projektionen › Transformieren) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Raster {name} is mirrored (negative cell width); warp it to a north-up grid (Raster › Projections › Warp) and run again.</source>
            <translation>Raster {name} ist gespiegelt (negative Zellbreite); transformieren Sie es auf ein nordausgerichtetes Gitter (Raster › Projektionen › Transformieren) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Raster {name} cannot be read completely (rows {row}–{end}: {detail}); the file may be truncated or damaged. Export or download it again.</source>
            <translation>Raster {name} lässt sich nicht vollständig lesen (Zeilen {row}–{end}: {detail}); die Datei ist womöglich abgeschnitten oder beschädigt. Exportieren oder laden Sie sie erneut herunter.</translation>
        </message>
        <message>
            <source>{n} features of {name} have no geometry; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben keine Geometrie; sie werden mit Klasse X und Kennzeichen geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} have a geometry that cannot be read; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben eine nicht lesbare Geometrie; sie werden mit Klasse X und Kennzeichen geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} have an invalid geometry that could not be repaired; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben eine ungültige Geometrie, die nicht repariert werden konnte; sie werden mit Klasse X und Kennzeichen geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} are not polygons (or have no area); they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} sind keine Polygone (oder haben keine Fläche); sie werden mit Klasse X und Kennzeichen geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} are not lines (or have no length); they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} sind keine Linien (oder haben keine Länge); sie werden mit Klasse X und Kennzeichen geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} have coordinates that are not finite or lie far outside the area of use of the CRS (e.g. an easting with the zone number in front); they are written with class X and flag geom_empty. Check their coordinates and the layer's CRS.</source>
            <translation>{n} Objekte von {name} haben Koordinaten, die nicht endlich sind oder weit außerhalb des Anwendungsbereichs des KBS liegen (z. B. ein Ostwert mit vorangestellter Zonenkennung); sie werden mit Klasse X und Kennzeichen geom_empty geschrieben. Prüfen Sie ihre Koordinaten und das KBS des Layers.</translation>
        </message>
        <message>
            <source>Layer {name} has no CRS; it is assumed to be in the CRS of the input ({crs}).</source>
            <translation>Layer {name} hat kein KBS; es wird das KBS der Eingabe ({crs}) angenommen.</translation>
        </message>
        <message>
            <source>{n} invalid geometries of {name} were repaired (make valid) before scoring; the input layer is unchanged.</source>
            <translation>{n} ungültige Geometrien von {name} wurden vor der Bewertung repariert (make valid); der Eingabelayer bleibt unverändert.</translation>
        </message>
        <message>
            <source>{n} features of {name} have curved geometries (arcs); they were converted to straight segments before scoring.</source>
            <translation>{n} Objekte von {name} haben gekrümmte Geometrien (Bögen); sie wurden vor der Bewertung in gerade Strecken umgewandelt.</translation>
        </message>
        <message>
            <source>{n} features of {name} are geometry collections; only their polygonal (for lines: linear) parts are used.</source>
            <translation>{n} Objekte von {name} sind Geometriesammlungen; nur ihre Polygon-Teile (bei Linien: ihre Linien-Teile) werden verwendet.</translation>
        </message>
        <message>
            <source>The run record could not be stored in the output ({error}); it is in the output RUN_INFO.</source>
            <translation>Das Laufprotokoll konnte nicht in der Ausgabe gespeichert werden ({error}); es steht in der Ausgabe RUN_INFO.</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legende</translation>
        </message>
        <message>
            <source>The PDF report could not be written to {path} ({err}). Choose another file name or folder.</source>
            <translation>Der PDF-Bericht konnte nicht nach {path} geschrieben werden ({err}). Wählen Sie einen anderen Dateinamen oder Ordner.</translation>
        </message>
        <message>
            <source>Generate sample district (Musterstadt)</source>
            <translation>Beispielstadtteil erzeugen (Musterstadt)</translation>
        </message>
        <message>
            <source>Writes Musterstadt, a synthetic but plausible Ruhr district in EPSG:25832 around Essen, to try out and test the plugin's algorithms without real data.

Number of buildings: the district grows with it (about 2,000 buildings per km² in residential blocks, about 700–850 per km² over the whole square, which is about half open land); the buildings layer holds exactly this many. 1,000,000 buildings take about a minute.
Seed: the same seed gives the same district, feature by feature.

Output: musterstadt.gpkg with the layers raumtyp (Innenstadt, Zwischenstadt, Landschaft of the Strategie Grüne Infrastruktur), districts, klimatope (RVR names, heat_class 1–5 from the block mean of heat.tif by the Düsseldorf z-score classes), gruenzuege, biotopverbund (Stufe I/II), sewer_combined (Mischwasser catchments), parks (pocket parks below 0.5 ha and parks of 0.5 ha and more), brownfields (biotope, sealing, Altlasten status), streets (OSM-like class, width, surface), street_trees and buildings (AdV roof type code, slope, height, storeys, ALKIS function code as in NRW LoD2, listed, green_roof, pv, footprint); heat.tif: night air temperature in °C (10 m cells); starkregen.tif: heavy-rain water depth in m (2 m cells up to 400 km², 5 m above). Both rasters use nodata -9999 and contain a small nodata patch.

About 60 % flat roofs, 2 % listed buildings, 8 % of flat roofs green, 12 % with PV; 0.5 % of the buildings lack a slope, 0.5 % a roof type, a few consist of two parts, as in real data. These shares are plausible assumptions, not statistics. The data are invented: do not use them for planning.</source>
            <translation>Schreibt Musterstadt, einen erfundenen, aber plausiblen Stadtteil im Ruhrgebiet (EPSG:25832, bei Essen), um die Algorithmen des Plugins ohne echte Daten auszuprobieren und zu testen.

Anzahl der Gebäude: Der Stadtteil wächst mit ihr (etwa 2.000 Gebäude je km² in Wohnblöcken, etwa 700–850 je km² über das ganze Quadrat, das etwa zur Hälfte Freiraum ist); der Layer buildings enthält genau so viele. 1.000.000 Gebäude dauern etwa eine Minute.
Startwert: Derselbe Startwert ergibt denselben Stadtteil, Objekt für Objekt.

Ausgabe: musterstadt.gpkg mit den Layern raumtyp (Innenstadt, Zwischenstadt, Landschaft der Strategie Grüne Infrastruktur), districts (Stadtteile), klimatope (Namen des RVR, heat_class 1–5 aus dem Blockmittel von heat.tif nach den z-Wert-Klassen der Düsseldorfer Hitzekarte), gruenzuege (Regionale Grünzüge), biotopverbund (Stufe I/II), sewer_combined (Einzugsgebiete Mischsystem), parks (Pocket-Parks unter 0,5 ha und Parks ab 0,5 ha), brownfields (Brachen mit Biotoptyp, Versiegelung, Altlastenstatus), streets (OSM-artige Klasse, Breite, Belag), street_trees (Straßenbäume) und buildings (AdV-Dachformcode, Neigung, Höhe, Geschosse, ALKIS-Gebäudefunktion wie im LoD2 NRW, Denkmal, Gründach, PV, Grundfläche); heat.tif: nächtliche Lufttemperatur in °C (10-m-Zellen); starkregen.tif: Überflutungstiefe bei Starkregen in m (2-m-Zellen bis 400 km², darüber 5 m). Beide Raster haben NoData -9999 und enthalten eine kleine NoData-Fläche.

Etwa 60 % Flachdächer, 2 % Denkmäler, 8 % der Flachdächer begrünt, 12 % mit PV; 0,5 % der Gebäude fehlt die Neigung, 0,5 % die Dachform, einige bestehen aus zwei Teilen, wie in echten Daten. Diese Anteile sind plausible Annahmen, keine Statistik. Die Daten sind erfunden: Verwenden Sie sie nicht für die Planung.</translation>
        </message>
        <message>
            <source>Musterstadt</source>
            <translation>Musterstadt</translation>
        </message>
        <message>
            <source>Number of buildings</source>
            <translation>Anzahl der Gebäude</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>Startwert des Zufallsgenerators</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Ausgabeordner</translation>
        </message>
        <message>
            <source>Sample district GeoPackage</source>
            <translation>GeoPackage des Beispielstadtteils</translation>
        </message>
        <message>
            <source>Heat (night air temperature)</source>
            <translation>Thermische Belastung (nächtliche Lufttemperatur)</translation>
        </message>
        <message>
            <source>Heavy rain water depth</source>
            <translation>Überflutungstiefe Starkregen</translation>
        </message>
        <message>
            <source>Layers written</source>
            <translation>Geschriebene Layer</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <source>No output folder given: choose a folder for the sample district.</source>
            <translation>Kein Ausgabeordner angegeben: Wählen Sie einen Ordner für den Beispielstadtteil.</translation>
        </message>
        <message>
            <source>Wrote {n} buildings on {km2} km² to {path}</source>
            <translation>{n} Gebäude auf {km2} km² nach {path} geschrieben</translation>
        </message>
        <message>
            <source>Could not write to {folder} ({error}): choose a folder you can write to.</source>
            <translation>Konnte nicht nach {folder} schreiben ({error}): Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
        </message>
        <message>
            <source>Writing the sample district to {folder} failed ({error}); nothing was written. Check the free space or choose another folder.</source>
            <translation>Das Schreiben des Beispielquartiers nach {folder} ist fehlgeschlagen ({error}); es wurde nichts geschrieben. Prüfen Sie den freien Speicherplatz oder wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>Input layer</source>
            <translation>Eingabe-Layer</translation>
        </message>
        <message>
            <source>The input layer {name} has no features: nothing to score. Choose a layer with features to score.</source>
            <translation>Der Eingabe-Layer {name} hat keine Objekte: nichts zu bewerten. Wählen Sie einen Layer mit Objekten, die bewertet werden sollen.</translation>
        </message>
        <message>
            <source>Mean over each feature, scaled min–max over this run. Given both, the raster is used.</source>
            <translation>Mittel über jedes Objekt, Min–Max über diesen Lauf skaliert. Sind beide angegeben, wird das Raster verwendet.</translation>
        </message>
        <message>
            <source>Heat polygons (e.g. Klimatope, thermal load classes)</source>
            <translation>Polygone thermische Belastung (z. B. Klimaanalyse-Gesamtbetrachtung, Klimatope)</translation>
        </message>
        <message>
            <source>Heat class or value field</source>
            <translation>Feld Belastungsklasse oder Messwert</translation>
        </message>
        <message>
            <source>For values such as a cooling index, where a low value means more heat.</source>
            <translation>Für Werte wie einen Kühlungsindex, bei dem ein niedriger Wert mehr Hitze bedeutet.</translation>
        </message>
        <message>
            <source>Maximum water depth of a heavy-rain simulation (Starkregengefahrenkarte), in metres.</source>
            <translation>Maximale Überflutungstiefe einer Starkregensimulation (Starkregengefahrenkarte), in Metern.</translation>
        </message>
        <message>
            <source>Water depth for the full rain score (m)</source>
            <translation>Überflutungstiefe, ab der das Kriterium voll erfüllt ist (m)</translation>
        </message>
        <message>
            <source>Parks and public green spaces (polygons)</source>
            <translation>Parks und öffentliche Grünflächen (Polygone)</translation>
        </message>
        <message>
            <source>Smallest park that counts (ha)</source>
            <translation>Mindestgröße der Grünfläche (ha)</translation>
        </message>
        <message>
            <source>2030 target area (e.g. Raumtyp polygons)</source>
            <translation>Zielgebiet 2030 (z. B. Raumtyp-Polygone)</translation>
        </message>
        <message>
            <source>Target area field (empty = raumtyp, else every polygon)</source>
            <translation>Feld Zielgebiet (leer = raumtyp, sonst jedes Polygon)</translation>
        </message>
        <message>
            <source>Polygons whose target area field holds this value (case and umlauts ignored) form the target area.</source>
            <translation>Die Polygone, deren Zielgebietsfeld diesen Wert hat (Groß-/Kleinschreibung und Umlaute egal), bilden das Zielgebiet.</translation>
        </message>
        <message>
            <source>Districts for the target table (polygons)</source>
            <translation>Stadtteile für die Zieltabelle (Polygone)</translation>
        </message>
        <message>
            <source>District name field</source>
            <translation>Feld Stadtteilname</translation>
        </message>
        <message>
            <source>Rank stability: weight variants (0 = off)</source>
            <translation>Robustheit des Rangs: Gewichtungsvarianten (0 = aus)</translation>
        </message>
        <message>
            <source>How many other weightings around the chosen weights are tried, to tell a robust priority from one that depends on the weighting (fields gi_stab, gi_rank_lo, gi_rank_hi).</source>
            <translation>Wie viele andere Gewichtungen rund um die gewählten Gewichte durchgerechnet werden, um eine robuste Priorität von einer zu unterscheiden, die von der Gewichtung abhängt (Felder gi_stab, gi_rank_lo, gi_rank_hi).</translation>
        </message>
        <message>
            <source>Rank stability: concentration of the weight variants (larger = closer to the chosen weights)</source>
            <translation>Robustheit des Rangs: Konzentration der Gewichtungsvarianten (größer = näher an den gewählten Gewichten)</translation>
        </message>
        <message>
            <source>Each weight share p varies by about √(p(1 − p)/(κ + 1)): κ = 50 moves a share of 0.3 by about ±0.06, κ = 10 by about ±0.14. The plugin's choice; adjust it to the disagreement you expect about the weights.</source>
            <translation>Jeder Gewichtsanteil p schwankt um etwa √(p(1 − p)/(κ + 1)): κ = 50 verschiebt einen Anteil von 0,3 um etwa ±0,06, κ = 10 um etwa ±0,14. Annahme des Plugins; passen Sie den Wert an den Dissens an, den Sie bei den Gewichten erwarten.</translation>
        </message>
        <message>
            <source>Features scored</source>
            <translation>Bewertete Objekte</translation>
        </message>
        <message>
            <source>Features excluded (class X)</source>
            <translation>Ausgeschlossene Objekte (Klasse X)</translation>
        </message>
        <message>
            <source>Run record (algorithm, version, date, parameters, weights; JSON)</source>
            <translation>Laufprotokoll (Algorithmus, Version, Datum, Parameter, Gewichte; JSON)</translation>
        </message>
        <message>
            <source>Heat raster (e.g. night temperature)</source>
            <translation>Raster thermische Belastung (z. B. nächtliche Lufttemperatur, PET)</translation>
        </message>
        <message>
            <source>Read at a point inside each feature: classes 1–5 or the labels sehr ungünstig … sehr günstig, else min–max of the values.</source>
            <translation>Gelesen an einem Punkt in jedem Objekt: Klassen 1–5 oder die Bezeichnungen sehr ungünstig … sehr günstig, sonst Min–Max der Werte.</translation>
        </message>
        <message>
            <source>Heat values</source>
            <translation>Werte der thermischen Belastung</translation>
        </message>
        <message>
            <source>Heavy-rain water depth raster (m)</source>
            <translation>Raster Überflutungstiefe Starkregen (m)</translation>
        </message>
        <message>
            <source>The depth is averaged in this ring around each feature, the feature's own cells left out (plugin's choice).</source>
            <translation>Die Tiefe wird in diesem Ring um jedes Objekt gemittelt, ohne die Zellen des Objekts selbst (Annahme des Plugins).</translation>
        </message>
        <message>
            <source>0 m gives 0, this depth and deeper give 1 (Essen's top depth class).</source>
            <translation>0 m ergibt 0, diese Tiefe und mehr ergeben 1 (oberste Tiefenklasse der Stadt Essen).</translation>
        </message>
        <message>
            <source>Rain raster: nodata means dry (0 m)</source>
            <translation>Starkregen-Raster: NoData bedeutet trocken (0 m)</translation>
        </message>
        <message>
            <source>Public green of at least 0.5 ha supplies a neighbourhood (GALK).</source>
            <translation>Öffentliches Grün ab 0,5 ha versorgt ein Quartier (GALK).</translation>
        </message>
        <message>
            <source>0 next to a park, 1 at this distance or farther (3-30-300 rule: a park within 300 m).</source>
            <translation>0 direkt am Park, 1 ab dieser Entfernung (3-30-300-Regel: ein Park innerhalb von 300 m).</translation>
        </message>
        <message>
            <source>Target area value</source>
            <translation>Wert für das Zielgebiet</translation>
        </message>
        <message>
            <source>Rank stability is left out: the score of this algorithm is not the weighted mean of its criteria, so other weightings cannot be scored the same way.</source>
            <translation>Die Robustheit des Rangs entfällt: Die Bewertung dieses Algorithmus ist kein gewichteter Mittelwert seiner Kriterien, daher lassen sich andere Gewichtungen nicht auf dieselbe Weise bewerten.</translation>
        </message>
        <message>
            <source>{param} must be greater than {low} (it is {value}).</source>
            <translation>{param} muss größer als {low} sein (ist {value}).</translation>
        </message>
        <message>
            <source>{param} must be at least {low} (it is {value}).</source>
            <translation>{param} muss mindestens {low} sein (ist {value}).</translation>
        </message>
        <message>
            <source>Classes: A {a}, B {b}, C {c}, D {d}, excluded (X) {x} (A from score {ba}, B from {bb}, C from {bc}).</source>
            <translation>Klassen: A {a}, B {b}, C {c}, D {d}, ausgeschlossen (X) {x} (A ab Bewertung {ba}, B ab {bb}, C ab {bc}).</translation>
        </message>
        <message>
            <source>Read {n} features of {name}; working CRS {crs}.</source>
            <translation>{n} Objekte aus {name} gelesen; Arbeits-KBS {crs}.</translation>
        </message>
        <message>
            <source>Rank stability over {draws} weightings around the chosen weights: {robust} of {n} scored features keep their class in at least {share} % of them (robust priority); the others depend on the weighting.</source>
            <translation>Robustheit des Rangs über {draws} Gewichtungen rund um die gewählten Gewichte: {robust} von {n} bewerteten Objekten behalten ihre Klasse in mindestens {share} % davon (robuste Priorität); bei den übrigen hängt sie von der Gewichtung ab.</translation>
        </message>
        <message>
            <source>Empty: the first of {names}.</source>
            <translation>Leer: das erste von {names}.</translation>
        </message>
        <message>
            <source>higher value = more heat</source>
            <translation>höherer Wert = stärkere Belastung</translation>
        </message>
        <message>
            <source>lower value = more heat</source>
            <translation>niedrigerer Wert = stärkere Belastung</translation>
        </message>
        <message>
            <source>Weight: {criterion}</source>
            <translation>Gewicht: {criterion}</translation>
        </message>
        <message>
            <source>{param} must not exceed {high} (it is {value}).</source>
            <translation>{param} darf höchstens {high} sein (es ist {value}).</translation>
        </message>
        <message>
            <source>All weights ({first} … {last}) are 0: give at least one criterion a weight above 0.</source>
            <translation>Alle Gewichte ({first} … {last}) sind 0: Geben Sie mindestens einem Kriterium ein Gewicht über 0.</translation>
        </message>
        <message>
            <source>The rank band (gi_rank_lo, gi_rank_hi) uses the first {k} of the {draws} weightings, to bound the memory at this number of features.</source>
            <translation>Die Rangspanne (gi_rank_lo, gi_rank_hi) beruht auf den ersten {k} der {draws} Gewichtungen, um den Speicherbedarf bei dieser Zahl von Objekten zu begrenzen.</translation>
        </message>
        <message>
            <source>Criterion {name} is left out (no layer, field or value for it); the other weights are renormalised.</source>
            <translation>Kriterium {name} entfällt (kein Layer, Feld oder Wert dafür); die übrigen Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>The input holds columns of an earlier result ({fields}); they are not carried into this one.</source>
            <translation>Die Eingabe enthält Spalten eines früheren Ergebnisses ({fields}); sie werden nicht in dieses übernommen.</translation>
        </message>
        <message>
            <source>No criterion with data has a weight above 0: give a weight to a criterion whose layer or field is given (e.g. {params}).</source>
            <translation>Kein Kriterium mit Daten hat ein Gewicht über 0: Geben Sie einem Kriterium ein Gewicht, dessen Layer oder Feld angegeben ist (z. B. {params}).</translation>
        </message>
        <message>
            <source>Street centre lines</source>
            <translation>Straßenachsen</translation>
        </message>
        <message>
            <source>Street sections scored for blue-green climate streets</source>
            <translation>Straßenabschnitte – bewertet für blau-grüne Klimastraßen</translation>
        </message>
        <message>
            <source>Streets: blue-green climate streets, tree gaps and unsealing (HZ 03)</source>
            <translation>Straßen: blau-grüne Klimastraßen, Baumlücken und Entsiegelung (HZ 03)</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Handlungsziele&lt;/b&gt; in gi_hz: 03 always; 01, 18, 24 and 25 where their criteria drove the score (see above). gi_suit = unsealing and infiltration, gi_need = heat, heavy rain, Mischsystem, tree gap and green supply.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Handlungsziele&lt;/b&gt; in gi_hz: immer 03; 01, 18, 24 und 25, wo ihre Kriterien die Bewertung bestimmt haben (siehe oben). gi_suit = Entsiegelung und Versickerung, gi_need = Hitze, Starkregen, Mischsystem, Baumlücke und Grünversorgung.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>gi_suit, gi_need, seg_len_m, width_m, sealed_m2, trees_now, trees_per_100m, tree_gap, unseal_m2, runoff_red_m3a, infiltration (yes/no/unknown), src_fid</source>
            <translation>gi_suit, gi_need, seg_len_m, width_m, sealed_m2, trees_now, trees_per_100m, tree_gap, unseal_m2, runoff_red_m3a, infiltration (yes/no/unknown), src_fid</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Width&lt;/b&gt; of the street space (width_m): measured across each section on the street-space polygons where they are given (the median of three transects; ALKIS parcels of one street are merged first), else the width field, else the typical width of the road class, but no wider than the free width between the buildings where a building layer is given. sealed_m2 = length × width × the sealed share of the road class (0 on unpaved surfaces).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Breite&lt;/b&gt; des Straßenraums (width_m): quer zu jedem Abschnitt auf den Straßenflächen-Polygonen gemessen, wo sie angegeben sind (Median aus drei Querschnitten; ALKIS-Flurstücke einer Straße werden zuvor vereinigt), sonst aus dem Breitenfeld, sonst die typische Breite der Straßenklasse, jedoch nicht breiter als der freie Abstand zwischen den Gebäuden, wo ein Gebäude-Layer angegeben ist. sealed_m2 = Länge × Breite × Versiegelungsanteil der Straßenklasse (0 bei unbefestigtem Belag).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>thermal load: heat raster (mean over the street space, min–max over this run) or heat polygons with a class field (classes 1–5 and the labels sehr ungünstig … sehr günstig by name). Serves HZ 01 where c_heat ≥ 0.5.</source>
            <translation>thermische Belastung: Raster (Mittel über den Straßenraum, Min–Max über alle Abschnitte dieser Berechnung) oder Polygone mit Klassenfeld (Klassen 1–5 und die Bezeichnungen sehr ungünstig … sehr günstig nach Namen). Dient HZ 01, wo c_heat ≥ 0,5.</translation>
        </message>
        <message>
            <source>1 in an area drained by the Mischsystem. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24.</source>
            <translation>1 in einem Gebiet mit Mischkanalisation. c_rain ≥ 0,5 oder c_sewer = 1 dient HZ 24.</translation>
        </message>
        <message>
            <source>Road class field (OSM highway/fclass or ALKIS Widmung; empty = find by name)</source>
            <translation>Feld Straßenklasse (OSM highway/fclass oder ALKIS-Widmung; leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Width of the street space field, m (empty = find by name, else by class)</source>
            <translation>Feld Breite des Straßenraums, m (leer = nach Name suchen, sonst nach Klasse)</translation>
        </message>
        <message>
            <source>Surface field (OSM surface; empty = find by name, else asphalt)</source>
            <translation>Feld Belag (OSM surface; leer = nach Name suchen, sonst Asphalt)</translation>
        </message>
        <message>
            <source>Bridge field (yes/no; empty = find by name)</source>
            <translation>Feld Brücke (ja/nein; leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Tunnel field (yes/no; empty = find by name)</source>
            <translation>Feld Tunnel (ja/nein; leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Access or private-way field (OSM access, or yes/no; empty = find by name)</source>
            <translation>Feld Zugang oder Privatweg (OSM access oder ja/nein; leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Street space (polygons, e.g. ALKIS Straßenverkehr parcels; width measured on them)</source>
            <translation>Straßenraum (Polygone, z. B. ALKIS-Flurstücke Straßenverkehr; die Breite wird darauf gemessen)</translation>
        </message>
        <message>
            <source>Buildings (polygons; the free width between them caps the typical width of a road class)</source>
            <translation>Gebäude (Polygone; der freie Abstand zwischen ihnen begrenzt die typische Breite einer Straßenklasse)</translation>
        </message>
        <message>
            <source>Maximum section length (m; 0 = keep the input features)</source>
            <translation>Maximale Abschnittslänge (m; 0 = Objekte der Eingabe beibehalten)</translation>
        </message>
        <message>
            <source>Street trees (points, e.g. a Baumkataster)</source>
            <translation>Straßenbäume (Punkte, z. B. Baumkataster)</translation>
        </message>
        <message>
            <source>Number of trees per point (empty = find by name, else 1)</source>
            <translation>Anzahl Bäume je Punkt (leer = nach Name suchen, sonst 1)</translation>
        </message>
        <message>
            <source>Ring beyond the street space for the flood depth (m; 0 = the street space)</source>
            <translation>Pufferbreite über den Straßenraum hinaus für die Überflutungstiefe (m; 0 = nur der Straßenraum)</translation>
        </message>
        <message>
            <source>Areas drained by the Mischsystem (polygons)</source>
            <translation>Gebiete mit Mischkanalisation (Polygone)</translation>
        </message>
        <message>
            <source>Distance at which a street counts as without green space (m)</source>
            <translation>Entfernung, ab der eine Straße als unterversorgt mit Grünflächen gilt (m)</translation>
        </message>
        <message>
            <source>Soils with kf (polygons; kf in m/s or a permeability class)</source>
            <translation>Böden mit kf-Wert (Polygone; kf in m/s oder Durchlässigkeitsklasse)</translation>
        </message>
        <message>
            <source>kf field (empty = find by name)</source>
            <translation>Feld kf-Wert (leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Depth to groundwater (polygons, m)</source>
            <translation>Grundwasserflurabstand (Polygone, m)</translation>
        </message>
        <message>
            <source>Depth to groundwater field, m (empty = find by name)</source>
            <translation>Feld Grundwasserflurabstand, m (leer = nach Name suchen)</translation>
        </message>
        <message>
            <source>Altlasten and suspected sites (polygons)</source>
            <translation>Altlasten und altlastverdächtige Flächen (Polygone)</translation>
        </message>
        <message>
            <source>Share of parking lanes to reallocate (%, HZ 25)</source>
            <translation>Anteil umzuwidmender Parkstreifen (%, HZ 25)</translation>
        </message>
        <message>
            <source>street,street trees,tree gap,unsealing,Entsiegelung,Klimastraße,sponge city,HZ 03</source>
            <translation>Straße,Straßenbäume,Baumlücke,Entsiegelung,Klimastraße,Schwammstadt,blau-grün,HZ 03</translation>
        </message>
        <message>
            <source>&lt;p&gt;Cuts a street network into sections and ranks them for blue-green climate streets (Handlungsziel 03): which sections first, how many street trees are missing there, how much area could be unsealed, what that would keep back each year, and where heat and flooding are worst. Works with OpenStreetMap roads (highway or Geofabrik fclass), ALKIS/ATKIS roads (Widmung) and municipal networks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sections&lt;/b&gt;: lines are merged through nodes where exactly two lines meet and their class, width, surface, name, bridge, tunnel and access agree, then cut into equal sections of at most the maximum length ({max} m); 0 keeps the input features. Every section carries the attributes of its input feature and its feature id (src_fid).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Teilt ein Straßennetz in Abschnitte und ordnet sie für blau-grüne Klimastraßen (Handlungsziel 03): welche Abschnitte zuerst, wie viele Straßenbäume dort fehlen, wie viel Fläche entsiegelt werden könnte, wie viel Regenwasser das im Jahr zurückhält und wo Hitze und Überflutung am stärksten sind. Geeignet für OpenStreetMap-Straßen (highway oder Geofabrik-fclass), ALKIS/ATKIS-Straßen (Widmung) und kommunale Straßennetze.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Abschnitte&lt;/b&gt;: Linien werden an Knoten, an denen genau zwei Linien zusammentreffen und Klasse, Breite, Belag, Name, Brücke, Tunnel und Zugang übereinstimmen, zusammengeführt und dann in gleich lange Abschnitte von höchstens der Maximallänge ({max} m) geteilt; 0 behält die Objekte der Eingabe bei. Jeder Abschnitt trägt die Attribute und die Objekt-ID (src_fid) seines Eingabeobjekts.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Excluded&lt;/b&gt; (class X, no rank): geom_empty, motorway (and links), rail, tunnel, bridge, private (access field), short (under {min_len} m), too_narrow (street space under {min_w} m: no tree site beside the traffic). &lt;b&gt;Caveats&lt;/b&gt;: class_unknown (NULL or unknown road class: the typical values of a residential street, counted in a warning), width_from_class, surface_assumed (asphalt), no_tree_space (the surplus width holds no {strip} m tree strip or not the tree pits of the gap), heat_nodata, rain_nodata, infil_unknown, altlast, parking_realloc.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ausgeschlossen&lt;/b&gt; (Klasse X, kein Rang): geom_empty, motorway (Autobahn und Anschlüsse), rail, tunnel, bridge, private (Zugangsfeld), short (unter {min_len} m), too_narrow (Straßenraum unter {min_w} m: kein Baumstandort neben dem Verkehr). &lt;b&gt;Hinweise&lt;/b&gt;: class_unknown (Straßenklasse NULL oder unbekannt: typische Werte einer Wohnstraße, in einer Warnung gezählt), width_from_class, surface_assumed (Asphalt), no_tree_space (die Überbreite reicht nicht für einen Baumstreifen von {strip} m oder nicht für die Baumgruben der Lücke), heat_nodata, rain_nodata, infil_unknown, altlast, parking_realloc.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Water and trees&lt;/b&gt;: runoff_red_m3a = precipitation / 1000 × unseal_m2 × (C_m of the surface − C_m of a planting bed), after DWA-A 138-1 Tab. 9 (resources/surfaces.csv: asphalt 0.9, paving 0.7, bed 0.1; OSM surface values mapped in resources/street_surfaces_osm.csv). Precipitation: {precip} mm/a by default, an assumption: set your local value. New trees are counted in tree pits of {pit} m³ and {depth} m depth (FLL), {area} m² each.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Wasser und Bäume&lt;/b&gt;: runoff_red_m3a = Niederschlag / 1000 × unseal_m2 × (C_m des Belags − C_m eines Pflanzbeets) nach DWA-A 138-1 Tab. 9 (resources/surfaces.csv: Asphalt 0,9, Pflaster 0,7, Beet 0,1; OSM-Belagswerte zugeordnet in resources/street_surfaces_osm.csv). Niederschlag: {precip} mm/a als Vorgabe, eine Annahme: den örtlichen Wert einsetzen. Neue Bäume werden in Baumgruben von {pit} m³ und {depth} m Tiefe (FLL) gerechnet, je {area} m².&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Fields left empty are found by name: road class ({cls}), width ({width}), surface ({surface}), bridge ({bridge}), tunnel ({tunnel}), access ({access}); tree count ({count}).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Leer gelassene Felder werden nach Namen gesucht: Straßenklasse ({cls}), Breite ({width}), Belag ({surface}), Brücke ({bridge}), Tunnel ({tunnel}), Zugang ({access}); Anzahl Bäume ({count}).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Where given, the width of each section is measured across it on these polygons (median of three transects) instead of taken from a field or the road class.</source>
            <translation>Wo angegeben, wird die Breite jedes Abschnitts quer zu ihm auf diesen Polygonen gemessen (Median aus drei Querschnitten), statt sie einem Feld oder der Straßenklasse zu entnehmen.</translation>
        </message>
        <message>
            <source>Where houses stand closer than the typical width of a road class, the free width between them is used instead; a width field is never changed.</source>
            <translation>Wo Gebäude enger stehen als die typische Breite einer Straßenklasse, wird stattdessen der freie Abstand zwischen ihnen verwendet; ein Breitenfeld wird nie verändert.</translation>
        </message>
        <message>
            <source>Lines are merged where exactly two meet with equal attributes and cut into equal sections no longer than this.</source>
            <translation>Linien werden zusammengeführt, wo genau zwei mit gleichen Attributen zusammentreffen, und in gleich lange Abschnitte geteilt, die nicht länger als dieser Wert sind.</translation>
        </message>
        <message>
            <source>Each tree counts once, for the nearest section whose street space (half the width plus 1 m) holds it. Without this layer the tree gap is left out.</source>
            <translation>Jeder Baum zählt einmal, für den nächstgelegenen Abschnitt, in dessen Straßenraum (halbe Breite plus 1 m) er steht. Ohne diesen Layer bleibt die Baumlücke unberücksichtigt.</translation>
        </message>
        <message>
            <source>Crown size for the orientation value (assumption, still to be agreed under HZ 03)</source>
            <translation>Kronengröße für den Orientierungswert (Annahme, nach HZ 03 noch festzulegen)</translation>
        </message>
        <message>
            <source>This share of the typical parking lanes of a road class (2.0 m each) counts as unsealable; 0 = no reallocation (the default).</source>
            <translation>Dieser Anteil der typischen Parkstreifen einer Straßenklasse (je 2,0 m) gilt als entsiegelbar; 0 = keine Umwidmung (Vorgabe).</translation>
        </message>
        <message>
            <source>Shortest section to score (m)</source>
            <translation>Mindestlänge eines bewerteten Abschnitts (m)</translation>
        </message>
        <message>
            <source>Narrowest street space for tree sites (m)</source>
            <translation>Mindestbreite des Straßenraums für Baumstandorte (m)</translation>
        </message>
        <message>
            <source>Width of a tree strip (m)</source>
            <translation>Breite eines Baumstreifens (m)</translation>
        </message>
        <message>
            <source>Orientation value, trees per 100 m and side (0 = by crown size)</source>
            <translation>Orientierungswert, Bäume je 100 m und Straßenseite (0 = nach Kronengröße)</translation>
        </message>
        <message>
            <source>Road-class table (CSV like resources/road_classes.csv; empty = shipped)</source>
            <translation>Tabelle der Straßenklassen (CSV wie resources/road_classes.csv; leer = mitgelieferte)</translation>
        </message>
        <message>
            <source>Unsealable area of the scored sections (m²)</source>
            <translation>Entsiegelbare Fläche der bewerteten Abschnitte (m²)</translation>
        </message>
        <message>
            <source>Runoff reduction of the scored sections (m³/a)</source>
            <translation>Abflussminderung der bewerteten Abschnitte (m³/a)</translation>
        </message>
        <message>
            <source>Trees missing in the scored sections</source>
            <translation>Fehlende Bäume in den bewerteten Abschnitten</translation>
        </message>
        <message>
            <source>The input has no road class field: every section is treated as a residential street (flag class_unknown). Choose CLASS_FIELD if the layer has one under another name.</source>
            <translation>Die Eingabe hat kein Feld für die Straßenklasse: jeder Abschnitt wird als Wohnstraße gerechnet (Kennzeichen class_unknown). CLASS_FIELD wählen, wenn der Layer ein solches Feld unter anderem Namen hat.</translation>
        </message>
        <message>
            <source>mean heavy-rain flood depth in the street space (the line buffered by half its width), 0 m → 0, {depth} m and deeper → 1 (Essen's top class); a finer raster is first averaged to {cell} m cells.</source>
            <translation>mittlere Überflutungstiefe bei Starkregen im Straßenraum (die Linie, gepuffert um die halbe Breite), 0 m → 0, {depth} m und tiefer → 1 (höchste Klasse der Essener Starkregenkarte); ein feineres Raster wird zuerst auf Zellen von {cell} m gemittelt.</translation>
        </message>
        <message>
            <source>distance from the section to the nearest public green space of at least {ha} ha (GALK): 0 next to it, 1 at {dist} m or farther (3-30-300 rule). c_green ≥ 0.5 serves HZ 01 (green supply), as c_heat ≥ 0.5 does.</source>
            <translation>Entfernung des Abschnitts zur nächsten öffentlichen Grünfläche von mindestens {ha} ha (GALK): 0 direkt daneben, 1 ab {dist} m Entfernung (3-30-300-Regel). c_green ≥ 0,5 dient HZ 01 (Grünversorgung), ebenso c_heat ≥ 0,5.</translation>
        </message>
        <message>
            <source>missing share of the orientation value for street trees, 1 = no tree. Trees count within half the width plus {margin} m of a section, each once for its nearest section, with the count field of registers that hold one point per planting measure (filter a register to the trees that stand, e.g. plantings without fellings, before the run). Orientation value: {medium} trees per 100 m and planted side for medium crowns ({large} large, {small} small; spacing 12–15 / 8–12 / 6–8 m), both sides from {two} m width. These values are assumptions: HZ 03 says they are still to be agreed. On main roads c_trees ≥ 0.5 serves HZ 18.</source>
            <translation>fehlender Anteil am Orientierungswert für Straßenbäume, 1 = kein Baum. Bäume zählen innerhalb der halben Breite plus {margin} m um einen Abschnitt, jeder einmal für den nächstgelegenen Abschnitt, mit dem Anzahlfeld von Katastern, die einen Punkt je Pflanzmaßnahme führen (ein Kataster vorher auf die stehenden Bäume filtern, z. B. Pflanzungen ohne Fällungen). Orientierungswert: {medium} Bäume je 100 m und bepflanzter Straßenseite bei mittelgroßen Kronen ({large} große, {small} kleine; Abstand 12–15 / 8–12 / 6–8 m), beidseitig ab {two} m Breite. Diese Werte sind Annahmen: nach HZ 03 sind sie noch gemeinsam festzulegen. An Hauptverkehrsstraßen dient c_trees ≥ 0,5 HZ 18.</translation>
        </message>
        <message>
            <source>unsealable share of the street space, full at {full} %. Unsealable area = (width − required cross-section of the road category + reallocated parking lanes × {lane} m) × length, at most the sealed area. Widths, required cross-sections (RASt 06 carriageways plus {foot} m footways), sealed shares and parking lanes by road class are in resources/road_classes.csv, each row with its source; replace it with your own table (ROAD_CLASSES). Reallocating parking lanes (HZ 25) is off by default.</source>
            <translation>entsiegelbarer Anteil am Straßenraum, voll erfüllt ab {full} %. Entsiegelbare Fläche = (Breite − erforderlicher Querschnitt der Straßenkategorie + umgewidmete Parkstreifen × {lane} m) × Länge, höchstens die versiegelte Fläche. Breiten, erforderliche Querschnitte (Fahrbahnen nach RASt 06 plus Gehwege von {foot} m), Versiegelungsanteile und Parkstreifen je Straßenklasse stehen in resources/road_classes.csv, jede Zeile mit Quelle; durch eine eigene Tabelle ersetzbar (ROAD_CLASSES). Die Umwidmung von Parkstreifen (HZ 25) ist als Vorgabe ausgeschaltet.</translation>
        </message>
        <message>
            <source>1 where infiltration is possible: kf ≥ {kf} m/s (DWA-A 138-1 Tab. 14, Mulden and Rigolen) and at least {gw} m to the groundwater, not on an Altlast or suspected site; 0 where a value fails; left out (unknown) without the soil and groundwater layers.</source>
            <translation>1, wo Versickerung möglich ist: kf ≥ {kf} m/s (DWA-A 138-1 Tab. 14, Mulden und Rigolen) und mindestens {gw} m Abstand zum Grundwasser, nicht auf einer Altlast oder altlastverdächtigen Fläche; 0, wo ein Wert nicht reicht; ohne Boden- und Grundwasser-Layer ausgelassen (unknown).</translation>
        </message>
        <message>
            <source>Fields used: road class = {cls}, width = {width}, surface = {surface}, bridge = {bridge}, tunnel = {tunnel}, access = {access}.</source>
            <translation>Verwendete Felder: Straßenklasse = {cls}, Breite = {width}, Belag = {surface}, Brücke = {bridge}, Tunnel = {tunnel}, Zugang = {access}.</translation>
        </message>
        <message>
            <source>No tree of the tree layer stands in the street space of any section (do the layers cover the same area?): every section counts as without trees.</source>
            <translation>Kein Baum des Baum-Layers steht im Straßenraum eines Abschnitts (decken die Layer dasselbe Gebiet ab?): jeder Abschnitt gilt als ohne Bäume.</translation>
        </message>
        <message>
            <source>{n} sections have no usable width: the typical width of their road class is used (flag width_from_class).</source>
            <translation>{n} Abschnitte haben keine verwendbare Breite: die typische Breite ihrer Straßenklasse wird verwendet (Kennzeichen width_from_class).</translation>
        </message>
        <message>
            <source>{n} sections have no known surface: asphalt is assumed (flag surface_assumed).</source>
            <translation>{n} Abschnitte haben keinen bekannten Belag: Asphalt wird angenommen (Kennzeichen surface_assumed).</translation>
        </message>
        <message>
            <source>{n} sections have no value for the thermal load (flag heat_nodata); their weights are renormalised.</source>
            <translation>{n} Abschnitte haben keine Angabe zur thermischen Belastung (Kennzeichen heat_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>{n} sections have no heavy-rain value (flag rain_nodata); their weights are renormalised.</source>
            <translation>{n} Abschnitte haben keinen Starkregenwert (Kennzeichen rain_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>Scored sections: {unseal:.0f} m² unsealable, {runoff:.0f} m³/a less runoff, {gap:.0f} trees missing.</source>
            <translation>Bewertete Abschnitte: {unseal:.0f} m² entsiegelbar, {runoff:.0f} m³/a weniger Abfluss, {gap:.0f} fehlende Bäume.</translation>
        </message>
        <message>
            <source>large (7.5 trees per 100 m and side)</source>
            <translation>groß (7,5 Bäume je 100 m und Seite)</translation>
        </message>
        <message>
            <source>medium (10 trees per 100 m and side)</source>
            <translation>mittel (10 Bäume je 100 m und Seite)</translation>
        </message>
        <message>
            <source>small (14 trees per 100 m and side)</source>
            <translation>klein (14 Bäume je 100 m und Seite)</translation>
        </message>
        <message>
            <source>MAX_LENGTH must be 0 (keep the input features) or at least 1 m (it is {value}).</source>
            <translation>MAX_LENGTH muss 0 (Objekte der Eingabe beibehalten) oder mindestens 1 m sein (angegeben: {value}).</translation>
        </message>
        <message>
            <source>by road class</source>
            <translation>nach Straßenklasse</translation>
        </message>
        <message>
            <source>asphalt assumed</source>
            <translation>Asphalt angenommen</translation>
        </message>
        <message>
            <source>The input layer {name} holds polygons or points, not street lines. Choose the street centre lines (OSM roads, ALKIS/ATKIS Straßenachsen); street-space polygons are not an input of this algorithm.</source>
            <translation>Der Eingabelayer {name} enthält Polygone oder Punkte, keine Straßenlinien. Die Straßenachsen wählen (OSM-Straßen, ALKIS/ATKIS-Straßenachsen); Straßenflächen-Polygone sind keine Eingabe dieses Algorithmus.</translation>
        </message>
        <message>
            <source>The input layer {name} has no usable line: {n} features are not lines or have no length. Choose the street centre lines.</source>
            <translation>Der Eingabelayer {name} hat keine verwendbare Linie: {n} Objekte sind keine Linien oder haben keine Länge. Die Straßenachsen wählen.</translation>
        </message>
        <message>
            <source>{n} input features give {m} sections of at most {max} m.</source>
            <translation>{n} Eingabeobjekte ergeben {m} Abschnitte von höchstens {max} m.</translation>
        </message>
        <message>
            <source>Street space: the width of {n} of {m} sections measured on the polygons.</source>
            <translation>Straßenraum: die Breite von {n} der {m} Abschnitte auf den Polygonen gemessen.</translation>
        </message>
        <message>
            <source>Buildings: the free width between them measured at {n} sections (median {m} m).</source>
            <translation>Gebäude: der freie Abstand zwischen ihnen an {n} Abschnitten gemessen (Median {m} m).</translation>
        </message>
        <message>
            <source>Trees: {n} points, {trees} trees by the count field {field}.</source>
            <translation>Bäume: {n} Punkte, {trees} Bäume nach dem Anzahlfeld {field}.</translation>
        </message>
        <message>
            <source>{n} sections have no or an unknown road class ({values}): the typical values of a residential street are used (flag class_unknown). Add the classes to a copy of resources/road_classes.csv and give it as ROAD_CLASSES.</source>
            <translation>{n} Abschnitte haben keine oder eine unbekannte Straßenklasse ({values}): die typischen Werte einer Wohnstraße werden verwendet (Kennzeichen class_unknown). Die Klassen in eine Kopie von resources/road_classes.csv aufnehmen und diese als ROAD_CLASSES angeben.</translation>
        </message>
        <message>
            <source>{n} sections do not lie in a street-space polygon: their width comes from the width field or the road class.</source>
            <translation>{n} Abschnitte liegen in keinem Straßenflächen-Polygon: ihre Breite kommt aus dem Breitenfeld oder der Straßenklasse.</translation>
        </message>
        <message>
            <source>{n} tree points have a negative count in {field}; they count as 0.</source>
            <translation>{n} Baumpunkte haben in {field} eine negative Anzahl; sie zählen als 0.</translation>
        </message>
        <message>
            <source>{n} tree points lie outside every street space and are not counted.</source>
            <translation>{n} Baumpunkte liegen außerhalb jedes Straßenraums und werden nicht gezählt.</translation>
        </message>
        <message>
            <source>The road-class table {path} cannot be used: {err}. Start from a copy of resources/road_classes.csv.</source>
            <translation>Die Tabelle der Straßenklassen {path} ist nicht verwendbar: {err}. Von einer Kopie von resources/road_classes.csv ausgehen.</translation>
        </message>
        <message>
            <source>Target progress per district (Zielfortschritt: HZ 02, 15, 19, 22, Klima.Werk 2040)</source>
            <translation>Zielfortschritt je Stadtteil (HZ 02, 15, 19, 22, Klima.Werk 2040)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Measures, per district (or Raumtyp) polygon, how far the city is from the quantified targets of the Strategie Grüne Infrastruktur, from the layers you give. Target values, years and comparators come from the plugin's Handlungsziele catalogue.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HZ 02&lt;/b&gt;, green flat roofs ≥ 50 % by 2030: a roof layer with a green-roof field and a flat-roof field (or a result of &lt;i&gt;Flat roofs&lt;/i&gt;: flat = slope class 0-5, green = flag green_exists, area = greenable_m2). Two rows: share by area and share by number (the strategy does not say which); the target applies to the inner cities, whose boundary is set locally.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Klima.Werk 2040&lt;/b&gt;, ≥ 25 % of sealed areas disconnected from the sewer: sealed areas with a disconnected field (1/0). A regional target outside the strategy.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 15&lt;/b&gt;, 15 %: legally protected Biotopverbund areas as a share of the district area. This is an interpretation (the strategy's footnote points to § 35 LNatSchG NRW, a share of the land area); every row says so.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 19&lt;/b&gt;, stretches in Gewässerstrukturgüte 5–7 below 45 % (conurbation) or 25 % (outside) by 2030: watercourse lines with a GSG class field, by length.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 22&lt;/b&gt;, forest share ≥ 25 % by 2030: forest polygons (e.g. ALKIS Wald).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Overlapping polygons of a theme layer are counted once; a roof counts in the district that holds a point inside it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: a table with one row per district and target: district, hz, target_id, indicator, observed (%), target (%), comparator, year, met (1/0, empty without data), gap_pp (percentage points still missing), numerator, denominator, basis (m², count, m), note (interpretation), source. The dock's Handlungsziele browser shows the rows of such a table in the project under their Handlungsziel. Optional: a PDF report with a bar chart and the table.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Misst je Stadtteil- (oder Raumtyp-)Polygon, wie weit die Stadt von den quantifizierten Zielen der Strategie Grüne Infrastruktur entfernt ist, aus den angegebenen Layern. Zielwerte, Zieljahre und Vergleichsarten stammen aus dem Handlungszielkatalog des Plugins.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HZ 02&lt;/b&gt;, begrünte Flachdächer ≥ 50 % bis 2030: ein Dachlayer mit einem Gründach- und einem Flachdachfeld (oder ein Ergebnis von &lt;i&gt;Flachdächer&lt;/i&gt;: flach = Neigungsklasse 0-5, begrünt = Kennung green_exists, Fläche = greenable_m2). Zwei Zeilen: Anteil nach Fläche und nach Anzahl (die Strategie sagt nicht, welcher gemeint ist); das Ziel gilt für die Innenstädte, deren Abgrenzung kommunal festzulegen ist.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Klima.Werk 2040&lt;/b&gt;, ≥ 25 % der versiegelten Flächen vom Kanal abgekoppelt: versiegelte Flächen mit einem Feld für die Abkopplung (1/0). Ein regionales Ziel außerhalb der Strategie.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 15&lt;/b&gt;, 15 %: gesetzlich geschützte Flächen im Biotopverbund als Anteil an der Stadtteilfläche. Das ist eine Auslegung (die Fußnote der Strategie verweist auf § 35 LNatSchG NRW, einen Anteil an der Landesfläche); jede Zeile sagt das.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 19&lt;/b&gt;, Gewässerstrecken in Gewässerstrukturgüte 5–7 unter 45 % (Ballungsraum) bzw. 25 % (außerhalb) bis 2030: Gewässerlinien mit einem Feld der Strukturgüteklasse, nach Länge.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HZ 22&lt;/b&gt;, Waldanteil ≥ 25 % bis 2030: Waldpolygone (z. B. ALKIS Wald).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Überlappende Polygone eines Themenlayers zählen einmal; ein Dach zählt in dem Stadtteil, der einen Punkt in seinem Inneren enthält.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausgabe&lt;/b&gt;: eine Tabelle mit einer Zeile je Stadtteil und Ziel: district, hz, target_id, indicator, observed (%), target (%), comparator, year, met (1/0, leer ohne Daten), gap_pp (noch fehlende Prozentpunkte), numerator, denominator, basis (m², Anzahl, m), note (Auslegung), source. Der Handlungsziel-Browser im Dock zeigt die Zeilen einer solchen Tabelle im Projekt unter ihrem Handlungsziel. Optional: ein PDF-Bericht mit Balkendiagramm und Tabelle.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Target progress per district</source>
            <translation>Zielfortschritt je Stadtteil</translation>
        </message>
        <message>
            <source>targets,progress,Zielfortschritt,district,green roof,forest share,disconnection,HZ 02,HZ 15,HZ 19,HZ 22</source>
            <translation>Ziele,Fortschritt,Zielfortschritt,Stadtteil,Gründach,Waldanteil,Abkopplung,HZ 02,HZ 15,HZ 19,HZ 22</translation>
        </message>
        <message>
            <source>Districts (polygons)</source>
            <translation>Stadtteile (Polygone)</translation>
        </message>
        <message>
            <source>District name field (empty = find by name)</source>
            <translation>Feld Stadtteilname (leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Flat roof field (1/0; empty = find by name)</source>
            <translation>Feld Flachdach (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Green roof field (1/0; empty = find by name)</source>
            <translation>Feld Gründach (1/0; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>Roof area field, m² (empty = polygon area)</source>
            <translation>Feld Dachfläche, m² (leer = Polygonfläche)</translation>
        </message>
        <message>
            <source>Sealed areas (polygons with a disconnected field)</source>
            <translation>Versiegelte Flächen (Polygone mit einem Feld für die Abkopplung)</translation>
        </message>
        <message>
            <source>Legally protected areas in the Biotopverbund (polygons)</source>
            <translation>Gesetzlich geschützte Flächen im Biotopverbund (Polygone)</translation>
        </message>
        <message>
            <source>Watercourses (lines with a Gewässerstrukturgüte class)</source>
            <translation>Fließgewässer (Linien mit einer Gewässerstrukturgüteklasse)</translation>
        </message>
        <message>
            <source>Gewässerstrukturgüte class field (1–7; empty = find by name)</source>
            <translation>Feld Gewässerstrukturgüteklasse (1–7; leer = nach Namen suchen)</translation>
        </message>
        <message>
            <source>HZ 19 target for these districts</source>
            <translation>HZ-19-Ziel für diese Stadtteile</translation>
        </message>
        <message>
            <source>Target progress</source>
            <translation>Zielfortschritt</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <source>Targets met</source>
            <translation>Erreichte Ziele</translation>
        </message>
        <message>
            <source>No theme layer given: choose at least one of roofs, sealed areas, forest, protected Biotopverbund areas or watercourses.</source>
            <translation>Kein Themenlayer angegeben: Wählen Sie mindestens einen der Layer Dächer, versiegelte Flächen, Wald, geschützte Biotopverbundflächen oder Fließgewässer.</translation>
        </message>
        <message>
            <source>No district name field found: districts are named by their feature id.</source>
            <translation>Kein Feld für den Stadtteilnamen gefunden: Die Stadtteile werden nach ihrer Objekt-ID benannt.</translation>
        </message>
        <message>
            <source>Roofs: a Flat roofs result (flat = slope class 0-5, green = flag green_exists, area = greenable_m2).</source>
            <translation>Dächer: ein Ergebnis von Flachdächer (flach = Neigungsklasse 0-5, begrünt = Kennung green_exists, Fläche = greenable_m2).</translation>
        </message>
        <message>
            <source>Bars: the observed share per district; the black mark: the target. Green = met, red = not met, grey = no data.</source>
            <translation>Balken: der beobachtete Anteil je Stadtteil; die schwarze Marke: das Ziel. Grün = erreicht, rot = nicht erreicht, grau = keine Daten.</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Stadtteil</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Observed</source>
            <translation>Ist</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Missing (pp)</source>
            <translation>Fehlend (Pp.)</translation>
        </message>
        <message>
            <source>Basis</source>
            <translation>Bezug</translation>
        </message>
        <message>
            <source>Interpretations and sources</source>
            <translation>Auslegungen und Quellen</translation>
        </message>
        <message>
            <source>Roofs (polygons, or a Flat roofs result)</source>
            <translation>Dächer (Polygone oder ein Ergebnis von Flachdächer)</translation>
        </message>
        <message>
            <source>The sealed-area layer has no disconnected field (1/0): the disconnection target is left out.</source>
            <translation>Der Layer der versiegelten Flächen hat kein Feld für die Abkopplung (1/0): Das Abkopplungsziel bleibt unberücksichtigt.</translation>
        </message>
        <message>
            <source>The watercourse layer has no Gewässerstrukturgüte field: the HZ 19 target is left out.</source>
            <translation>Der Gewässerlayer hat kein Feld für die Gewässerstrukturgüte: Das Ziel von HZ 19 bleibt unberücksichtigt.</translation>
        </message>
        <message>
            <source>{n} rows; {m} targets met.</source>
            <translation>{n} Zeilen; {m} Ziele erreicht.</translation>
        </message>
        <message>
            <source>The roof layer has no green-roof field (1/0) and is no Flat roofs result: the HZ 02 target is left out.</source>
            <translation>Der Dachlayer hat kein Gründachfeld (1/0) und ist kein Ergebnis von Flachdächer: Das Ziel von HZ 02 bleibt unberücksichtigt.</translation>
        </message>
        <message>
            <source>The roof layer has no flat-roof field: every roof counts as a flat roof.</source>
            <translation>Der Dachlayer hat kein Flachdachfeld: Jedes Dach zählt als Flachdach.</translation>
        </message>
        <message>
            <source>conurbation (below 45 %)</source>
            <translation>Ballungsraum (unter 45 %)</translation>
        </message>
        <message>
            <source>outside the conurbation (below 25 %)</source>
            <translation>außerhalb des Ballungsraums (unter 25 %)</translation>
        </message>
        <message>
            <source>Layer {name} ({param}) has no usable features; its target is left out.</source>
            <translation>Layer {name} ({param}) hat keine nutzbaren Objekte; sein Ziel bleibt unberücksichtigt.</translation>
        </message>
        <message>
            <source>The district layer {name} has no features. Choose a layer with district polygons.</source>
            <translation>Der Stadtteillayer {name} hat keine Objekte. Wählen Sie einen Layer mit Stadtteilpolygonen.</translation>
        </message>
        <message>
            <source>met</source>
            <translation>erreicht</translation>
        </message>
        <message>
            <source>Target progress: {name}</source>
            <translation>Zielfortschritt: {name}</translation>
        </message>
        <message>
            <source>Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin · {date}</source>
            <translation>Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin · {date}</translation>
        </message>
        <message>
            <source>Target progress {name}</source>
            <translation>Zielfortschritt {name}</translation>
        </message>
        <message>
            <source>The chart shows the first {n} of {m} rows; the table has all.</source>
            <translation>Das Diagramm zeigt die ersten {n} von {m} Zeilen; die Tabelle enthält alle.</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>nicht erreicht</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>keine Daten</translation>
        </message>
        <message>
            <source>(by number)</source>
            <translation>(nach Anzahl)</translation>
        </message>
        <message>
            <source>{n} watercourse stretches have no Gewässerstrukturgüte class 1–7 and are left out.</source>
            <translation>{n} Gewässerstrecken haben keine Gewässerstrukturgüteklasse 1–7 und bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <source>recycling</source>
            <translation>Recycling</translation>
        </message>
        <message>
            <source>protect</source>
            <translation>Schutz</translation>
        </message>
        <message>
            <source>compensation pool</source>
            <translation>Kompensationspool</translation>
        </message>
        <message>
            <source>to be checked</source>
            <translation>zu prüfen</translation>
        </message>
        <message>
            <source>biotope value</source>
            <translation>Biotopwert</translation>
        </message>
        <message>
            <source>settlement area</source>
            <translation>Siedlungsbereich</translation>
        </message>
        <message>
            <source>Biotopverbund</source>
            <translation>Biotopverbund</translation>
        </message>
        <message>
            <source>protected areas</source>
            <translation>Schutzgebiete</translation>
        </message>
        <message>
            <source>regional green corridors</source>
            <translation>Regionale Grünzüge</translation>
        </message>
        <message>
            <source>stops</source>
            <translation>Haltestellen</translation>
        </message>
        <message>
            <source>Altlasten status</source>
            <translation>Altlastenstatus</translation>
        </message>
        <message>
            <source>forest</source>
            <translation>Wald</translation>
        </message>
        <message>
            <source>Klimaanalyse</source>
            <translation>Klimaanalyse</translation>
        </message>
        <message>
            <source>compensation sites</source>
            <translation>Kompensationsflächen</translation>
        </message>
        <message>
            <source>parks</source>
            <translation>Parks</translation>
        </message>
        <message>
            <source>recycling: develop and compensate nearby</source>
            <translation>Recycling: entwickeln und ortsnah ausgleichen</translation>
        </message>
        <message>
            <source>protect as green infrastructure</source>
            <translation>als Grüne Infrastruktur schützen</translation>
        </message>
        <message>
            <source>compensation pool candidate</source>
            <translation>Kandidat für den Kompensationspool</translation>
        </message>
        <message>
            <source>to be checked: no direction is clear</source>
            <translation>zu prüfen: keine Richtung eindeutig</translation>
        </message>
        <message>
            <source>to be checked: {a} or {b}</source>
            <translation>zu prüfen: {a} oder {b}</translation>
        </message>
        <message>
            <source>no usable geometry (excluded)</source>
            <translation>keine verwendbare Geometrie (ausgeschlossen)</translation>
        </message>
        <message>
            <source>less than {min} m² (excluded)</source>
            <translation>kleiner als {min} m² (ausgeschlossen)</translation>
        </message>
        <message>
            <source>protected area or biotope (§ 30 BNatSchG / § 42 LNatSchG NRW)</source>
            <translation>Schutzgebiet oder geschütztes Biotop (§ 30 BNatSchG / § 42 LNatSchG NRW)</translation>
        </message>
        <message>
            <source>Biotopverbund Stufe I</source>
            <translation>Biotopverbund Stufe I</translation>
        </message>
        <message>
            <source>Biotopverbund Stufe II</source>
            <translation>Biotopverbund Stufe II</translation>
        </message>
        <message>
            <source>links {k} Biotopverbund areas</source>
            <translation>verbindet {k} Biotopverbundflächen</translation>
        </message>
        <message>
            <source>borders a Biotopverbund area</source>
            <translation>grenzt an eine Biotopverbundfläche</translation>
        </message>
        <message>
            <source>in a regional green corridor</source>
            <translation>im Regionalen Grünzug</translation>
        </message>
        <message>
            <source>in a settlement area (ASB/GIB)</source>
            <translation>im Siedlungsbereich (ASB/GIB)</translation>
        </message>
        <message>
            <source>outside the settlement areas</source>
            <translation>außerhalb der Siedlungsbereiche</translation>
        </message>
        <message>
            <source>stop at {d} m</source>
            <translation>Haltestelle in {d} m</translation>
        </message>
        <message>
            <source>no stop within {d} m</source>
            <translation>keine Haltestelle im Umkreis von {d} m</translation>
        </message>
        <message>
            <source>cold-air area</source>
            <translation>Kaltluftgebiet</translation>
        </message>
        <message>
            <source>biotope value {now}</source>
            <translation>Biotopwert {now}</translation>
        </message>
        <message>
            <source>biotope value {now} → {target}</source>
            <translation>Biotopwert {now} → {target}</translation>
        </message>
        <message>
            <source>biotope value about {now} (from the sealed share) → {target}</source>
            <translation>Biotopwert etwa {now} (aus dem Versiegelungsanteil) → {target}</translation>
        </message>
        <message>
            <source>{pts} eco-points</source>
            <translation>{pts} Ökopunkte</translation>
        </message>
        <message>
            <source>pool group {g} with {pts} eco-points</source>
            <translation>Poolgruppe {g} mit {pts} Ökopunkten</translation>
        </message>
        <message>
            <source>recycling {r} · protection {s} · pool {p}</source>
            <translation>Recycling {r} · Schutz {s} · Pool {p}</translation>
        </message>
        <message>
            <source>§ 1a (3) BauGB: no compensation for interventions made or permitted before</source>
            <translation>§ 1a Abs. 3 BauGB: kein Ausgleich für bereits erfolgte oder zulässige Eingriffe</translation>
        </message>
        <message>
            <source>§ 13a (2) No. 4 BauGB: no compensation due</source>
            <translation>§ 13a Abs. 2 Nr. 4 BauGB: kein Ausgleich erforderlich</translation>
        </message>
        <message>
            <source>§ 13a BauGB, but 20,000 m² or more: check the ground area</source>
            <translation>§ 13a BauGB, aber 20.000 m² oder mehr: Grundfläche prüfen</translation>
        </message>
        <message>
            <source>may be forest in law: conversion permit and replacement</source>
            <translation>kann Wald im Rechtssinn sein: Waldumwandlungsgenehmigung und Ersatzaufforstung</translation>
        </message>
        <message>
            <source>species protection assessment (ASP) needed</source>
            <translation>Artenschutzprüfung (ASP) erforderlich</translation>
        </message>
        <message>
            <source>protected species known</source>
            <translation>planungsrelevante Arten bekannt</translation>
        </message>
        <message>
            <source>Altlast</source>
            <translation>Altlast</translation>
        </message>
        <message>
            <source>suspected contamination</source>
            <translation>altlastverdächtig</translation>
        </message>
        <message>
            <source>overlaps another brownfield</source>
            <translation>überlagert eine andere Brache</translation>
        </message>
        <message>
            <source>biotope type not in the table</source>
            <translation>Biotoptyp nicht in der Liste</translation>
        </message>
        <message>
            <source>biotope value outside 0–10 (ignored)</source>
            <translation>Biotopwert außerhalb von 0–10 (nicht verwendet)</translation>
        </message>
        <message>
            <source>not known: {what}</source>
            <translation>nicht bekannt: {what}</translation>
        </message>
        <message>
            <source>no criterion could be evaluated</source>
            <translation>kein Kriterium auswertbar</translation>
        </message>
        <message>
            <source>Brownfields: recycling, protection or compensation pool</source>
            <translation>Brachflächen: Recycling, Schutz oder Kompensationspool</translation>
        </message>
        <message>
            <source>brownfield</source>
            <translation>Brache</translation>
        </message>
        <message>
            <source>protected area or biotope</source>
            <translation>Schutzgebiet oder geschütztes Biotop</translation>
        </message>
        <message>
            <source>§ 1a (3) BauGB: no compensation for earlier lawful use</source>
            <translation>§ 1a Abs. 3 BauGB: kein Ausgleich für zulässige Vornutzung</translation>
        </message>
        <message>
            <source>§ 13a BauGB over 20,000 m²: check the ground area</source>
            <translation>§ 13a BauGB über 20.000 m²: Grundfläche prüfen</translation>
        </message>
        <message>
            <source>may be forest: conversion permit and replacement</source>
            <translation>möglicherweise Wald: Umwandlungsgenehmigung und Ersatzaufforstung</translation>
        </message>
        <message>
            <source>species protection assessment needed</source>
            <translation>Artenschutzprüfung erforderlich</translation>
        </message>
        <message>
            <source>contaminated site (Altlast)</source>
            <translation>Altlast</translation>
        </message>
        <message>
            <source>conflicting directions</source>
            <translation>Zielkonflikt</translation>
        </message>
        <message>
            <source>biotope value unknown</source>
            <translation>Biotopwert unbekannt</translation>
        </message>
        <message>
            <source>biotope value estimated from sealing</source>
            <translation>Biotopwert aus der Versiegelung geschätzt</translation>
        </message>
        <message>
            <source>biotope value outside 0–10</source>
            <translation>Biotopwert außerhalb von 0–10</translation>
        </message>
        <message>
            <source>Weighted mean of low biotope value (1 up to 3 points, 0 from 6), location in a settlement area (ASB/GIB), a stop within 300–1,000 m, size (full at 5,000 m², Flächenpool NRW) and public ownership; × 0.85 where contamination is suspected, × 0.7 on an Altlast.</source>
            <translation>Gewichtetes Mittel aus niedrigem Biotopwert (1 bis 3 Punkte, 0 ab 6), Lage im Siedlungsbereich (ASB/GIB), einer Haltestelle in 300–1.000 m, Größe (voll ab 5.000 m², Flächenpool NRW) und öffentlichem Eigentum; × 0,85 bei Altlastverdacht, × 0,7 bei einer Altlast.</translation>
        </message>
        <message>
            <source>protection</source>
            <translation>Schutz</translation>
        </message>
        <message>
            <source>1 − Π(1 − signal): protected area or biotope 1, Biotopverbund Stufe I 0.9 / II 0.6, biotope value (0.8 from 6 points), known species 0.7, woodland 0.6, regional green corridor 0.5, cold air 0.4.</source>
            <translation>1 − Π(1 − Signal): Schutzgebiet oder geschütztes Biotop 1, Biotopverbund Stufe I 0,9 / II 0,6, Biotopwert (0,8 ab 6 Punkten), bekannte Arten 0,7, Gehölz/Wald 0,6, Regionaler Grünzug 0,5, Kaltluft 0,4.</translation>
        </message>
        <message>
            <source>Weighted mean of the uplift to the planned value (full at 4 points per m²), location outside the settlement area (Regionalplan Ruhr 1.1-5), green corridor or Biotopverbund links, size (full at 1 ha), nearby compensation sites and public ownership.</source>
            <translation>Gewichtetes Mittel aus der Aufwertung zum Planwert (voll ab 4 Punkten je m²), Lage außerhalb des Siedlungsbereichs (Regionalplan Ruhr 1.1-5), Grünzug oder Verbindung von Biotopverbundflächen, Größe (voll ab 1 ha), nahen Kompensationsflächen und öffentlichem Eigentum.</translation>
        </message>
        <message>
            <source>category</source>
            <translation>Kategorie</translation>
        </message>
        <message>
            <source>area</source>
            <translation>Fläche</translation>
        </message>
        <message>
            <source>biotope value now</source>
            <translation>Biotopwert heute</translation>
        </message>
        <message>
            <source>planned biotope value</source>
            <translation>Planwert des Biotops</translation>
        </message>
        <message>
            <source>uplift per m²</source>
            <translation>Aufwertung je m²</translation>
        </message>
        <message>
            <source>eco-points</source>
            <translation>Ökopunkte</translation>
        </message>
        <message>
            <source>pool group</source>
            <translation>Poolgruppe</translation>
        </message>
        <message>
            <source>eco-points of the pool group</source>
            <translation>Ökopunkte der Poolgruppe</translation>
        </message>
        <message>
            <source>the design has no roof surfaces</source>
            <translation>der Entwurf hat keine Dachflächen</translation>
        </message>
        <message>
            <source>no street edge given</source>
            <translation>keine Straßenkante angegeben</translation>
        </message>
        <message>
            <source>no existing state given</source>
            <translation>kein Bestand angegeben</translation>
        </message>
        <message>
            <source>the existing state is given as biotope types, without surface codes</source>
            <translation>der Bestand ist als Biotoptypen angegeben, ohne Oberflächencodes</translation>
        </message>
        <message>
            <source>no field says which surfaces are disconnected</source>
            <translation>kein Feld gibt an, welche Flächen abgekoppelt sind</translation>
        </message>
        <message>
            <source>the design has no sealed surfaces</source>
            <translation>der Entwurf hat keine versiegelten Flächen</translation>
        </message>
        <message>
            <source>befestigte Fläche not above the threshold: no Überflutungsnachweis required</source>
            <translation>befestigte Fläche nicht über dem Schwellenwert: kein Überflutungsnachweis erforderlich</translation>
        </message>
        <message>
            <source>no usable design area</source>
            <translation>keine nutzbare Entwurfsfläche</translation>
        </message>
        <message>
            <source>no biotope value for the design</source>
            <translation>kein Biotopwert für den Entwurf</translation>
        </message>
        <message>
            <source>Green share of the roof area</source>
            <translation>Gründachanteil der Dachfläche</translation>
        </message>
        <message>
            <source>Trees per 100 m of street edge</source>
            <translation>Bäume je 100 m Straßenkante</translation>
        </message>
        <message>
            <source>Sealed share (buildings and paved surfaces)</source>
            <translation>Versiegelungsanteil (Gebäude und befestigte Flächen)</translation>
        </message>
        <message>
            <source>Sealed area compared with the existing state</source>
            <translation>Versiegelte Fläche im Vergleich zum Bestand</translation>
        </message>
        <message>
            <source>Annual runoff share</source>
            <translation>Jährlicher Abflussanteil</translation>
        </message>
        <message>
            <source>Sealed area disconnected from the sewer</source>
            <translation>Vom Kanal abgekoppelte versiegelte Fläche</translation>
        </message>
        <message>
            <source>Rain kept on site, gain over the existing state</source>
            <translation>Auf dem Grundstück zurückgehaltener Regen, Zunahme gegenüber dem Bestand</translation>
        </message>
        <message>
            <source>Biotope value balance (Planung − Bestand)</source>
            <translation>Biotopwertbilanz (Planung − Bestand)</translation>
        </message>
        <message>
            <source>Retention volume of the Überflutungsnachweis (DIN 1986-100 Gl. 20)</source>
            <translation>Rückhaltevolumen des Überflutungsnachweises (DIN 1986-100 Gl. 20)</translation>
        </message>
        <message>
            <source>flat roof 0–5°</source>
            <translation>Flachdach 0–5°</translation>
        </message>
        <message>
            <source>roof slope 5–15°</source>
            <translation>Dachneigung 5–15°</translation>
        </message>
        <message>
            <source>roof slope 15–30°</source>
            <translation>Dachneigung 15–30°</translation>
        </message>
        <message>
            <source>roof slope 30–45°</source>
            <translation>Dachneigung 30–45°</translation>
        </message>
        <message>
            <source>roof slope over 45°</source>
            <translation>Dachneigung über 45°</translation>
        </message>
        <message>
            <source>no roof surface up to {max}° (excluded)</source>
            <translation>keine Dachfläche bis {max}° (ausgeschlossen)</translation>
        </message>
        <message>
            <source>roof slope unknown</source>
            <translation>Dachneigung unbekannt</translation>
        </message>
        <message>
            <source>flat roof by roof type (slope not given)</source>
            <translation>Flachdach laut Dachform (Neigung nicht angegeben)</translation>
        </message>
        <message>
            <source>{area} m² greenable</source>
            <translation>{area} m² begrünbare Dachfläche</translation>
        </message>
        <message>
            <source>less than {min} m² greenable (excluded)</source>
            <translation>weniger als {min} m² begrünbare Dachfläche (ausgeschlossen)</translation>
        </message>
        <message>
            <source>listed building: permit under monument law needed</source>
            <translation>Baudenkmal – denkmalrechtliche Erlaubnis erforderlich</translation>
        </message>
        <message>
            <source>green roof already there (excluded)</source>
            <translation>bereits begrünt (ausgeschlossen)</translation>
        </message>
        <message>
            <source>high heat load</source>
            <translation>hohe Hitzebelastung</translation>
        </message>
        <message>
            <source>moderate heat load</source>
            <translation>mittlere Hitzebelastung</translation>
        </message>
        <message>
            <source>low heat load</source>
            <translation>geringe Hitzebelastung</translation>
        </message>
        <message>
            <source>no heat value</source>
            <translation>keine Angabe zur thermischen Belastung</translation>
        </message>
        <message>
            <source>building {height} m high: less heat benefit at street level</source>
            <translation>Gebäude {height} m hoch: geringere Kühlwirkung im Straßenraum</translation>
        </message>
        <message>
            <source>water depth {depth} m nearby</source>
            <translation>mittlere Überflutungstiefe {depth} m im Umfeld</translation>
        </message>
        <message>
            <source>no heavy-rain water nearby</source>
            <translation>im Umfeld keine Überflutung bei Starkregen</translation>
        </message>
        <message>
            <source>no heavy-rain data nearby</source>
            <translation>keine Starkregendaten im Umfeld</translation>
        </message>
        <message>
            <source>in the combined-sewer area</source>
            <translation>Entwässerung im Mischsystem</translation>
        </message>
        <message>
            <source>nearest park ≥ {ha} ha at {dist} m</source>
            <translation>nächste Grünfläche ≥ {ha} ha in {dist} m Entfernung</translation>
        </message>
        <message>
            <source>no park ≥ {ha} ha within {max} m</source>
            <translation>keine Grünfläche ≥ {ha} ha im Umkreis von {max} m</translation>
        </message>
        <message>
            <source>in the 2030 target area ({scope})</source>
            <translation>im Zielgebiet 2030 ({scope})</translation>
        </message>
        <message>
            <source>PV on the roof: solar green roof</source>
            <translation>PV-Anlage vorhanden – Solargründach bei Dachsanierung prüfen</translation>
        </message>
        <message>
            <source>Roofs for greening</source>
            <translation>Dächer für die Begrünung</translation>
        </message>
        <message>
            <source>roof</source>
            <translation>Dach</translation>
        </message>
        <message>
            <source>roof slope</source>
            <translation>Dachneigung</translation>
        </message>
        <message>
            <source>0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25 (classes of the Münster green-roof potential), weighted by the area of the greenable surfaces.</source>
            <translation>0–5° → 1, 5–15° → 0,75, 15–30° → 0,5, 30–45° → 0,25 (Klassen des Gründachpotenzials Münster), gewichtet mit der Fläche der begrünbaren Dachflächen.</translation>
        </message>
        <message>
            <source>greenable area</source>
            <translation>begrünbare Fläche</translation>
        </message>
        <message>
            <source>log10(area / smallest area) / log10(full area / smallest area): 10 m² → 0, 100 m² → 0.5, 1,000 m² → 1.</source>
            <translation>log10(Fläche / Mindestfläche) / log10(volle Fläche / Mindestfläche): 10 m² → 0, 100 m² → 0,5, 1.000 m² → 1.</translation>
        </message>
        <message>
            <source>building</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <source>1, or 1 − the listed-building malus for a listed building (a permit under monument law is needed).</source>
            <translation>1, oder 1 − der Abschlag für Baudenkmäler bei einem Baudenkmal (denkmalrechtliche Erlaubnis erforderlich).</translation>
        </message>
        <message>
            <source>thermal load</source>
            <translation>thermische Belastung</translation>
        </message>
        <message>
            <source>(class − 1) / (number of classes − 1) × the building-height factor.</source>
            <translation>(Klasse − 1) / (Anzahl der Klassen − 1) × Faktor der Gebäudehöhe.</translation>
        </message>
        <message>
            <source>heavy rain</source>
            <translation>Starkregen</translation>
        </message>
        <message>
            <source>Mean flood depth in a buffer around the building: 0 m → 0, the full-criterion depth → 1.</source>
            <translation>Mittlere Überflutungstiefe in einem Puffer um das Gebäude: 0 m → 0, die Tiefe für das voll erfüllte Kriterium → 1.</translation>
        </message>
        <message>
            <source>combined sewer system</source>
            <translation>Mischsystem</translation>
        </message>
        <message>
            <source>1 inside an area with a combined sewer system.</source>
            <translation>1 in einem Gebiet mit Mischsystem.</translation>
        </message>
        <message>
            <source>green space supply</source>
            <translation>Grünversorgung</translation>
        </message>
        <message>
            <source>0 next to a public green space, 1 at the distance of an undersupplied building or farther (3-30-300 rule).</source>
            <translation>0 direkt an einer öffentlichen Grünfläche, 1 ab der Entfernung, ab der ein Gebäude als unterversorgt gilt (3-30-300-Regel).</translation>
        </message>
        <message>
            <source>2030 target area</source>
            <translation>Zielgebiet 2030</translation>
        </message>
        <message>
            <source>1 inside the 2030 target area.</source>
            <translation>1 im Zielgebiet 2030.</translation>
        </message>
        <message>
            <source>slope class</source>
            <translation>Neigungsklasse</translation>
        </message>
        <message>
            <source>annual rain retention</source>
            <translation>Regenwasserrückhalt (Jahresmittel)</translation>
        </message>
        <message>
            <source>runoff coefficient C_m of the green roof (design event)</source>
            <translation>Abflussbeiwert C_m des Gründaches (Bemessungsereignis)</translation>
        </message>
        <message>
            <source>in the 2030 target area</source>
            <translation>im Zielgebiet 2030</translation>
        </message>
        <message>
            <source>Green flat roofs</source>
            <translation>Begrünte Flachdächer</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>motorway (excluded)</source>
            <translation>Autobahn (ausgeschlossen)</translation>
        </message>
        <message>
            <source>railway (excluded)</source>
            <translation>Bahnstrecke (ausgeschlossen)</translation>
        </message>
        <message>
            <source>tunnel (excluded)</source>
            <translation>Tunnel (ausgeschlossen)</translation>
        </message>
        <message>
            <source>bridge (excluded)</source>
            <translation>Brücke (ausgeschlossen)</translation>
        </message>
        <message>
            <source>private way (excluded)</source>
            <translation>Privatweg (ausgeschlossen)</translation>
        </message>
        <message>
            <source>shorter than {min} m (excluded)</source>
            <translation>kürzer als {min} m (ausgeschlossen)</translation>
        </message>
        <message>
            <source>{width} m wide, too narrow for tree sites (excluded)</source>
            <translation>{width} m breit, zu schmal für Baumstandorte (ausgeschlossen)</translation>
        </message>
        <message>
            <source>{width} m wide</source>
            <translation>Straßenraum {width} m breit</translation>
        </message>
        <message>
            <source>{width} m wide (typical for the road class)</source>
            <translation>Straßenraum {width} m breit (typischer Wert der Straßenklasse)</translation>
        </message>
        <message>
            <source>street trees: {trees} ({per100} per 100 m, orientation value {target})</source>
            <translation>Straßenbäume: {trees} ({per100} je 100 m, Orientierungswert {target})</translation>
        </message>
        <message>
            <source>{gap} trees missing (tree pits of 12 m³ each)</source>
            <translation>{gap} Bäume fehlen (je eine Baumgrube von 12 m³)</translation>
        </message>
        <message>
            <source>orientation value for trees met</source>
            <translation>Orientierungswert für Straßenbäume erreicht</translation>
        </message>
        <message>
            <source>{area} m² unsealable</source>
            <translation>{area} m² entsiegelbar</translation>
        </message>
        <message>
            <source>no surplus width to unseal</source>
            <translation>keine Überbreite zum Entsiegeln</translation>
        </message>
        <message>
            <source>{m3} m³/a less runoff</source>
            <translation>{m3} m³/a weniger Abfluss</translation>
        </message>
        <message>
            <source>infiltration possible</source>
            <translation>Versickerung möglich</translation>
        </message>
        <message>
            <source>no infiltration (soil, groundwater or Altlast)</source>
            <translation>keine Versickerung (Boden, Grundwasser oder Altlast)</translation>
        </message>
        <message>
            <source>no value for the thermal load</source>
            <translation>keine Angabe zur thermischen Belastung</translation>
        </message>
        <message>
            <source>mean flood depth {depth} m along the street</source>
            <translation>mittlere Überflutungstiefe {depth} m im Straßenraum</translation>
        </message>
        <message>
            <source>no flooding along the street in heavy rain</source>
            <translation>im Straßenraum keine Überflutung bei Starkregen</translation>
        </message>
        <message>
            <source>no heavy-rain data along the street</source>
            <translation>keine Starkregendaten im Straßenraum</translation>
        </message>
        <message>
            <source>drained by the Mischsystem</source>
            <translation>Entwässerung im Mischsystem</translation>
        </message>
        <message>
            <source>nearest green space ≥ {ha} ha at {dist} m</source>
            <translation>nächste Grünfläche ≥ {ha} ha in {dist} m Entfernung</translation>
        </message>
        <message>
            <source>no green space ≥ {ha} ha within {max} m</source>
            <translation>keine Grünfläche ≥ {ha} ha im Umkreis von {max} m</translation>
        </message>
        <message>
            <source>incl. {area} m² of reallocated parking lanes</source>
            <translation>davon {area} m² aus umgewidmeten Parkstreifen</translation>
        </message>
        <message>
            <source>surplus width too small for tree pits</source>
            <translation>Überbreite reicht nicht für die Baumgruben</translation>
        </message>
        <message>
            <source>Street segments for blue-green climate streets</source>
            <translation>Straßenabschnitte für blau-grüne Klimastraßen</translation>
        </message>
        <message>
            <source>street section</source>
            <translation>Straßenabschnitt</translation>
        </message>
        <message>
            <source>motorway or motorway link (excluded)</source>
            <translation>Autobahn oder Autobahnanschluss (ausgeschlossen)</translation>
        </message>
        <message>
            <source>railway line (excluded)</source>
            <translation>Bahnstrecke (ausgeschlossen)</translation>
        </message>
        <message>
            <source>section shorter than the minimum (excluded)</source>
            <translation>Abschnitt kürzer als die Mindestlänge (ausgeschlossen)</translation>
        </message>
        <message>
            <source>too narrow for tree sites (excluded)</source>
            <translation>zu schmal für Baumstandorte (ausgeschlossen)</translation>
        </message>
        <message>
            <source>road class unknown: typical values of a residential street</source>
            <translation>Straßenklasse unbekannt: typische Werte einer Wohnstraße</translation>
        </message>
        <message>
            <source>width from the road class</source>
            <translation>Breite aus der Straßenklasse</translation>
        </message>
        <message>
            <source>surface not given: asphalt assumed</source>
            <translation>Belag nicht angegeben: Asphalt angenommen</translation>
        </message>
        <message>
            <source>the surplus width does not hold the tree pits</source>
            <translation>die Überbreite reicht nicht für die Baumgruben</translation>
        </message>
        <message>
            <source>no heavy-rain data along the section</source>
            <translation>keine Starkregendaten entlang des Abschnitts</translation>
        </message>
        <message>
            <source>infiltration suitability unknown</source>
            <translation>Versickerungseignung unbekannt</translation>
        </message>
        <message>
            <source>on an Altlast or suspected site: no infiltration</source>
            <translation>auf Altlast oder altlastverdächtiger Fläche: keine Versickerung</translation>
        </message>
        <message>
            <source>unsealable area includes reallocated parking lanes (HZ 25)</source>
            <translation>entsiegelbare Fläche enthält umgewidmete Parkstreifen (HZ 25)</translation>
        </message>
        <message>
            <source>Thermal load of the street space: five classes or min–max over this run.</source>
            <translation>Thermische Belastung des Straßenraums: fünf Klassen oder Min–Max über alle Abschnitte dieser Berechnung.</translation>
        </message>
        <message>
            <source>Mean flood depth along the section; full at 0.25 m (Essen's top class).</source>
            <translation>Mittlere Überflutungstiefe entlang des Abschnitts; voll erfüllt ab 0,25 m (höchste Klasse der Essener Starkregenkarte).</translation>
        </message>
        <message>
            <source>1 where the section lies in an area drained by the Mischsystem.</source>
            <translation>1, wo der Abschnitt in einem Gebiet mit Mischkanalisation liegt.</translation>
        </message>
        <message>
            <source>tree gap</source>
            <translation>Baumlücke</translation>
        </message>
        <message>
            <source>Share of the orientation value for street trees that is missing (1 = no tree).</source>
            <translation>Fehlender Anteil am Orientierungswert für Straßenbäume (1 = kein Baum).</translation>
        </message>
        <message>
            <source>green supply</source>
            <translation>Grünversorgung</translation>
        </message>
        <message>
            <source>Distance to the nearest public green space of at least 0.5 ha: 0 next to it, 1 at 300 m or farther (3-30-300 rule).</source>
            <translation>Entfernung zur nächsten öffentlichen Grünfläche von mindestens 0,5 ha: 0 direkt daneben, 1 ab 300 m Entfernung (3-30-300-Regel).</translation>
        </message>
        <message>
            <source>unsealable share</source>
            <translation>entsiegelbarer Anteil</translation>
        </message>
        <message>
            <source>Unsealable area as a share of the street space; full at 30 %.</source>
            <translation>Entsiegelbare Fläche als Anteil am Straßenraum; voll erfüllt ab 30 %.</translation>
        </message>
        <message>
            <source>infiltration</source>
            <translation>Versickerung</translation>
        </message>
        <message>
            <source>1 where kf ≥ 1·10⁻⁶ m/s, ≥ 1 m to groundwater and no Altlast; 0 where not.</source>
            <translation>1, wo kf ≥ 1·10⁻⁶ m/s, ≥ 1 m Abstand zum Grundwasser und keine Altlast; sonst 0.</translation>
        </message>
        <message>
            <source>section length</source>
            <translation>Abschnittslänge</translation>
        </message>
        <message>
            <source>width of the street space</source>
            <translation>Breite des Straßenraums</translation>
        </message>
        <message>
            <source>sealed area</source>
            <translation>versiegelte Fläche</translation>
        </message>
        <message>
            <source>trees now</source>
            <translation>vorhandene Bäume</translation>
        </message>
        <message>
            <source>trees per 100 m</source>
            <translation>Bäume je 100 m</translation>
        </message>
        <message>
            <source>trees missing against the orientation value</source>
            <translation>fehlende Bäume gegenüber dem Orientierungswert</translation>
        </message>
        <message>
            <source>unsealable area</source>
            <translation>entsiegelbare Fläche</translation>
        </message>
        <message>
            <source>runoff reduction per year</source>
            <translation>Abflussminderung pro Jahr</translation>
        </message>
        <message>
            <source>infiltration suitable (yes/no/unknown)</source>
            <translation>Versickerung geeignet (ja/nein/unbekannt)</translation>
        </message>
        <message>
            <source>Interpretation: legally protected Biotopverbund area as a share of the district area (the strategy's footnote points to § 35 LNatSchG NRW, a share of the land area); the strategy's own wording ('share within the Biotopverbund') is ambiguous</source>
            <translation>Auslegung: gesetzlich geschützte Biotopverbundfläche als Anteil an der Stadtteilfläche (die Fußnote der Strategie verweist auf § 35 LNatSchG NRW, einen Anteil an der Landesfläche); der Wortlaut der Strategie („Anteil innerhalb des Biotopverbunds“) ist mehrdeutig</translation>
        </message>
        <message>
            <source>Share by number of flat roofs (the strategy does not say area or number)</source>
            <translation>Anteil nach Anzahl der Flachdächer (die Strategie sagt nicht, ob Fläche oder Anzahl gemeint ist)</translation>
        </message>
        <message>
            <source>The strategy's target applies to the inner cities; their boundary is set locally</source>
            <translation>Das Ziel der Strategie gilt für die Innenstädte; deren Abgrenzung ist kommunal festzulegen</translation>
        </message>
        <message>
            <source>A – highest priority</source>
            <translation>A – höchste Priorität</translation>
        </message>
        <message>
            <source>B – high priority</source>
            <translation>B – hohe Priorität</translation>
        </message>
        <message>
            <source>C – medium priority</source>
            <translation>C – mittlere Priorität</translation>
        </message>
        <message>
            <source>D – low priority</source>
            <translation>D – geringe Priorität</translation>
        </message>
        <message>
            <source>X – excluded / not suitable</source>
            <translation>X – ausgeschlossen / nicht geeignet</translation>
        </message>
        <message>
            <source>raster</source>
            <translation>Raster</translation>
        </message>
        <message>
            <source>polygons</source>
            <translation>Polygone</translation>
        </message>
        <message>
            <source>lines</source>
            <translation>Linien</translation>
        </message>
        <message>
            <source>Accepts: {kinds}</source>
            <translation>Zulässig: {kinds}</translation>
        </message>
        <message>
            <source>Layers/Roles</source>
            <translation>Layer/Rollen</translation>
        </message>
        <message>
            <source>Handlungsziele</source>
            <translation>Handlungsziele</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Gewichte</translation>
        </message>
        <message>
            <source>Which layer plays which part? Suggested from layer and field names; kept in the project file.</source>
            <translation>Welcher Layer übernimmt welche Rolle? Vorgeschlagen nach Layer- und Feldnamen; im Projekt gespeichert.</translation>
        </message>
        <message>
            <source>Suggest roles</source>
            <translation>Rollen vorschlagen</translation>
        </message>
        <message>
            <source>Fill the empty roles from layer and field names</source>
            <translation>Leere Rollen nach Layer- und Feldnamen füllen</translation>
        </message>
        <message>
            <source>Load sample data</source>
            <translation>Beispieldaten laden</translation>
        </message>
        <message>
            <source>Add the sample city Musterstadt as a layer group and assign its roles</source>
            <translation>Die Beispielstadt Musterstadt als Layergruppe laden und ihre Rollen zuweisen</translation>
        </message>
        <message>
            <source>Run with these layers</source>
            <translation>Mit diesen Layer ausführen</translation>
        </message>
        <message>
            <source>Folder for a copy of the sample data</source>
            <translation>Ordner für eine Kopie der Beispieldaten</translation>
        </message>
        <message>
            <source>Open the algorithm dialog with the inputs filled from the roles</source>
            <translation>Den Dialog des Algorithmus öffnen, Eingaben aus den Rollen ausgefüllt</translation>
        </message>
        <message>
            <source>No scoring algorithm is registered yet (Processing provider “gi”).</source>
            <translation>Noch kein Bewertungsalgorithmus registriert (Processing-Anbieter „gi“).</translation>
        </message>
        <message>
            <source>No layer found for the empty roles.</source>
            <translation>Für die leeren Rollen wurde kein Layer gefunden.</translation>
        </message>
        <message>
            <source>The sample data is not installed with this plugin.</source>
            <translation>Die Beispieldaten sind mit diesem Plugin nicht installiert.</translation>
        </message>
        <message>
            <source>No folder chosen: the sample data was not loaded.</source>
            <translation>Kein Ordner gewählt: Die Beispieldaten wurden nicht geladen.</translation>
        </message>
        <message>
            <source>Sample data loaded from {folder}: {n} layers, {r} roles assigned.</source>
            <translation>Beispieldaten aus {folder} geladen: {n} Layer, {r} Rollen zugewiesen.</translation>
        </message>
        <message>
            <source>{name} …</source>
            <translation>{name} …</translation>
        </message>
        <message>
            <source>Roles suggested: {n}.</source>
            <translation>Rollen vorgeschlagen: {n}.</translation>
        </message>
        <message>
            <source>The algorithm {alg} is not available.</source>
            <translation>Der Algorithmus {alg} ist nicht verfügbar.</translation>
        </message>
        <message>
            <source>Could not copy the sample data into {folder}: {error}</source>
            <translation>Die Beispieldaten konnten nicht nach {folder} kopiert werden: {error}</translation>
        </message>
        <message>
            <source>The weights could not be recovered from this result; shown with equal weights.</source>
            <translation>Die Gewichte ließen sich aus diesem Ergebnis nicht ermitteln; dargestellt mit gleichen Gewichten.</translation>
        </message>
        <message>
            <source>Weights as recovered from this result's own scores.</source>
            <translation>Gewichte aus den Bewertungen dieses Ergebnisses selbst ermittelt.</translation>
        </message>
        <message>
            <source>The weights could not be recovered from this result; shown with the default weights of the algorithm.</source>
            <translation>Die Gewichte ließen sich aus diesem Ergebnis nicht ermitteln; dargestellt mit den Standardgewichten des Algorithmus.</translation>
        </message>
        <message>
            <source>Weights from this result's run record ({alg}, {date}).</source>
            <translation>Gewichte aus dem Laufprotokoll dieses Ergebnisses ({alg}, {date}).</translation>
        </message>
        <message>
            <source>No Handlungsziel linked.</source>
            <translation>Kein Handlungsziel verknüpft.</translation>
        </message>
        <message>
            <source>Targets:</source>
            <translation>Zielwerte:</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>Hinweise:</translation>
        </message>
        <message>
            <source>Related regional targets (not part of the strategy):</source>
            <translation>Regionale Ziele außerhalb der Strategie:</translation>
        </message>
        <message>
            <source>deadline passed, status unknown</source>
            <translation>Frist abgelaufen, Stand unbekannt</translation>
        </message>
        <message>
            <source>Thermal load</source>
            <translation>Thermische Belastung</translation>
        </message>
        <message>
            <source>Klimatop</source>
            <translation>Klimatop</translation>
        </message>
        <message>
            <source>Water depth</source>
            <translation>Überflutungstiefe</translation>
        </message>
        <message>
            <source>In Biotopverbund</source>
            <translation>Im Biotopverbund</translation>
        </message>
        <message>
            <source>In Regionaler Grünzug</source>
            <translation>Im Regionalen Grünzug</translation>
        </message>
        <message>
            <source>In protected area</source>
            <translation>Im Schutzgebiet</translation>
        </message>
        <message>
            <source>Nearest park</source>
            <translation>Nächste Grünfläche</translation>
        </message>
        <message>
            <source>Raumtyp</source>
            <translation>Raumtyp</translation>
        </message>
        <message>
            <source>Combined-sewer area</source>
            <translation>Gebiet mit Mischkanalisation</translation>
        </message>
        <message>
            <source>Listed building</source>
            <translation>Baudenkmal</translation>
        </message>
        <message>
            <source>Soil</source>
            <translation>Boden</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>{m} m</source>
            <translation>{m} m</translation>
        </message>
        <message>
            <source>; mean {v} in the {d} m ring around it</source>
            <translation>; im Mittel {v} im Ring von {d} m um das Objekt</translation>
        </message>
        <message>
            <source>{n} features</source>
            <translation>{n} Objekte</translation>
        </message>
        <message>
            <source>Search Handlungsziele …</source>
            <translation>Handlungsziele durchsuchen …</translation>
        </message>
        <message>
            <source>Choose a Handlungsziel to see its agreements, targets and results.</source>
            <translation>Ein Handlungsziel wählen, um Vereinbarungen, Zielwerte und Ergebnisse zu sehen.</translation>
        </message>
        <message>
            <source>Select these features on the map</source>
            <translation>Diese Objekte in der Karte auswählen</translation>
        </message>
        <message>
            <source>{km} km</source>
            <translation>{km} km</translation>
        </message>
        <message>
            <source>Assignment of Handlungsziele to Leitthemen: the plugin's own</source>
            <translation>Zuordnung der Handlungsziele zu den Leitthemen: Annahme des Plugins</translation>
        </message>
        <message>
            <source>{label} in “{layer}”: {done} of {total} ({share} %; target {target} % by {year})</source>
            <translation>{label} in „{layer}“: {done} von {total} ({share} %; Ziel {target} % bis {year})</translation>
        </message>
        <message>
            <source>(in the 2030 target area only)</source>
            <translation>(nur im Zielgebiet 2030)</translation>
        </message>
        <message>
            <source>Agreements:</source>
            <translation>Vereinbarungen:</translation>
        </message>
        <message>
            <source>Results in this project</source>
            <translation>Ergebnisse in diesem Projekt</translation>
        </message>
        <message>
            <source>{share} % of the target</source>
            <translation>{share} % des Ziels</translation>
        </message>
        <message>
            <source>No result layer in the project yet.</source>
            <translation>Noch keine Ergebnislayer im Projekt.</translation>
        </message>
        <message>
            <source>“{layer}” with the live weights: {now} of {n} features serving HZ {hz} are class A (in the run: {run}).</source>
            <translation>„{layer}“ mit den angepassten Gewichten: {now} von {n} Objekten, die HZ {hz} dienen, sind Klasse A (im Lauf: {run}).</translation>
        </message>
        <message>
            <source>Leitthemen (the plugin's assignment): {ids}</source>
            <translation>Leitthemen (Zuordnung des Plugins): {ids}</translation>
        </message>
        <message>
            <source>Result layers: layers with the fields gi_score, gi_class, gi_rank, gi_hz, gi_flags and gi_reason</source>
            <translation>Ergebnislayer: Layer mit den Feldern gi_score, gi_class, gi_rank, gi_hz, gi_flags und gi_reason</translation>
        </message>
        <message>
            <source>Pick on map</source>
            <translation>In Karte wählen</translation>
        </message>
        <message>
            <source>Click a feature of the result layer on the map to inspect it</source>
            <translation>Ein Objekt der Ergebnislayer in der Karte anklicken, um es zu untersuchen</translation>
        </message>
        <message>
            <source>Zoom to</source>
            <translation>Zoomen</translation>
        </message>
        <message>
            <source>Zoom to the feature and flash it</source>
            <translation>Auf das Objekt zoomen und es aufblinken lassen</translation>
        </message>
        <message>
            <source>Select a feature of a result layer (or use “Pick on map”) to see why it scored as it did.</source>
            <translation>Ein Objekt einer Ergebnislayer auswählen (oder „In Karte wählen“), um zu sehen, wie seine Bewertung zustande kommt.</translation>
        </message>
        <message>
            <source>Feature:</source>
            <translation>Objekt:</translation>
        </message>
        <message>
            <source>Score:</source>
            <translation>Bewertung (0–100):</translation>
        </message>
        <message>
            <source>Class:</source>
            <translation>Klasse:</translation>
        </message>
        <message>
            <source>Rank:</source>
            <translation>Rang:</translation>
        </message>
        <message>
            <source>Bars with the live weights of the tab “Weights” (not saved).</source>
            <translation>Balken mit den angepassten Gewichten aus dem Reiter „Gewichte“ (nicht gespeichert).</translation>
        </message>
        <message>
            <source>No criteria fields (c_*) in this layer.</source>
            <translation>Keine Kriterienfelder (c_*) in diesem Layer.</translation>
        </message>
        <message>
            <source>Criteria (value × weight, in score points)</source>
            <translation>Kriterien (Wert × Gewicht, in Punkten)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Begründung</translation>
        </message>
        <message>
            <source>At this place</source>
            <translation>An dieser Stelle</translation>
        </message>
        <message>
            <source>(live weights)</source>
            <translation>(angepasste Gewichte)</translation>
        </message>
        <message>
            <source>Assign role layers in the tab “Layers/Roles” to see what lies here.</source>
            <translation>Im Reiter „Layer/Rollen“ Layer zuweisen, um zu sehen, was hier liegt.</translation>
        </message>
        <message>
            <source>Rank {rank}, {lo}–{hi} under other weightings; class the same in {share} % of them</source>
            <translation>Rang {rank}, bei anderen Gewichtungen {lo}–{hi}; Klasse in {share} % der Varianten gleich</translation>
        </message>
        <message>
            <source>Move the sliders to weight the criteria differently: the map, the bars in “Result” and the Handlungsziele follow at once, from the result's own criteria (c_*), without a new run.</source>
            <translation>Schieberegler bewegen, um die Kriterien anders zu gewichten: Karte, Balken im Reiter „Ergebnis“ und Handlungsziele folgen sofort, berechnet aus den Kriterien des Ergebnisses (c_*), ohne neuen Lauf.</translation>
        </message>
        <message>
            <source>The result layer whose weights are tuned</source>
            <translation>Der Ergebnis-Layer, dessen Gewichte angepasst werden</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <source>Save as new result</source>
            <translation>Speichern als neues Ergebnis</translation>
        </message>
        <message>
            <source>Back to the weights of the run and the layer's own style</source>
            <translation>Zurück zu den Gewichten des Laufs und zum eigenen Stil des Layers</translation>
        </message>
        <message>
            <source>Write a new result layer with these weights and its own run record</source>
            <translation>Einen neuen Ergebnis-Layer mit diesen Gewichten und eigenem Laufprotokoll schreiben</translation>
        </message>
        <message>
            <source>All weights are 0: give at least one criterion a weight above 0.</source>
            <translation>Alle Gewichte sind 0: Geben Sie mindestens einem Kriterium ein Gewicht über 0.</translation>
        </message>
        <message>
            <source>This result's scores are not the weighted mean of its criteria (c_*), so they cannot be re-weighted here: run the algorithm again with other weights.</source>
            <translation>Die Bewertungen dieses Ergebnisses sind kein gewichteter Mittelwert seiner Kriterien (c_*) und lassen sich hier nicht neu gewichten: Starten Sie den Algorithmus erneut mit anderen Gewichten.</translation>
        </message>
        <message>
            <source>{name} (weights tuned)</source>
            <translation>{name} (Gewichte angepasst)</translation>
        </message>
        <message>
            <source>No criterion with values has a weight above 0.</source>
            <translation>Kein Kriterium mit Werten hat ein Gewicht über 0.</translation>
        </message>
        <message>
            <source>With these weights: A {a}, B {b}, C {c}, D {d}, X {x}; {changed} features change their class.</source>
            <translation>Mit diesen Gewichten: A {a}, B {b}, C {c}, D {d}, X {x}; {changed} Objekte wechseln die Klasse.</translation>
        </message>
        <message>
            <source>The map keeps the run's classes: the feature ids of this layer are spread too widely to be drawn live; save the new result to see it on the map.</source>
            <translation>Die Karte zeigt weiter die Klassen des Laufs: Die Objekt-IDs dieses Layers liegen zu weit auseinander, um sie sofort darzustellen; speichern Sie das neue Ergebnis, um es in der Karte zu sehen.</translation>
        </message>
        <message>
            <source>Saved as “{name}” (a temporary layer: export it to keep it).</source>
            <translation>Gespeichert als „{name}“ (ein temporärer Layer: zum Behalten exportieren).</translation>
        </message>
        <message>
            <source>{feature}: score {score}, class {klass}, rank {rank}</source>
            <translation>{feature}: Bewertung {score}, Klasse {klass}, Rang {rank}</translation>
        </message>
        <message>
            <source>Weight of {criterion}</source>
            <translation>Gewicht von {criterion}</translation>
        </message>
        <message>
            <source>Buildings / roofs</source>
            <translation>Gebäude / Dächer</translation>
        </message>
        <message>
            <source>Klimatope</source>
            <translation>Klimatope</translation>
        </message>
        <message>
            <source>Heavy rain</source>
            <translation>Starkregen</translation>
        </message>
        <message>
            <source>Regionale Grünzüge</source>
            <translation>Regionale Grünzüge</translation>
        </message>
        <message>
            <source>Protected areas</source>
            <translation>Schutzgebiete</translation>
        </message>
        <message>
            <source>Parks / green space</source>
            <translation>Parks / öffentliche Grünflächen</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>Stadtteile</translation>
        </message>
        <message>
            <source>Street trees</source>
            <translation>Straßenbäume</translation>
        </message>
        <message>
            <source>Listed buildings</source>
            <translation>Baudenkmäler</translation>
        </message>
        <message>
            <source>Combined-sewer areas</source>
            <translation>Gebiete mit Mischkanalisation</translation>
        </message>
        <message>
            <source>Soils</source>
            <translation>Böden</translation>
        </message>
        <message>
            <source>Annual precipitation</source>
            <translation>Jahresniederschlag</translation>
        </message>
        <message>
            <source>Settlement areas (Regionalplan ASB/GIB)</source>
            <translation>Siedlungsbereiche (Regionalplan ASB/GIB)</translation>
        </message>
        <message>
            <source>Forest</source>
            <translation>Wald</translation>
        </message>
        <message>
            <source>Public transport stops</source>
            <translation>ÖPNV-Haltestellen</translation>
        </message>
        <message>
            <source>Compensation sites</source>
            <translation>Kompensationsflächen</translation>
        </message>
        <message>
            <source>Depth to groundwater</source>
            <translation>Grundwasserflurabstand</translation>
        </message>
        <message>
            <source>Altlasten / suspected sites</source>
            <translation>Altlasten / altlastverdächtige Flächen</translation>
        </message>
        <message>
            <source>Parks and green spaces</source>
            <translation>Parks und Grünanlagen</translation>
        </message>
        <message>
            <source>Heat: night air temperature (°C)</source>
            <translation>Hitze: nächtliche Lufttemperatur (°C)</translation>
        </message>
        <message>
            <source>Heavy rain: water depth</source>
            <translation>Starkregen: Überflutungstiefe</translation>
        </message>
        <message>
            <source>Musterstadt (sample data)</source>
            <translation>Musterstadt (Beispieldaten)</translation>
        </message>
        <message>
            <source>{m2} m²</source>
            <translation>{m2} m²</translation>
        </message>
        <message>
            <source>{ha} ha</source>
            <translation>{ha} ha</translation>
        </message>
        <message>
            <source>no usable geometry</source>
            <translation>keine verwendbare Geometrie</translation>
        </message>
        <message>
            <source>listed building</source>
            <translation>Baudenkmal</translation>
        </message>
        <message>
            <source>already green</source>
            <translation>bereits begrünt</translation>
        </message>
        <message>
            <source>steeper than 45°</source>
            <translation>steiler als 45°</translation>
        </message>
        <message>
            <source>steeper than the maximum slope</source>
            <translation>steiler als die zulässige Höchstneigung</translation>
        </message>
        <message>
            <source>default annual precipitation used</source>
            <translation>Standardwert des Jahresniederschlags verwendet</translation>
        </message>
        <message>
            <source>greenable area below the minimum</source>
            <translation>begrünbare Fläche unter dem Mindestmaß</translation>
        </message>
        <message>
            <source>slope unknown</source>
            <translation>Neigung unbekannt</translation>
        </message>
        <message>
            <source>slope taken from the roof type</source>
            <translation>Neigung aus der Dachform abgeleitet</translation>
        </message>
        <message>
            <source>area taken from the footprint</source>
            <translation>Fläche aus dem Gebäudegrundriss</translation>
        </message>
        <message>
            <source>PV: solar green roof</source>
            <translation>PV: Solargründach</translation>
        </message>
    </context>
</TS>
