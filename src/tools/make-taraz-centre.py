#!/usr/bin/env python3
"""Writes maps/taraz-centre.osm: the project's schematic street layout of the Taraz centre.

Digitised by the project, not surveyed: the anchors below come from the project's reading of the
blog post in the seed material (the corner of Abai and Kazybek Bi streets one block south of Dostyk
square, the central food market on Kazybek Bi street, the photo shop facing the blast site); the rest
of the grid is drawn consistently around them. Coordinates are approximate. Usage:

    python3 src/tools/make-taraz-centre.py > maps/taraz-centre.osm
"""
from xml.sax.saxutils import quoteattr

# Anchors (longitude, latitude), approximate.
CORNER_ABAI_KAZYBEK = (71.36670, 42.89800)
DOSTYK_SQUARE = (71.36670, 42.90050)
MARKET = (71.36740, 42.89690)
PHOTO_SHOP = (71.36645, 42.89705)

# The grid: east-west streets by latitude, north-south streets by longitude.
LAT_SULEIMENOV, LAT_ABAI, LAT_TOLE_BI, LAT_KUNAEV = 42.89600, CORNER_ABAI_KAZYBEK[1], 42.89990, 42.90110
LON_KARAKHAN, LON_AITEKE, LON_KAZYBEK, LON_ZHAMBYL, LON_PUSHKIN = 71.36100, 71.36350, CORNER_ABAI_KAZYBEK[0], 71.37000, 71.37300
LAT_S, LAT_N = 42.89450, 42.90220
EW = [LAT_SULEIMENOV, LAT_ABAI, LAT_TOLE_BI, LAT_KUNAEV]
NS = [LON_KARAKHAN, LON_AITEKE, LON_KAZYBEK, LON_ZHAMBYL, LON_PUSHKIN]

nodes = {}      # (lon, lat) -> id
node_tags = {}  # id -> tags
ways = []       # (id, [node ids], tags)
relations = []  # (id, [(type, ref, role)], tags)
next_id = [1]


def node(lon, lat, tags=None):
    key = (round(lon, 6), round(lat, 6))
    if key not in nodes or tags:
        nodes[key if not tags else (key, next_id[0])] = next_id[0]
        nid = next_id[0]
        next_id[0] += 1
        if tags:
            node_tags[nid] = tags
        return nid
    return nodes[key]


def way(points, tags, closed=False):
    ids = [node(lon, lat) for lon, lat in points]
    if closed:
        ids.append(ids[0])
    wid = 1000 + len(ways)
    ways.append((wid, ids, tags))
    return wid


def names(en, ru, kk):
    return {"name": en, "name:en": en, "name:ru": ru, "name:kk": kk}


def street(points, highway, en, ru, kk):
    # One way per stretch between crossings, as OpenStreetMap has them.
    for a, b in zip(points, points[1:]):
        way([a, b], {"highway": highway, **names(en, ru, kk)})


def box(lon0, lat0, lon1, lat1):
    return [(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)]


def ew_street(lat, lon_from, lon_to, highway, en, ru, kk):
    pts = [(lon_from, lat)] + [(lon, lat) for lon in NS if lon_from < lon < lon_to] + [(lon_to, lat)]
    street(pts, highway, en, ru, kk)


def ns_street(lon, lat_from, lat_to, highway, en, ru, kk):
    pts = [(lon, lat_from)] + [(lon, lat) for lat in EW if lat_from < lat < lat_to] + [(lon, lat_to)]
    street(pts, highway, en, ru, kk)


W, E = LON_KARAKHAN - 0.0015, LON_PUSHKIN + 0.0015
ew_street(LAT_TOLE_BI, W, E, "primary", "Tole Bi avenue", "проспект Толе би", "Төле би даңғылы")
ew_street(LAT_ABAI, W, E, "secondary", "Abai street", "улица Абая", "Абай көшесі")
ew_street(LAT_SULEIMENOV, W, E, "tertiary", "Suleimenov street", "улица Сулейменова", "Сүлейменов көшесі")
ew_street(LAT_KUNAEV, W, E, "residential", "Kunaev street", "улица Кунаева", "Қонаев көшесі")
ns_street(LON_KAZYBEK, LAT_S, LAT_TOLE_BI, "secondary", "Kazybek Bi street", "улица Казыбек би", "Қазыбек би көшесі")
ns_street(LON_ZHAMBYL, LAT_S, LAT_N, "primary", "Zhambyl avenue", "проспект Жамбыла", "Жамбыл даңғылы")
ns_street(LON_AITEKE, LAT_S, LAT_N, "tertiary", "Aiteke Bi street", "улица Айтеке би", "Әйтеке би көшесі")
ns_street(LON_KARAKHAN, LAT_S, LAT_N, "residential", "Karakhan street", "улица Карахана", "Қарахан көшесі")
ns_street(LON_PUSHKIN, LAT_S, LAT_N, "residential", "Pushkin street", "улица Пушкина", "Пушкин көшесі")
# Service lane behind the market.
way([(LON_KAZYBEK, 42.89630), (71.36840, 42.89630), (71.36840, LAT_ABAI)], {"highway": "service"})

# Dostyk square north of Tole Bi, with its statue and paths.
sq = box(71.36560, LAT_TOLE_BI + 0.00012, 71.36780, LAT_KUNAEV - 0.00012)
way(sq, {"place": "square", "highway": "pedestrian", "area": "yes",
         **names("Dostyk square", "площадь Достык", "Достық алаңы")}, closed=True)
