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
            <source>en</source>
            <translation>de</translation>
        </message>
        <message>
            <source>Green Infrastructure</source>
            <translation>Grüne Infrastruktur</translation>
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
            <source>Canceled by the user: no output was written. Run the algorithm again for a result.</source>
            <translation>Vom Benutzer abgebrochen: Es wurde keine Ausgabe geschrieben. Starten Sie den Algorithmus erneut, um ein Ergebnis zu erhalten.</translation>
        </message>
        <message>
            <source>Layer {name} has no coordinate reference system and its coordinates do not look like UTM zone 32N. Set its CRS (Layer Properties › Source) and run again.</source>
            <translation>Layer {name} hat kein Koordinatenbezugssystem, und seine Koordinaten sehen nicht nach UTM-Zone 32N aus. Legen Sie das KBS fest (Layereigenschaften › Quelle) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Layer {name} has the geographic CRS {crs}; it is processed in {work} so that areas and distances are in metres, and the output is written in {work}.</source>
            <translation>Layer {name} hat das geographische KBS {crs}; er wird in {work} verarbeitet, damit Flächen und Abstände in Metern vorliegen, und das Ergebnis wird in {work} geschrieben.</translation>
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
            <source>Layer {name} has the geographic CRS {crs}, but its coordinates are not degrees (extent {extent}). Set the layer's real CRS (Layer Properties › Source, e.g. EPSG:25832) and run again.</source>
            <translation>Layer {name} hat das geografische KBS {crs}, seine Koordinaten sind aber keine Grad (Ausdehnung {extent}). Stellen Sie das richtige KBS des Layers ein (Layereigenschaften › Quelle, z. B. EPSG:25832) und starten Sie erneut.</translation>
        </message>
        <message>
            <source>Flat roofs: score roofs for greening (HZ 02)</source>
            <translation>Flachdächer: Dächer für die Begrünung bewerten (HZ 02)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Scores every roof of a building layer for greening and ranks the roofs: which flat roofs to green first (Handlungsziel 02: half of the flat roofs in the inner cities green by 2030), and how much rain they would keep back. Works with the output of &lt;i&gt;Import LoD2 buildings&lt;/i&gt;, with ALKIS or OpenStreetMap buildings (roof:shape) and with any polygon layer.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Bewertet jedes Dach eines Gebäude-Layers für die Begrünung und bringt die Dächer in eine Rangfolge: welche Flachdächer zuerst begrünt werden sollten (Handlungsziel 02: bis 2030 die Hälfte der Flachdächer in den Innenstädten begrünt) und wie viel Regen sie zurückhalten würden. Funktioniert mit der Ausgabe von &lt;i&gt;LoD2-Gebäude importieren&lt;/i&gt;, mit ALKIS- oder OpenStreetMap-Gebäuden (roof:shape) und mit jedem Polygon-Layer.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Excluded&lt;/b&gt; (class X, no rank, flags): listed (listed field or listed-buildings layer), green_exists (green-roof field), slope_gt_45, area_lt_min, geom_empty. A roof with PV stays in: flag pv_solar_green, HZ 26 (solar green roof).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ausgeschlossen&lt;/b&gt; (Klasse X, kein Rang, Flags): listed (Denkmalfeld oder Denkmal-Layer), green_exists (Gründachfeld), slope_gt_45, area_lt_min, geom_empty. Ein Dach mit PV bleibt drin: Flag pv_solar_green, HZ 26 (Solargründach).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>slope_deg, slope_class (0-5 … &gt;45, unbekannt), greenable_m2, retention_m3a, in_target_scope (1/0, empty without a scope layer)</source>
            <translation>slope_deg, slope_class (0-5 … &gt;45, unbekannt), greenable_m2, retention_m3a, in_target_scope (1/0, leer ohne Zielgebiet-Layer)</translation>
        </message>
        <message>
            <source>Buildings (roof polygons)</source>
            <translation>Gebäude (Dachpolygone)</translation>
        </message>
        <message>
            <source>Roofs scored for greening</source>
            <translation>Dächer bewertet für die Begrünung</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keins</translation>
        </message>
        <message>
            <source>0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25, over 45° excluded (classes of the Münster green-roof potential; the values per class are the plugin's choice). An unknown slope stays unknown (flag slope_unknown), never 0°; a flat roof type (AdV 1000, OSM roof:shape=flat) without a slope counts as 0–5° (flag slope_from_type).</source>
            <translation>0–5° → 1, 5–15° → 0,75, 15–30° → 0,5, 30–45° → 0,25, über 45° ausgeschlossen (Klassen des Gründachpotenzials Münster; die Werte je Klasse sind eine Wahl des Plugins). Eine unbekannte Neigung bleibt unbekannt (Flag slope_unknown), nie 0°; eine Flachdach-Dachform (AdV 1000, OSM roof:shape=flat) ohne Neigung zählt als 0–5° (Flag slope_from_type).</translation>
        </message>
        <message>
            <source>heat raster (mean over the roof, min–max over this run) or heat polygons with a class field: classes 1–5 → (class − 1) / 4; the labels sehr ungünstig … sehr günstig (Düsseldorf, LANUV) → 5 … 1 by name; other numbers min–max. Serves HZ 01 where c_heat ≥ 0.5.</source>
            <translation>Hitze-Raster (Mittel über das Dach, Min–Max über diesen Lauf) oder Hitze-Polygone mit Klassenfeld: Klassen 1–5 → (Klasse − 1) / 4; die Bezeichnungen sehr ungünstig … sehr günstig (Düsseldorf, LANUV) → 5 … 1 nach Namen; andere Zahlen Min–Max. Dient HZ 01, wo c_heat ≥ 0,5.</translation>
        </message>
        <message>
            <source>1 inside a combined-sewer area. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24 (sponge city).</source>
            <translation>1 innerhalb eines Gebiets mit Mischsystem. c_rain ≥ 0,5 oder c_sewer = 1 dient HZ 24 (Schwammstadt).</translation>
        </message>
        <message>
            <source>Listed buildings or Denkmalbereiche (polygons)</source>
            <translation>Baudenkmäler oder Denkmalbereiche (Polygone)</translation>
        </message>
        <message>
            <source>Ring around the building for the water depth (m)</source>
            <translation>Ring um das Gebäude für die Wassertiefe (m)</translation>
        </message>
        <message>
            <source>Combined-sewer areas (polygons)</source>
            <translation>Mischwassergebiete (Polygone)</translation>
        </message>
        <message>
            <source>Distance at which a roof counts as without a park (m)</source>
            <translation>Entfernung, ab der ein Dach als ohne Park gilt (m)</translation>
        </message>
        <message>
            <source>Smallest greenable roof (m²)</source>
            <translation>Kleinste begrünbare Dachfläche (m²)</translation>
        </message>
        <message>
            <source>Annual precipitation (mm/a; assumption, set your local value)</source>
            <translation>Jahresniederschlag (mm/a; Annahme, örtlichen Wert eintragen)</translation>
        </message>
        <message>
            <source>target area</source>
            <translation>Zielgebiet</translation>
        </message>
        <message>
            <source>green roof,flat roof,roof greening,retention,heat,heavy rain,HZ 02</source>
            <translation>Gründach,Flachdach,Dachbegrünung,Rückhalt,Hitze,Starkregen,HZ 02</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Retention&lt;/b&gt;: retention_m3a = precipitation / 1000 × greenable_m2 × (0.9 − C_m), with 0.9 for the plain roof (fee practice) and C_m 0.3 for an extensive green roof up to 5 % slope, 0.4 on steeper or unmeasured slopes (DIN 1986-100). Precipitation: {precip} mm/a by default, the value of the Gründachkataster NRW example (Leverkusen); an assumption for the Ruhr, set your local annual value.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Rückhalt&lt;/b&gt;: retention_m3a = Niederschlag / 1000 × greenable_m2 × (0,9 − C_m), mit 0,9 für das unbegrünte Dach (Gebührenpraxis) und C_m 0,3 für ein extensives Gründach bis 5 % Neigung, 0,4 bei steileren oder nicht gemessenen Neigungen (DIN 1986-100). Niederschlag: standardmäßig {precip} mm/a, der Wert des Beispiels im Gründachkataster NRW (Leverkusen); eine Annahme für das Ruhrgebiet, tragen Sie Ihren örtlichen Jahreswert ein.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The optional district table gives per district (or per scope polygon): flat_m2 (roofs of 0–5°, listed and green ones included), green_m2, share_green, target_m2 (target share of flat_m2, {share} % by 2030), missing_m2, ab_m2 (flat roofs of classes A and B) and covers (1 if ab_m2 ≥ missing_m2).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Die optionale Stadtteil-Tabelle gibt je Stadtteil (oder je Zielgebiet-Polygon): flat_m2 (Dächer mit 0–5°, Denkmäler und begrünte eingeschlossen), green_m2, share_green, target_m2 (Zielanteil von flat_m2, {share} % bis 2030), missing_m2, ab_m2 (Flachdächer der Klassen A und B) und covers (1, wenn ab_m2 ≥ missing_m2).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Fields left empty are found by name: slope ({slope}), roof type ({roof}), area ({area}), listed ({listed}), green roof ({green}), PV ({pv}).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Leer gelassene Felder werden nach Namen gesucht: Neigung ({slope}), Dachform ({roof}), Fläche ({area}), Denkmal ({listed}), Gründach ({green}), PV ({pv}).&lt;/p&gt;</translation>
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
            <source>Greenable roof area field, m² (empty = flat_roof_m2 or footprint)</source>
            <translation>Feld begrünbare Dachfläche in m² (leer = flat_roof_m2 oder Grundfläche)</translation>
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
            <source>Greenable area for the full area score (m²)</source>
            <translation>Begrünbare Fläche für die volle Flächen-Bewertung (m²)</translation>
        </message>
        <message>
            <source>Target share of green flat roofs (%)</source>
            <translation>Zielanteil begrünter Flachdächer (%)</translation>
        </message>
        <message>
            <source>Flat-roof target per district</source>
            <translation>Flachdach-Ziel je Stadtteil</translation>
        </message>
        <message>
            <source>Retention of all scored roofs (m³/a)</source>
            <translation>Rückhalt aller bewerteten Dächer (m³/a)</translation>
        </message>
        <message>
            <source>The input has no slope and no roof type field: every roof gets slope class 'unbekannt' (flag slope_unknown) and the slope criterion is left out. Choose SLOPE_FIELD or ROOF_TYPE_FIELD if the layer has them under another name.</source>
            <translation>Die Eingabe hat weder ein Feld für die Dachneigung noch für die Dachform: Jedes Dach erhält die Neigungsklasse 'unbekannt' (Flag slope_unknown), das Neigungskriterium entfällt. Wählen Sie SLOPE_FIELD oder ROOF_TYPE_FIELD, falls der Layer sie unter einem anderen Namen hat.</translation>
        </message>
        <message>
            <source>{n} roofs have no usable slope (flag slope_unknown); their score leaves the slope out.</source>
            <translation>{n} Dächer haben keine verwendbare Neigung (Flag slope_unknown); ihre Bewertung lässt die Neigung weg.</translation>
        </message>
        <message>
            <source>{n} roofs without slope count as 0–5° by their flat roof type (flag slope_from_type).</source>
            <translation>{n} Dächer ohne Neigung zählen wegen ihrer Dachform Flachdach als 0–5° (Flag slope_from_type).</translation>
        </message>
        <message>
            <source>{n} roofs have no heat value (flag heat_nodata); their weights are renormalised.</source>
            <translation>{n} Dächer haben keinen Hitzewert (Flag heat_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>{n} roofs have no heavy-rain value around them (flag rain_nodata); their weights are renormalised.</source>
            <translation>{n} Dächer haben keinen Starkregenwert in ihrer Umgebung (Flag rain_nodata); ihre Gewichte werden neu normiert.</translation>
        </message>
        <message>
            <source>{n} roofs have no value in the area field; their footprint is used (flag area_from_footprint).</source>
            <translation>{n} Dächer haben keinen Wert im Flächenfeld; ihre Grundfläche wird verwendet (Flag area_from_footprint).</translation>
        </message>
        <message>
            <source>No districts and no target area given: the target table has one row for all roofs, without geometry.</source>
            <translation>Weder Stadtteile noch Zielgebiet angegeben: Die Zieltabelle hat eine Zeile für alle Dächer, ohne Geometrie.</translation>
        </message>
        <message>
            <source>greenable area from the area field (e.g. flat_roof_m2 of the LoD2 import), else footprint / cos(slope) (as the Bonn roof-greening script); 0 at the minimum area, 1 at the full-score area ({full} m², plugin's choice). Roofs under the minimum area ({min} m², Düsseldorf and Bonn) are excluded.</source>
            <translation>begrünbare Fläche aus dem Flächenfeld (z. B. flat_roof_m2 des LoD2-Imports), sonst Grundfläche / cos(Neigung) (wie das Bonner Dachbegrünungs-Skript); 0 bei der Mindestfläche, 1 bei der Fläche für die volle Bewertung ({full} m², Wahl des Plugins). Dächer unter der Mindestfläche ({min} m², Düsseldorf und Bonn) werden ausgeschlossen.</translation>
        </message>
        <message>
            <source>mean heavy-rain water depth in a ring around the building ({ring} m), 0 m → 0, {depth} m and deeper → 1 (Essen's depth class above 0.25 m). A finer raster is first averaged to cells of half the ring width, so that a whole city stays fast.</source>
            <translation>mittlere Überflutungstiefe bei Starkregen in einem Ring um das Gebäude ({ring} m), 0 m → 0, {depth} m und tiefer → 1 (Essener Tiefenklasse über 0,25 m). Ein feineres Raster wird zuvor auf Zellen der halben Ringbreite gemittelt, damit auch eine ganze Stadt schnell bleibt.</translation>
        </message>
        <message>
            <source>distance to the nearest park of at least {ha} ha (GALK): 0 next to it, 1 at {dist} m or farther (3-30-300 rule).</source>
            <translation>Entfernung zum nächsten Park von mindestens {ha} ha (GALK): 0 direkt daneben, 1 ab {dist} m (3-30-300-Regel).</translation>
        </message>
        <message>
            <source>1 inside the 2030 target area, the scope polygons whose scope field equals the scope value (default {value}).</source>
            <translation>1 innerhalb des Zielgebiets 2030, der Zielgebiet-Polygone, deren Feld dem Zielwert entspricht (Standard {value}).</translation>
        </message>
        <message>
            <source>Fields used: slope = {slope}, roof type = {roof}, greenable area = {area}, listed = {listed}, green roof = {green}, PV = {pv}.</source>
            <translation>Verwendete Felder: Neigung = {slope}, Dachform = {roof}, begrünbare Fläche = {area}, Denkmal = {listed}, Gründach = {green}, PV = {pv}.</translation>
        </message>
        <message>
            <source>Retention of the scored roofs: {m3:.0f} m³/a.</source>
            <translation>Rückhalt der bewerteten Dächer: {m3:.0f} m³/a.</translation>
        </message>
        <message>
            <source>footprint / cos(slope)</source>
            <translation>Grundfläche / cos(Neigung)</translation>
        </message>
        <message>
            <source>{n} buildings lie in a listed-buildings polygon.</source>
            <translation>{n} Gebäude liegen in einem Denkmal-Polygon.</translation>
        </message>
        <message>
            <source>all roofs</source>
            <translation>alle Dächer</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Criteria&lt;/b&gt; (each 0–1; gi_score = weighted mean × 100; default weight in brackets)&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Kriterien&lt;/b&gt; (jeweils 0–1; gi_score = gewichteter Mittelwert × 100; Standardgewicht in Klammern)&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;A criterion whose layer is not given, does not overlap or holds only nodata is left out and the weights are renormalised; a warning names it. Where a single feature has no value (nodata), the weights are renormalised for that feature and a flag says so (heat_nodata, rain_nodata). All weights and the values marked as the plugin's choice are assumptions: adjust them to your city.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ein Kriterium, dessen Layer fehlt, die Objekte nicht überdeckt oder nur NoData enthält, entfällt, und die Gewichte werden neu normiert; eine Warnung nennt es. Hat ein einzelnes Objekt keinen Wert (NoData), werden die Gewichte für dieses Objekt neu normiert, und ein Flag sagt es (heat_nodata, rain_nodata). Alle Gewichte und die als Wahl des Plugins gekennzeichneten Werte sind Annahmen: Passen Sie sie an Ihre Stadt an.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;How robust is a priority?&lt;/b&gt; The weights are a choice. With STAB_DRAWS above 0 the result is scored again with that many other weightings around the chosen one (STAB_SPREAD sets how far they vary) and tells per feature: gi_stab, the share of weightings in which it keeps its class (0.8 and more: a robust priority; less: its class depends on the weighting), and gi_rank_lo – gi_rank_hi, the ranks it takes in the middle 80 % of the weightings (rank 12 with a band of 8–19: first 20 under most weightings). Excluded features get NULL. 0 switches it off.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Wie robust ist eine Priorität?&lt;/b&gt; Die Gewichte sind eine Festlegung. Mit STAB_DRAWS über 0 wird das Ergebnis mit ebenso vielen anderen Gewichtungen rund um die gewählte erneut bewertet (STAB_SPREAD legt fest, wie weit sie abweichen), und für jedes Objekt wird ausgegeben: gi_stab, der Anteil der Gewichtungen, in denen es seine Klasse behält (ab 0,8: robuste Priorität; darunter: die Klasse hängt von der Gewichtung ab), und gi_rank_lo – gi_rank_hi, die Ränge, die es in den mittleren 80 % der Gewichtungen einnimmt (Rang 12 mit der Spanne 8–19: bei den meisten Gewichtungen unter den ersten 20). Ausgeschlossene Objekte erhalten NULL. 0 schaltet die Berechnung ab.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The input layer is never changed; a layer in geographic coordinates is processed and written in its UTM zone. Canceling leaves no partial output.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Der Eingabe-Layer wird nie verändert; ein Layer in geografischen Koordinaten wird in seiner UTM-Zone verarbeitet und geschrieben. Ein Abbruch hinterlässt keine unvollständige Ausgabe.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the input fields plus gi_score (0–100), gi_class (A ≥ {a}, B ≥ {b}, C ≥ {c}, D, X), gi_rank (1 = first), gi_hz, gi_flags, gi_reason, the c_* of the criteria used, {fields}, written in the order of the input (sort by gi_rank for the priority list). The output RUN_INFO and the layer's metadata keep the run record: algorithm, plugin version, date, every parameter and the weights.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Ausgaben&lt;/b&gt;: die Eingabefelder plus gi_score (0–100), gi_class (A ≥ {a}, B ≥ {b}, C ≥ {c}, D, X), gi_rank (1 = zuerst), gi_hz, gi_flags, gi_reason, die c_* der verwendeten Kriterien, {fields}, in der Reihenfolge der Eingabe geschrieben (nach gi_rank sortieren für die Prioritätenliste). Die Ausgabe RUN_INFO und die Metadaten des Layers halten das Laufprotokoll fest: Algorithmus, Plugin-Version, Datum, jeder Parameter und die Gewichte.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Import LoD2 buildings (CityGML NRW)</source>
            <translation>LoD2-Gebäude importieren (CityGML NRW)</translation>
        </message>
        <message>
            <source>&lt;p&gt;Reads the 3D building model LoD2 of Geobasis NRW (CityGML 1.0, AdV profile; tiles LoD2_32_*_NW.gml) and writes one polygon per building with its roof figures. Give a single tile as &lt;b&gt;CityGML file&lt;/b&gt;, or a &lt;b&gt;Folder&lt;/b&gt; whose *.gml and *.xml files are all read (files in a folder that are not CityGML are skipped with a warning). The tiles are streamed one building at a time, so whole cities fit in memory.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output fields&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;gml_id&lt;/b&gt;: the building's id (ALKIS id, e.g. DENW34AL00022E9s)&lt;/li&gt;&lt;li&gt;&lt;b&gt;function&lt;/b&gt;: ALKIS building function code (bldg:function, e.g. 31001_1010 Wohnhaus, 31001_2463 Garage)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_type&lt;/b&gt;: AdV roof form code (bldg:roofType, e.g. 1000); &lt;b&gt;roof_name&lt;/b&gt;: its German name (Flachdach, Pultdach, Satteldach, Walmdach …)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_src&lt;/b&gt;: &lt;i&gt;building&lt;/i&gt; if the building carries the roof type itself, &lt;i&gt;parts&lt;/i&gt; if it was taken from its building parts: the common type if all parts agree, else the type of the part with the largest roof area&lt;/li&gt;&lt;li&gt;&lt;b&gt;height_m&lt;/b&gt;: measured height (bldg:measuredHeight; the highest part if only the parts have one)&lt;/li&gt;&lt;li&gt;&lt;b&gt;footprint_m2&lt;/b&gt;: 2D area of the footprint polygon&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_area_m2&lt;/b&gt;: true (3D, sloped) area of all roof surfaces&lt;/li&gt;&lt;li&gt;&lt;b&gt;flat_roof_m2&lt;/b&gt;: 3D area of the roof surfaces whose slope is at most the flat-roof threshold&lt;/li&gt;&lt;li&gt;&lt;b&gt;slope_deg&lt;/b&gt;: area-weighted mean roof slope; &lt;b&gt;slope_max_deg&lt;/b&gt;: the steepest roof surface (surfaces under 0.01 m² are ignored there)&lt;/li&gt;&lt;li&gt;&lt;b&gt;gem_schl&lt;/b&gt;: the Gemeindeschlüssel (municipality key) of the building&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: each RoofSurface polygon's area and normal come from its vector area (cross-product / Newell method), which is exact for planar polygons in any orientation; the slope is the angle between the normal and the vertical. The footprint is the union of the GroundSurface polygons (of the building and its parts), or of the roof polygons projected to 2D when there is no GroundSurface; it is made valid. Buildings with neither roof nor ground polygons are skipped with a warning.&lt;/p&gt;&lt;p&gt;Serves Handlungsziel 02 (green roofs and façades: half of the flat roofs green by 2030) as the building input of the roof algorithms.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flat-roof threshold&lt;/b&gt; (default 5°): slope class 1 (0–5°, very well suited for green roofs) of the Münster green-roof potential (opendata.stadt-muenster.de). Adjust it to your own definition of a flat roof.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Coordinate system&lt;/b&gt;: the output is in EPSG:25832 (ETRS89 / UTM 32N), the CRS of the NRW tiles (srsName urn:adv:crs:ETRS89_UTM32*…). Files without a recognised srsName are assumed to be in EPSG:25832, with a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sources&lt;/b&gt;: Geobasis NRW, 3D-Gebäudemodelle LoD2 NRW, licence Datenlizenz Deutschland – Zero – 2.0 (dl-de/zero-2-0), www.opengeodata.nrw.de. Roof form codes: AdV code list Dachform (ALKIS, GeoInfoDok).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Liest das 3D-Gebäudemodell LoD2 von Geobasis NRW (CityGML 1.0, AdV-Profil; Kacheln LoD2_32_*_NW.gml) und schreibt je Gebäude ein Polygon mit seinen Dachkennzahlen. Geben Sie eine einzelne Kachel als &lt;b&gt;CityGML-Datei&lt;/b&gt; an oder einen &lt;b&gt;Ordner&lt;/b&gt;, dessen *.gml- und *.xml-Dateien alle gelesen werden (Dateien im Ordner, die kein CityGML sind, werden mit einer Warnung übersprungen). Die Kacheln werden Gebäude für Gebäude gelesen, sodass auch ganze Städte in den Speicher passen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausgabefelder&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;gml_id&lt;/b&gt;: die Kennung des Gebäudes (ALKIS-Kennung, z. B. DENW34AL00022E9s)&lt;/li&gt;&lt;li&gt;&lt;b&gt;function&lt;/b&gt;: Schlüssel der ALKIS-Gebäudefunktion (bldg:function, z. B. 31001_1010 Wohnhaus, 31001_2463 Garage)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_type&lt;/b&gt;: AdV-Schlüssel der Dachform (bldg:roofType, z. B. 1000); &lt;b&gt;roof_name&lt;/b&gt;: ihr Name (Flachdach, Pultdach, Satteldach, Walmdach …)&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_src&lt;/b&gt;: &lt;i&gt;building&lt;/i&gt;, wenn das Gebäude die Dachform selbst trägt, &lt;i&gt;parts&lt;/i&gt;, wenn sie aus seinen Gebäudeteilen stammt: die gemeinsame Dachform, wenn alle Teile übereinstimmen, sonst die Dachform des Teils mit der größten Dachfläche&lt;/li&gt;&lt;li&gt;&lt;b&gt;height_m&lt;/b&gt;: gemessene Höhe (bldg:measuredHeight; der höchste Teil, wenn nur die Teile eine Höhe haben)&lt;/li&gt;&lt;li&gt;&lt;b&gt;footprint_m2&lt;/b&gt;: 2D-Fläche des Grundriss-Polygons&lt;/li&gt;&lt;li&gt;&lt;b&gt;roof_area_m2&lt;/b&gt;: wahre (3D-, geneigte) Fläche aller Dachflächen&lt;/li&gt;&lt;li&gt;&lt;b&gt;flat_roof_m2&lt;/b&gt;: 3D-Fläche der Dachflächen, deren Neigung höchstens die Flachdach-Schwelle beträgt&lt;/li&gt;&lt;li&gt;&lt;b&gt;slope_deg&lt;/b&gt;: flächengewichtete mittlere Dachneigung; &lt;b&gt;slope_max_deg&lt;/b&gt;: die steilste Dachfläche (Flächen unter 0,01 m² zählen hier nicht)&lt;/li&gt;&lt;li&gt;&lt;b&gt;gem_schl&lt;/b&gt;: der Gemeindeschlüssel des Gebäudes&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Methode&lt;/b&gt;: Fläche und Normale jedes RoofSurface-Polygons ergeben sich aus seinem Flächenvektor (Kreuzprodukt- bzw. Newell-Verfahren), der für ebene Polygone in jeder Lage exakt ist; die Neigung ist der Winkel zwischen der Normalen und der Senkrechten. Der Grundriss ist die Vereinigung der GroundSurface-Polygone (des Gebäudes und seiner Teile) oder, wenn es keine GroundSurface gibt, der in 2D projizierten Dachpolygone; er wird geometrisch bereinigt. Gebäude ohne Dach- und Bodenpolygone werden mit einer Warnung übersprungen.&lt;/p&gt;&lt;p&gt;Dient dem Handlungsziel 02 (Dach- und Fassadenbegrünung: bis 2030 die Hälfte der Flachdächer grün) als Gebäudegrundlage der Dach-Algorithmen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flachdach-Schwelle&lt;/b&gt; (Vorgabe 5°): Neigungsklasse 1 (0–5°, sehr gut geeignet für Dachbegrünung) des Gründachpotenzials der Stadt Münster (opendata.stadt-muenster.de). Passen Sie sie an Ihre eigene Definition eines Flachdachs an.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Koordinatenbezugssystem&lt;/b&gt;: Die Ausgabe liegt in EPSG:25832 (ETRS89 / UTM 32N), dem KBS der NRW-Kacheln (srsName urn:adv:crs:ETRS89_UTM32*…). Für Dateien ohne erkannten srsName wird EPSG:25832 angenommen und eine Warnung ausgegeben.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Quellen&lt;/b&gt;: Geobasis NRW, 3D-Gebäudemodelle LoD2 NRW, Lizenz Datenlizenz Deutschland – Zero – 2.0 (dl-de/zero-2-0), www.opengeodata.nrw.de. Dachform-Schlüssel: AdV-Codeliste Dachform (ALKIS, GeoInfoDok).&lt;/p&gt;</translation>
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
            <source>{file}: the coordinate system {srs} is not recognised; EPSG:25832 (ETRS89 / UTM 32N, the CRS of the NRW tiles) is assumed. If the file uses another CRS, assign it to the output layer.</source>
            <translation>{file}: Das Koordinatenbezugssystem {srs} wird nicht erkannt; EPSG:25832 (ETRS89 / UTM 32N, das KBS der NRW-Kacheln) wird angenommen. Verwendet die Datei ein anderes KBS, weisen Sie es dem Ausgabelayer zu.</translation>
        </message>
        <message>
            <source>{file}: {n} building(s) have neither roof nor ground polygons and were skipped (e.g. {ids}).</source>
            <translation>{file}: {n} Gebäude ohne Dach- und Bodenpolygone wurden übersprungen (z. B. {ids}).</translation>
        </message>
        <message>
            <source>{file}: {n} polygon reference(s) (xlink:href) point outside their building and were ignored.</source>
            <translation>{file}: {n} Polygonverweis(e) (xlink:href) zeigen aus ihrem Gebäude hinaus und wurden ignoriert.</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine Angabe)</translation>
        </message>
        <message>
            <source>Heat polygons are given but no heat field: choose HEAT_FIELD (a class 1–5, a label such as 'ungünstig', or a value).</source>
            <translation>Hitze-Polygone sind angegeben, aber kein Hitzefeld: Wählen Sie HEAT_FIELD (eine Klasse 1–5, eine Bezeichnung wie 'ungünstig' oder einen Wert).</translation>
        </message>
        <message>
            <source>No input feature lies in a heat polygon with a value: the heat criterion is left out.</source>
            <translation>Kein Eingabeobjekt liegt in einem Hitze-Polygon mit Wert: Das Kriterium thermische Belastung entfällt.</translation>
        </message>
        <message>
            <source>Target area: every polygon of the target area layer (no field chosen).</source>
            <translation>Zielgebiet: jedes Polygon des Zielgebiet-Layers (kein Feld gewählt).</translation>
        </message>
        <message>
            <source>Both a heat raster and heat polygons are given: the raster is used, the polygons are ignored.</source>
            <translation>Hitze-Raster und Hitze-Polygone sind angegeben: Das Raster wird verwendet, die Polygone werden ignoriert.</translation>
        </message>
        <message>
            <source>No districts given: the target table sums per target-area polygon.</source>
            <translation>Keine Stadtteile angegeben: Die Zieltabelle summiert je Zielgebiet-Polygon.</translation>
        </message>
        <message>
            <source>Field {field} ({param}) holds no numbers; it is ignored.</source>
            <translation>Feld {field} ({param}) enthält keine Zahlen; es wird ignoriert.</translation>
        </message>
        <message>
            <source>Layer {name} ({param}) has no usable polygons; it is ignored.</source>
            <translation>Layer {name} ({param}) hat keine verwendbaren Polygone; er wird ignoriert.</translation>
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
            <source>Heat field {field}: the values {values} are neither known classes nor numbers; features in those polygons count as without heat value.</source>
            <translation>Hitzefeld {field}: Die Werte {values} sind weder bekannte Klassen noch Zahlen; Objekte in diesen Polygonen gelten als ohne Hitzewert.</translation>
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
            <source>{n} features of {name} have no geometry; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben keine Geometrie; sie werden mit Klasse X und Kennung geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} have a geometry that cannot be read; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben eine nicht lesbare Geometrie; sie werden mit Klasse X und Kennung geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} have an invalid geometry that could not be repaired; they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} haben eine ungültige Geometrie, die nicht repariert werden konnte; sie werden mit Klasse X und Kennung geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} are not polygons (or have no area); they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} sind keine Polygone (oder haben keine Fläche); sie werden mit Klasse X und Kennung geom_empty ausgegeben.</translation>
        </message>
        <message>
            <source>{n} features of {name} are not lines (or have no length); they are written with class X and flag geom_empty.</source>
            <translation>{n} Objekte von {name} sind keine Linien (oder haben keine Länge); sie werden mit Klasse X und Kennung geom_empty ausgegeben.</translation>
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
            <source>The run record could not be stored in the output ({error}); it is in the output RUN_INFO.</source>
            <translation>Das Laufprotokoll konnte nicht in der Ausgabe gespeichert werden ({error}); es steht in der Ausgabe RUN_INFO.</translation>
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