way([(71.36560, DOSTYK_SQUARE[1]), (71.36780, DOSTYK_SQUARE[1])], {"highway": "footway"})
way([(LON_KAZYBEK, LAT_TOLE_BI), (LON_KAZYBEK, LAT_KUNAEV)], {"highway": "footway"})
node(*DOSTYK_SQUARE, {"historic": "memorial", "memorial": "statue",
                      **names("Equestrian statue", "конная статуя", "атты ескерткіш")})
# Park west of the square, with a pond.
way(box(71.36380, LAT_TOLE_BI + 0.00012, 71.36540, LAT_KUNAEV - 0.00012),
    {"leisure": "park", **names("City park", "городской парк", "қалалық саябақ")}, closed=True)
way(box(71.36430, 42.90030, 71.36490, 42.90070), {"natural": "water"}, closed=True)

# The central food market: market area, and the hall as a multipolygon with a courtyard.
way(box(71.36705, 42.89625, 71.36835, 42.89780), {"amenity": "marketplace", "landuse": "retail"}, closed=True)
outer = way(box(71.36712, 42.89640, 71.36800, 42.89760), {}, closed=True)
inner = way(box(71.36745, 42.89675, 71.36775, 42.89725), {}, closed=True)
relations.append((5000, [("way", outer, "outer"), ("way", inner, "inner")],
                  {"type": "multipolygon", "building": "retail"}))
node(*MARKET, {"amenity": "marketplace", "opening_hours": "Tu-Su 08:00-18:00",
               **names("Central food market", "Центральный продовольственный рынок", "Орталық азық-түлік базары")})
# The building with the photo shop, across Kazybek Bi street from the market.
way(box(71.36590, 42.89650, 71.36652, 42.89760), {"building": "apartments"}, closed=True)
node(*PHOTO_SHOP, {"shop": "photo", **names("Photo shop", "фотосалон", "фотосалон")})
# The National Security Committee office, north of Tole Bi, east of the square.
way(box(71.36850, LAT_TOLE_BI + 0.00015, 71.36950, LAT_TOLE_BI + 0.00085), {"building": "government"}, closed=True)
node(71.36900, LAT_TOLE_BI + 0.00050, {"office": "government", "government": "security",
     **names("National Security Committee (KNB)", "Комитет национальной безопасности (КНБ)",
             "Ұлттық қауіпсіздік комитеті (ҰҚК)")})
# The weapons store on Abai street.
way(box(71.36420, LAT_ABAI + 0.00015, 71.36480, LAT_ABAI + 0.00060), {"building": "retail"}, closed=True)
node(71.36450, LAT_ABAI + 0.00037, {"shop": "weapons", **names("Weapons store", "оружейный магазин", "қару дүкені")})

# Blocks of flats along the streets of every other block (schematic: two rows per block).
taken = [(71.36705, 42.89625, 71.36835, 42.89780), (71.36590, 42.89650, 71.36652, 42.89760),
         (71.36380, LAT_TOLE_BI, 71.36780, LAT_KUNAEV), (71.36850, LAT_TOLE_BI, 71.36950, LAT_TOLE_BI + 0.001),
         (71.36420, LAT_ABAI, 71.36480, LAT_ABAI + 0.0007)]
lats = [LAT_S] + EW + [LAT_N]
lons = [W] + NS + [E]


def free(b):
    return all(b[2] <= t[0] or b[0] >= t[2] or b[3] <= t[1] or b[1] >= t[3] for t in taken)


for i in range(len(lons) - 1):
    for j in range(len(lats) - 1):
        x0, x1, y0, y1 = lons[i] + 0.00035, lons[i + 1] - 0.00035, lats[j] + 0.00025, lats[j + 1] - 0.00025
        if x1 - x0 < 0.0006 or y1 - y0 < 0.0004:
            continue
        for y in (y0, y1 - 0.00018):
            x = x0
            while x + 0.0006 <= x1:
                b = (x, y, x + 0.0006, y + 0.00018)
                if free(b):
                    way(box(*b), {"building": "apartments", "building:levels": "5"}, closed=True)
                x += 0.0009

print('<?xml version="1.0" encoding="UTF-8"?>')
print('<osm version="0.6" generator="src/tools/make-taraz-centre.py (schematic, approximate)">')
print(f'  <bounds minlat="{LAT_S - 0.0005:.5f}" minlon="{W:.5f}" maxlat="{LAT_N + 0.0005:.5f}" maxlon="{E:.5f}"/>')
for key, nid in sorted(nodes.items(), key=lambda kv: kv[1]):
    lon, lat = key[0] if isinstance(key[0], tuple) else key
    tags = node_tags.get(nid)
    if tags:
        print(f'  <node id="{nid}" lat="{lat:.5f}" lon="{lon:.5f}">')
        for k, v in tags.items():
            print(f'    <tag k={quoteattr(k)} v={quoteattr(v)}/>')
        print('  </node>')
    else:
        print(f'  <node id="{nid}" lat="{lat:.5f}" lon="{lon:.5f}"/>')
for wid, ids, tags in ways:
    print(f'  <way id="{wid}">')
    for n in ids:
        print(f'    <nd ref="{n}"/>')
    for k, v in tags.items():
        print(f'    <tag k={quoteattr(k)} v={quoteattr(v)}/>')
    print('  </way>')
for rid, members, tags in relations:
    print(f'  <relation id="{rid}">')
    for t, ref, role in members:
        print(f'    <member type="{t}" ref="{ref}" role="{role}"/>')
    for k, v in tags.items():
        print(f'    <tag k={quoteattr(k)} v={quoteattr(v)}/>')
    print('  </relation>')
print('</osm>')