Ausgabe: musterstadt.gpkg mit den Layern raumtyp (Innenstadt, Zwischenstadt, Landschaft der Strategie Grüne Infrastruktur), districts (Stadtteile), klimatope (Namen des RVR, heat_class 1–5 aus dem Blockmittel von heat.tif nach den z-Wert-Klassen der Düsseldorfer Hitzekarte), gruenzuege (Regionale Grünzüge), biotopverbund (Stufe I/II), sewer_combined (Mischwasser-Einzugsgebiete), parks (Pocket-Parks unter 0,5 ha und Parks ab 0,5 ha), brownfields (Brachen mit Biotoptyp, Versiegelung, Altlastenstatus), streets (OSM-artige Klasse, Breite, Belag), street_trees (Straßenbäume) und buildings (AdV-Dachformcode, Neigung, Höhe, Geschosse, ALKIS-Gebäudefunktion wie im LoD2 NRW, Denkmal, Gründach, PV, Grundfläche); heat.tif: nächtliche Lufttemperatur in °C (10-m-Zellen); starkregen.tif: Wassertiefe bei Starkregen in m (2-m-Zellen bis 400 km², darüber 5 m). Beide Raster haben NoData -9999 und enthalten eine kleine NoData-Fläche.

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
            <translation>Hitze (nächtliche Lufttemperatur)</translation>
        </message>
        <message>
            <source>Heavy rain water depth</source>
            <translation>Wassertiefe bei Starkregen</translation>
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
            <translation>Hitze-Polygone (z. B. Klimatope, Klassen der Wärmebelastung)</translation>
        </message>
        <message>
            <source>Heat class or value field</source>
            <translation>Feld Hitzeklasse oder -wert</translation>
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
            <translation>Wassertiefe für die volle Starkregen-Bewertung (m)</translation>
        </message>
        <message>
            <source>Parks and public green spaces (polygons)</source>
            <translation>Parks und öffentliche Grünflächen (Polygone)</translation>
        </message>
        <message>
            <source>Smallest park that counts (ha)</source>
            <translation>Kleinster zählender Park (ha)</translation>
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
            <translation>Jeder Gewichtsanteil p schwankt um etwa √(p(1 − p)/(κ + 1)): κ = 50 verschiebt einen Anteil von 0,3 um etwa ±0,06, κ = 10 um etwa ±0,14. Wahl des Plugins; passen Sie den Wert an den Dissens an, den Sie bei den Gewichten erwarten.</translation>
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
            <translation>Hitze-Raster (z. B. Nachttemperatur)</translation>
        </message>
        <message>
            <source>Read at a point inside each feature: classes 1–5 or the labels sehr ungünstig … sehr günstig, else min–max of the values.</source>
            <translation>Gelesen an einem Punkt in jedem Objekt: Klassen 1–5 oder die Bezeichnungen sehr ungünstig … sehr günstig, sonst Min–Max der Werte.</translation>
        </message>
        <message>
            <source>Heat values</source>
            <translation>Hitzewerte</translation>
        </message>
        <message>
            <source>Heavy-rain water depth raster (m)</source>
            <translation>Raster Wassertiefe bei Starkregen (m)</translation>
        </message>
        <message>
            <source>The depth is averaged in this ring around each feature, the feature's own cells left out (plugin's choice).</source>
            <translation>Die Tiefe wird in diesem Ring um jedes Objekt gemittelt, ohne die Zellen des Objekts selbst (Wahl des Plugins).</translation>
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
            <translation>Die Robustheit des Rangs entfällt: Die Punktzahl dieses Algorithmus ist kein gewichteter Mittelwert seiner Kriterien, daher lassen sich andere Gewichtungen nicht auf dieselbe Weise bewerten.</translation>
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
            <source>Classes: A {a}, B {b}, C {c}, D {d}, excluded (X) {x}.</source>
            <translation>Klassen: A {a}, B {b}, C {c}, D {d}, ausgeschlossen (X) {x}.</translation>
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
            <translation>höherer Wert = mehr Hitze</translation>
        </message>
        <message>
            <source>lower value = more heat</source>
            <translation>niedrigerer Wert = mehr Hitze</translation>
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
            <source>No criterion with data has a weight above 0: give a weight to a criterion whose layer or field is given (e.g. {params}).</source>
            <translation>Kein Kriterium mit Daten hat ein Gewicht über 0: Geben Sie einem Kriterium ein Gewicht, dessen Layer oder Feld angegeben ist (z. B. {params}).</translation>
        </message>
        <message>
            <source>Writing the output failed: {err}</source>
            <translation>Das Schreiben der Ausgabe ist fehlgeschlagen: {err}</translation>
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
            <source>roof steeper than 45° (excluded)</source>
            <translation>Dach steiler als 45° (ausgeschlossen)</translation>
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
            <translation>{area} m² begrünbar</translation>
        </message>
        <message>
            <source>less than {min} m² greenable (excluded)</source>
            <translation>weniger als {min} m² begrünbar (ausgeschlossen)</translation>
        </message>
        <message>
            <source>listed building (excluded)</source>
            <translation>Baudenkmal (ausgeschlossen)</translation>
        </message>
        <message>
            <source>green roof already there (excluded)</source>
            <translation>bereits begrünt (ausgeschlossen)</translation>
        </message>
        <message>
            <source>no usable geometry (excluded)</source>
            <translation>keine verwendbare Geometrie (ausgeschlossen)</translation>
        </message>
        <message>
            <source>no criterion could be evaluated</source>
            <translation>kein Kriterium auswertbar</translation>
        </message>
        <message>
            <source>high heat load</source>
            <translation>hohe Wärmebelastung</translation>
        </message>
        <message>
            <source>moderate heat load</source>
            <translation>mittlere Wärmebelastung</translation>
        </message>
        <message>
            <source>low heat load</source>
            <translation>geringe Wärmebelastung</translation>
        </message>
        <message>
            <source>no heat value</source>
            <translation>kein Hitzewert</translation>
        </message>
        <message>
            <source>water depth {depth} m nearby</source>
            <translation>Wassertiefe {depth} m in der Umgebung</translation>
        </message>
        <message>
            <source>no heavy-rain water nearby</source>
            <translation>kein Starkregenwasser in der Umgebung</translation>
        </message>
        <message>
            <source>no heavy-rain data nearby</source>
            <translation>keine Starkregendaten in der Umgebung</translation>
        </message>
        <message>
            <source>in the combined-sewer area</source>
            <translation>im Mischwassergebiet</translation>
        </message>
        <message>
            <source>nearest park ≥ {ha} ha at {dist} m</source>
            <translation>nächster Park ≥ {ha} ha in {dist} m</translation>
        </message>
        <message>
            <source>no park ≥ {ha} ha within {max} m</source>
            <translation>kein Park ≥ {ha} ha innerhalb von {max} m</translation>
        </message>
        <message>
            <source>in the 2030 target area ({scope})</source>
            <translation>im Zielgebiet 2030 ({scope})</translation>
        </message>
        <message>
            <source>PV on the roof: solar green roof</source>
            <translation>PV auf dem Dach: Solargründach</translation>
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
            <source>0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25, over 45° excluded (classes of the Münster green-roof potential).</source>
            <translation>0–5° → 1, 5–15° → 0,75, 15–30° → 0,5, 30–45° → 0,25, über 45° ausgeschlossen (Klassen des Münsteraner Gründachpotenzials).</translation>
        </message>
        <message>
            <source>greenable area</source>
            <translation>begrünbare Fläche</translation>
        </message>
        <message>
            <source>0 at the smallest greenable roof, 1 at the area for the full score.</source>
            <translation>0 beim kleinsten begrünbaren Dach, 1 ab der Fläche für die volle Punktzahl.</translation>
        </message>
        <message>
            <source>heat load</source>
            <translation>thermische Belastung</translation>
        </message>
        <message>
            <source>Heat raster min–max over this run, or heat classes 1–5 → (class − 1) / 4.</source>
            <translation>Hitzeraster: Min–Max über diesen Lauf; Belastungsklassen 1–5 → (Klasse − 1) / 4.</translation>
        </message>
        <message>
            <source>heavy rain</source>
            <translation>Starkregen</translation>
        </message>
        <message>
            <source>Mean water depth in a ring around the building: 0 m → 0, the full-score depth → 1.</source>
            <translation>Mittlere Überflutungstiefe in einem Ring um das Gebäude: 0 m → 0, Tiefe für die volle Punktzahl → 1.</translation>
        </message>
        <message>
            <source>combined sewer</source>
            <translation>Mischsystem</translation>
        </message>
        <message>
            <source>1 inside a combined-sewer area.</source>
            <translation>1 im Gebiet des Mischsystems.</translation>
        </message>
        <message>
            <source>distance to parks</source>
            <translation>Entfernung zu Parks</translation>
        </message>
        <message>
            <source>0 next to a park, 1 at the distance without a park or farther (3-30-300 rule).</source>
            <translation>0 direkt am Park, 1 ab der Entfernung „ohne Park“ (3-30-300-Regel).</translation>
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
            <source>retention</source>
            <translation>Rückhalt</translation>
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
            <source>points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>Accepts: {kinds}</source>
            <translation>Nimmt: {kinds}</translation>
        </message>
        <message>
            <source>Layers/Roles</source>
            <translation>Ebenen/Rollen</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
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
            <translation>Welche Ebene spielt welche Rolle? Vorgeschlagen nach Ebenen- und Feldnamen; im Projekt gespeichert.</translation>
        </message>
        <message>
            <source>Suggest roles</source>
            <translation>Rollen vorschlagen</translation>
        </message>
        <message>
            <source>Fill the empty roles from layer and field names</source>
            <translation>Leere Rollen nach Ebenen- und Feldnamen füllen</translation>
        </message>
        <message>
            <source>Load sample data</source>
            <translation>Beispieldaten laden</translation>
        </message>
        <message>
            <source>Add the sample city Musterstadt as a layer group and assign its roles</source>
            <translation>Die Beispielstadt Musterstadt als Ebenengruppe laden und ihre Rollen zuweisen</translation>
        </message>
        <message>
            <source>Run with these layers</source>
            <translation>Mit diesen Ebenen ausführen</translation>
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
            <source>The sample data is not installed with this plugin.</source>
            <translation>Die Beispieldaten sind mit diesem Plugin nicht installiert.</translation>
        </message>
        <message>
            <source>Sample data loaded: {n} layers, {r} roles assigned.</source>
            <translation>Beispieldaten geladen: {n} Ebenen, {r} Rollen zugewiesen.</translation>
        </message>
        <message>
            <source>{name} …</source>
            <translation>{name} …</translation>
        </message>
        <message>
            <source>The algorithm {alg} is not available.</source>
            <translation>Der Algorithmus {alg} ist nicht verfügbar.</translation>
        </message>
        <message>
            <source>The weights could not be recovered from this result; shown with equal weights.</source>
            <translation>Die Gewichte ließen sich aus diesem Ergebnis nicht ermitteln; dargestellt mit gleichen Gewichten.</translation>
        </message>
        <message>
            <source>Weights as recovered from this result's own scores.</source>
            <translation>Gewichte aus den Punktzahlen dieses Ergebnisses selbst ermittelt.</translation>
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
            <source>Thermal load</source>
            <translation>Wärmebelastung</translation>
        </message>
        <message>
            <source>Klimatop</source>
            <translation>Klimatop</translation>
        </message>
        <message>
            <source>Water depth</source>
            <translation>Wassertiefe</translation>
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
            <translation>Nächster Park</translation>
        </message>
        <message>
            <source>Raumtyp</source>
            <translation>Raumtyp</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Stadtteil</translation>
        </message>
        <message>
            <source>Combined-sewer area</source>
            <translation>Mischwassergebiet</translation>
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
            <translation>Noch keine Ergebnisebene im Projekt.</translation>
        </message>
        <message>
            <source>“{layer}” with the live weights: {now} of {n} features serving HZ {hz} are class A (in the run: {run}).</source>
            <translation>„{layer}“ mit den angepassten Gewichten: {now} von {n} Objekten, die HZ {hz} dienen, sind Klasse A (im Lauf: {run}).</translation>
        </message>
        <message>
            <source>Result layers: layers with the fields gi_score, gi_class, gi_rank, gi_hz, gi_flags and gi_reason</source>
            <translation>Ergebnisebenen: Ebenen mit den Feldern gi_score, gi_class, gi_rank, gi_hz, gi_flags und gi_reason</translation>
        </message>
        <message>
            <source>Pick on map</source>
            <translation>In Karte wählen</translation>
        </message>
        <message>
            <source>Click a feature of the result layer on the map to inspect it</source>
            <translation>Ein Objekt der Ergebnisebene in der Karte anklicken, um es zu untersuchen</translation>
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
            <translation>Ein Objekt einer Ergebnisebene auswählen (oder „In Karte wählen“), um zu sehen, wie seine Bewertung zustande kommt.</translation>
        </message>
        <message>
            <source>Feature:</source>
            <translation>Objekt:</translation>
        </message>
        <message>
            <source>Score:</source>
            <translation>Punktzahl:</translation>
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
            <translation>Keine Kriterienfelder (c_*) in dieser Ebene.</translation>
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
            <translation>Im Reiter „Ebenen/Rollen“ Ebenen zuweisen, um zu sehen, was hier liegt.</translation>
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
            <translation>Die Punktzahlen dieses Ergebnisses sind kein gewichteter Mittelwert seiner Kriterien (c_*) und lassen sich hier nicht neu gewichten: Starten Sie den Algorithmus erneut mit anderen Gewichten.</translation>
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
            <source>Saved as “{name}” (a temporary layer: export it to keep it).</source>
            <translation>Gespeichert als „{name}“ (ein temporärer Layer: zum Behalten exportieren).</translation>
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
            <source>Biotopverbund</source>
            <translation>Biotopverbund</translation>
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
            <translation>Parks / Grünflächen</translation>
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
            <translation>Mischwassergebiete</translation>
        </message>
        <message>
            <source>Soils</source>
            <translation>Böden</translation>
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
    </context>
</TS>
