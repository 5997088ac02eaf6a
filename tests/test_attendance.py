"""Attendance tables whose columns say more than marks (who came for whom, a roster's personal vara), and lists."""

from pathlib import Path

from referat.extract.attendance import read_lists, read_tables
from referat.extract.blocks import Block, build_blocks
from referat.ingest import read_document
from referat.ingest.document import Line


def _table(*rows: list[str]) -> list[Block]:
    return [Block([Line(page=1, number=i + 1, cells=list(row))]) for i, row in enumerate(rows)]


def _people(blocks: list[Block]) -> dict[str, tuple]:
    return {a.name: (a.category.value, a.status.value, a.substitute_for) for a in read_tables(blocks)}


def test_vara_column_names_who_came_for_an_absent_member():
    people = _people(_table(["Navn", "Møtt", "Forfall", "Vara"],
                            ["Steinar Moi", "", "X", "Liv Kydland"],
                            ["Karin Aune", "X", "", ""]))
    assert people == {"Steinar Moi": ("member", "substituted", None),
                      "Liv Kydland": ("substitute", "present", "Steinar Moi"),
                      "Karin Aune": ("member", "present", None)}


def test_personal_vara_of_a_member_who_came_stays_home():
    people = _people(_table(["Medlem", "Vara", "Møtt"],
                            ["Karin Aune", "Liv Kydland", "x"]))
    assert people == {"Karin Aune": ("member", "present", None)}


def test_motte_for_column():
    people = _people(_table(["Navn", "Møtte for", "Representerer"],
                            ["Anne Rossland", "Per Myklebust", "SP"]))
    # one who came for someone came
    assert people == {"Anne Rossland": ("substitute", "present", "Per Myklebust")}


def test_surname_first_in_the_name_column():
    people = _people(_table(["Navn", "Møtt"], ["Brekke, Svein", "x"]))
    assert people == {"Svein Brekke": ("member", "present", None)}


def test_remark_column_names_a_substitute_and_a_remote_member():
    people = _people(_table(["Medlem", "Parti", "Til stede", "Forfall", "Merknad"],
                            ["Arild Nesheim", "H", "", "X", "Vara: Tonje Rabben"],
                            ["Camilla Urdal", "Sp", "X", "", "Deltok på Teams"],
                            ["Siri Hope", "KrF", "X", "", "Gikk etter sak 33/24"]))
    assert people == {"Arild Nesheim": ("member", "substituted", None),
                      "Tonje Rabben": ("substitute", "present", "Arild Nesheim"),
                      "Camilla Urdal": ("member", "remote", None),
                      "Siri Hope": ("member", "present", None)}


def test_a_substitute_named_in_a_members_row_and_listed_in_her_own():
    people = _people(_table(["Navn", "Rolle", "Møtt", "Forfall", "Merknad"],
                            ["Kjetil Vadheim", "Nestleder", "", "X", "Vara: Elin Lunnan"],
                            ["Elin Lunnan", "Varamedlem", "X", "", ""],
                            ["Kari Tangen", "Varaordfører", "X", "", ""]))
    assert people == {"Kjetil Vadheim": ("member", "substituted", None),
                      "Elin Lunnan": ("substitute", "present", "Kjetil Vadheim"),
                      "Kari Tangen": ("member", "present", None)}  # a deputy mayor is no substitute


def test_an_owners_representative_with_the_title_before_the_name():
    found = read_tables(_table(["Eier", "Representant", "Møtt", "Forfall", "Vara som møtte"],
                               ["Fjordvik kommune", "Ordfører Solfrid Heggø", "X", "", ""],
                               ["Nesvåg kommune", "Ordfører Bård Tveiten", "", "X", "Varaordfører Mette Aarvik"]))
    assert [(a.name, a.organisation, a.role, a.category.value, a.status.value, a.substitute_for) for a in found] == [
        ("Solfrid Heggø", "Fjordvik kommune", "Ordfører", "member", "present", None),
        ("Bård Tveiten", "Nesvåg kommune", "Ordfører", "member", "substituted", None),
        ("Mette Aarvik", "Nesvåg kommune", None, "substitute", "present", "Bård Tveiten")]


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "m.txt"
    path.write_text("Møtet ble holdt i styrerommet, og referatet fra forrige møte var sendt ut på forhånd til alle.\n\n"
                    + text, encoding="utf-8")
    return read_document(path)


def _listed(tmp_path: Path, text: str) -> dict[str, tuple]:
    path = tmp_path / "m.txt"
    # a line of prose as long as a page is wide, so that the list's lines do not read as wrapped
    path.write_text("Møtet ble holdt i styrerommet, og referatet fra forrige møte var sendt ut på forhånd til alle.\n\n"
                    + text, encoding="utf-8")
    return {a.name: (a.category.value, a.status.value, a.substitute_for)
            for a in read_lists(build_blocks(read_document(path)))}


def test_an_absent_members_note_names_who_came_instead(tmp_path: Path):
    people = _listed(tmp_path, "Forfall:\nSigrun Hjelmeland (vara Kjell Espeland møtte)\n"
                               "Ole Bakke (Hilde Rong møtte som vara)\nAnne Vik (vara: Tor Sæle)\nLiv Dahl\n")
    assert people == {"Sigrun Hjelmeland": ("member", "substituted", None),
                      "Kjell Espeland": ("substitute", "present", "Sigrun Hjelmeland"),
                      "Ole Bakke": ("member", "substituted", None),
                      "Hilde Rong": ("substitute", "present", "Ole Bakke"),
                      "Anne Vik": ("member", "substituted", None),
                      "Tor Sæle": ("substitute", "present", "Anne Vik"),
                      "Liv Dahl": ("member", "absent", None)}


def test_a_list_one_person_a_line_as_long_as_the_documents_lines(tmp_path: Path):
    # no line of prose: the text reader takes the lines for a wrapped paragraph, each still names one person
    path = tmp_path / "m.txt"
    path.write_text("Styremøte\n\nFra administrasjonen:\nAdministrerende direktør Ingvald Bjerkreim\n"
                    "Direktør Tora Skjelbred\nHR-sjef Leif Sandvær\n", encoding="utf-8")
    blocks = build_blocks(read_document(path))
    assert any(len(b.lines) > 1 for b in blocks)  # the layout this reads: the lines joined in one block
    people = {a.name: (a.category.value, a.status.value, a.substitute_for) for a in read_lists(blocks)}
    assert people == {"Ingvald Bjerkreim": ("secretariat", "present", None),
                      "Tora Skjelbred": ("secretariat", "present", None),
                      "Leif Sandvær": ("secretariat", "present", None)}


def test_labels_inside_a_lists_paragraph_start_lists_of_their_own(tmp_path: Path):
    people = _listed(tmp_path, "Til stede: Fra styret: styreleder Kari Vangen, Per Sollid (deltok på Teams). "
                               "Fra administrasjonen: daglig leder Ola Tverrå, Eva Rindal (referent).\n"
                               "Forfall: Ivar Skogset. Møtende varamedlem: Randi Hjelvik.\n")
    assert people == {"Kari Vangen": ("member", "present", None), "Per Sollid": ("member", "remote", None),
                      "Ola Tverrå": ("secretariat", "present", None), "Eva Rindal": ("secretariat", "present", None),
                      "Ivar Skogset": ("member", "absent", None), "Randi Hjelvik": ("substitute", "present", None)}


def test_moette_and_moette_ikke_label_who_came_and_who_did_not(tmp_path: Path):
    people = _listed(tmp_path, "Møtte: Styreleder Kari Vangen, Per Sollid\nMøtte ikke: Ivar Skogset\n")
    assert people == {"Kari Vangen": ("member", "present", None), "Per Sollid": ("member", "present", None),
                      "Ivar Skogset": ("member", "absent", None)}


def test_a_note_on_when_a_member_came_or_left_names_no_organisation(tmp_path: Path):
    text = ("Til stede:\nMona Skarstein (forlot møtet etter sak 14/24)\nBjørn Vikøren (inhabil i sak 14/24)\n"
            "Tor Sværen (deltok på skjerm)\n")
    found = read_lists(build_blocks(_doc(tmp_path, text)))
    assert {a.name: (a.organisation, a.status.value) for a in found} == {
        "Mona Skarstein": (None, "present"), "Bjørn Vikøren": (None, "present"), "Tor Sværen": (None, "remote")}


def test_values_aligned_under_an_inline_label_one_entry_a_line(tmp_path: Path):
    # the text reader joins the label's line and the next as one wrapped paragraph
    path = tmp_path / "m.txt"
    path.write_text("Møteprotokoll\n\nDato:     05.03.2024\nSted:     Rådhuset\nTil stede: Kåre Lidvin (leder)\n"
                    "Andre:    Oppdragsansvarlig revisor Liv Brekkhaug, Revisjon Fjordane IKS\n"
                    "          Kommunedirektør Trond Eikrem (sak 5/24)\nProtokollfører: Randi Øvrebø\n",
                    encoding="utf-8")
    blocks = build_blocks(read_document(path))
    assert any(b.text.startswith("Andre:") and len(b.lines) == 2 for b in blocks)
    found = [a for a in read_lists(blocks) if a.category.value == "guest"]
    assert {a.name: (a.organisation, a.role, a.items) for a in found} == {
        "Liv Brekkhaug": ("Revisjon Fjordane IKS", "Oppdragsansvarlig revisor", []),
        "Trond Eikrem": (None, "Kommunedirektør", ["05-24"])}


def test_an_owner_by_whom_it_came(tmp_path: Path):
    found = read_lists(build_blocks(_doc(tmp_path, "Til stede:\nFjellhavn kommune v/ ordfører Eirik Tennebø\n"
                                                   "Nordstrand kommune v/Kari Anne Hjelmås (fullmakt)\n")))
    assert {a.name: (a.organisation, a.role) for a in found} == {
        "Eirik Tennebø": ("Fjellhavn kommune", "ordfører"), "Kari Anne Hjelmås": ("Nordstrand kommune", None)}


def test_a_title_before_the_name_and_a_remark_after_a_dash(tmp_path: Path):
    text = "Til stede:\nKommunedirektør Ragnhild Oksvik (Eidsvik kommune) – deltok på Teams\n"
    found = read_lists(build_blocks(_doc(tmp_path, text)))
    assert [(a.name, a.organisation, a.role, a.status.value) for a in found] == [
        ("Ragnhild Oksvik", "Eidsvik kommune", "Kommunedirektør", "remote")]


def test_a_long_line_that_is_nothing_but_people(tmp_path: Path):
    text = ("Til stede fra universitetsstyret:\n"
            "Gunnhild Rasten, Erlend Tysse, Maren Ådnanes, Sivert Kalvø, Helene Dyrkolbotn og Amund Rykkje.\n")
    found = read_lists(build_blocks(_doc(tmp_path, text)))
    assert [a.name for a in found] == ["Gunnhild Rasten", "Erlend Tysse", "Maren Ådnanes", "Sivert Kalvø",
                                       "Helene Dyrkolbotn", "Amund Rykkje"]


def test_a_group_named_by_its_organisation_after_the_members(tmp_path: Path):
    people = _listed(tmp_path, "Til stede:\nFra styret: Kari Vangen (styreleder), Per Sollid\n"
                               "Fra administrasjonen: Ola Brusdal (daglig leder)\n"
                               "Fra Deloitte: Knut Sætre (sak 1/24)\n")
    assert people == {"Kari Vangen": ("member", "present", None), "Per Sollid": ("member", "present", None),
                      "Ola Brusdal": ("secretariat", "present", None), "Knut Sætre": ("guest", "present", None)}


def test_members_by_any_name_and_substitutes_apart(tmp_path: Path):
    people = _listed(tmp_path, "Møtende styremedlemmer:\nStyreleder Anne Lise Fimreite\nNestleder Per Bakke (Zoom)\n\n"
                               "Varamedlemmer til stede:\nKari Holm\n\nMøtande medlemar: Tor Hauge\n")
    assert people == {"Anne Lise Fimreite": ("member", "present", None),
                      "Per Bakke": ("member", "remote", None),
                      "Kari Holm": ("substitute", "present", None),
                      "Tor Hauge": ("member", "present", None)}


def test_the_chair_is_a_member_and_one_capital_a_party(tmp_path: Path):
    people = _listed(tmp_path, "Møteleder: Hilde Kvam (AP)\nTil stede : Trond Eide (H), Siri Vik (F)\n"
                               "Møtesekretær : Nina Lie\n")
    assert people == {"Hilde Kvam": ("member", "present", None), "Trond Eide": ("member", "present", None),
                      "Siri Vik": ("member", "absent", None), "Nina Lie": ("secretariat", "present", None)}


def test_a_substitute_after_a_comma_and_a_full_stop_between_people(tmp_path: Path):
    people = _listed(tmp_path, "Forfall: Nina Holm (LHL), vara Per Dale møtte. Tor Aas (LHL)\n"
                               "Til stede: Adm. dir. Eva Berg, vara Ola Hansen\n")
    assert people == {"Nina Holm": ("member", "substituted", None), "Per Dale": ("substitute", "present", "Nina Holm"),
                      "Tor Aas": ("member", "absent", None), "Eva Berg": ("member", "present", None),
                      "Ola Hansen": ("substitute", "present", None)}


def test_section_rows_without_a_colon():
    people = _people(_table(["Navn", "Til stede"], ["Faste medlemmer", ""], ["Marit Hovland", "Ja"],
                            ["Observatører", ""], ["Lars Nes", "Ja"]))
    assert people == {"Marit Hovland": ("member", "present", None), "Lars Nes": ("observer", "present", None)}


def test_first_names_alone_with_who_stood_in_and_who_was_away(tmp_path: Path):
    # a student board's minutes: first names only, kept as written
    people = _listed(tmp_path, "Tilstede: Sunniva, Jonas, Tiril (for Oda), Per Arne\n\n"
                               "Mangler: Oda (har vikar), Henrik (har ikke vikar)\n\nForfall: Tor, Lise\n")
    # 'Tor, Lise' is two people, not a surname first: nothing in these minutes writes names so
    assert people == {"Sunniva": ("member", "present", None), "Jonas": ("member", "present", None),
                      "Tiril": ("substitute", "present", "Oda"), "Per Arne": ("member", "present", None),
                      "Oda": ("member", "substituted", None), "Henrik": ("member", "absent", None),
                      "Tor": ("member", "absent", None), "Lise": ("member", "absent", None)}


def test_a_long_line_of_first_names_under_a_label_of_its_own(tmp_path: Path):
    names = ["Ylva", "Tobias", "Sigrid", "Aksel", "Ingrid", "Mats", "Hedda", "Sander", "Thea", "Emil", "Maja",
             "Jakob", "Frida", "Oskar", "Nora"]
    people = _listed(tmp_path, "Tilstede:\n" + ", ".join(names) + "\n\nIkke tilstede:\nLinnea\n\n"
                               "## 12 - Godkjenning av innkalling\n\nGodkjent\n")
    assert people == {**{n: ("member", "present", None) for n in names}, "Linnea": ("member", "absent", None)}


def test_people_grouped_under_their_association_with_bullets(tmp_path: Path):
    people = _listed(tmp_path, "Tilstede:\nBOKKLUBBEN\n• Sindre\n• Helene Stav\nSjakkforeningen\n"
                               "• Ola Brekke - Lund\n• Jens Chr. Moe\n\n1 Godkjenning av innkalling\nGodkjent\n")
    assert people == {"Sindre": ("member", "present", None), "Helene Stav": ("member", "present", None),
                      "Ola Brekke-Lund": ("member", "present", None), "Jens Chr. Moe": ("member", "present", None)}


def test_an_unlabelled_heading_and_sections_under_it(tmp_path: Path):
    path = tmp_path / "m.txt"
    lines = ["Til stede", "Stemmeberettigede", "Kari Strand, Sjakkforeningen", "Pål Vik, Bokklubben",
             "Torstein, Filmklubben", "Andre", "Eirik Haug, Studentrådet", "Trond, Idun, Eli, Festforeningen",
             "Siri Lund, koordinator", "Referent: Marte Dal", "1. Godkjenning av innkalling"]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    found = read_lists(build_blocks(read_document(path)))
    assert {a.name: (a.category.value, a.status.value, a.organisation) for a in found} == {
        "Kari Strand": ("member", "present", "Sjakkforeningen"), "Pål Vik": ("member", "present", "Bokklubben"),
        "Torstein": ("member", "present", "Filmklubben"), "Eirik Haug": ("guest", "present", "Studentrådet"),
        "Trond": ("guest", "present", "Festforeningen"), "Idun": ("guest", "present", "Festforeningen"),
        "Eli": ("guest", "present", "Festforeningen"), "Siri Lund": ("secretariat", "present", None),
        "Marte Dal": ("secretariat", "present", None)}


def test_a_list_after_the_cases(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text("Referat fra årsmøte i Verkstedforeningen 2. mai 2024\n\nMøteleder: Siv Aas\n\n"
                    "Sak 1/24 Godkjenning av innkalling\n\nGodkjent.\n\nTilstede:\nSiv Aas\nRoald Chr. Dahl\nEva Li\n",
                    encoding="utf-8")
    from referat.extract import extract_meeting

    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    assert [(a.name, a.status.value) for a in meeting.attendance] == [
        ("Siv Aas", "present"), ("Roald Chr. Dahl", "present"), ("Eva Li", "present")]


def test_a_title_before_the_name_is_the_role(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text("Møtet ble holdt i styrerommet, og referatet fra forrige møte var sendt ut på forhånd til alle.\n\n"
                    "Andre:\n\n- Revisor Odd Berge\n- Samferdsels- og miljøminister Tor Vik\n", encoding="utf-8")
    found = read_lists(build_blocks(read_document(path)))
    assert [(a.name, a.role) for a in found] == [("Odd Berge", "Revisor"), ("Tor Vik", "Samferdsels- og miljøminister")]


def test_labels_stacked_before_all_the_names(tmp_path: Path):
    # a two-column PDF layout flattened: the labels first, then every name without separators
    path = tmp_path / "m.txt"
    path.write_text("Protokoll fra foretaksmøte i Helse Midt AS 3. mai 2024 kl. 10:00 i departementets lokaler. "
                    "Fra Nærings- og fiskeridepartementet møtte: Fra styret møtte: Også til stede: "
                    "Nærings- og fiskeriminister Ola Dahl Styreleder Berit Li Kari B. Vik Per Moe Seniorrådgiver "
                    "Anne-Lise Jul Riksrevisjonen var varslet og møtte ved Tore Hovda Nes.\n", encoding="utf-8")
    from referat.extract import extract_meeting

    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    assert [(a.name, a.role, a.category.value, a.status.value, a.organisation) for a in meeting.attendance] == [
        ("Ola Dahl", "Nærings- og fiskeriminister", "member", "present", None),
        ("Berit Li", "Styreleder", "member", "present", None), ("Kari B. Vik", None, "member", "present", None),
        ("Per Moe", None, "member", "present", None), ("Anne-Lise Jul", "Seniorrådgiver", "member", "present", None),
        ("Tore Hovda Nes", None, "observer", "present", "Riksrevisjonen")]


HOST_AND_GUESTS = """Protokoll fra styremøte i Næring i Telemark IKS 4. april 2024 på Fabrikken.

Deltok fra styret:

- Kari Holm, styreleder
- Per Lie

Deltok fra NiT:

- Anne Sand
- Tor Berg under sak 5/24

Deltok fra Prosjekt Havn og sjø under sak 6/24:

Daglig leder i Havnesamarbeidet Ida Rue

Konsulent Jon Ness

Sak 5/24 Årsregnskap

Daglig leder, Anne Sand ga en orientering om regnskapet.
"""


def test_the_hosts_staff_and_guests_for_one_case(tmp_path: Path):
    path = tmp_path / "m.md"
    path.write_text(HOST_AND_GUESTS, encoding="utf-8")
    from referat.extract import extract_meeting

    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    people = {a.name: (a.category.value, a.organisation, a.role, a.items) for a in meeting.attendance}
    assert people == {
        "Kari Holm": ("member", None, "styreleder", []), "Per Lie": ("member", None, None, []),
        # 'NiT' is the host, written out in the title
        "Anne Sand": ("secretariat", "Næring i Telemark", None, []),
        "Tor Berg": ("guest", "Næring i Telemark", None, ["05-24"]),
        "Ida Rue": ("guest", "Prosjekt Havn og sjø", "Daglig leder i Havnesamarbeidet", ["06-24"]),
        "Jon Ness": ("guest", "Prosjekt Havn og sjø", "Konsulent", ["06-24"])}


def test_staff_under_a_heading_after_the_members(tmp_path: Path):
    people = _listed(tmp_path, "Tilstede:\n\n- Kari Holm\n- Per Lie (per telefon)\n\nFra NiT:\n\n- Anne Sand\n\n"
                               "Andre:\n\n- Revisor Odd Berge\n")
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "remote", None),
                      "Anne Sand": ("secretariat", "present", None), "Odd Berge": ("guest", "present", None)}


def test_a_layout_table_with_a_blank_line_between_rows(tmp_path: Path):
    # as 'pdftotext -layout' prints a form: surname first, the 'Møtt' column left blank
    path = tmp_path / "m.txt"
    path.write_text("A2 Stemmestyret\n\n"
                    " Navn                              Funksjon          Møtt (sett kryss)\n\n"
                    " Lunde Kari-Anne                   Leder\n\n"
                    " Berg Ole Martin                   Medlem\n\n\n"
                    "B Behandling av mottatte stemmer\n", encoding="utf-8")
    people = read_tables(build_blocks(read_document(path)))
    assert [(a.name, a.role, a.status.value) for a in people] == [("Lunde Kari-Anne", "Leder", "absent"),
                                                                   ("Berg Ole Martin", "Medlem", "absent")]


def test_a_list_that_goes_on_with_those_away(tmp_path: Path):
    people = _listed(tmp_path, "Tilstede: Kari Holm, Per Lie\n\nog Eva Dahl. Forfall Tor Moe.\n\n1. Dugnad\n")
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "present", None),
                      "Eva Dahl": ("member", "present", None), "Tor Moe": ("member", "absent", None)}
    people = _listed(tmp_path, "Til stede: Kari Holm og Per Lie. Meldt forfall: Tor Moe\n")
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "present", None),
                      "Tor Moe": ("member", "absent", None)}


def test_name_and_place_lines_take_any_place(tmp_path: Path):
    path = tmp_path / "m.txt"
    lines = ["Til stede:", "Stemmeberettigede", "Kari Strand, Sjakkforeningen", "Pål Vik, SK:IF", "Eva Ås, quiz@uni",
             "Andre:", "Siri Lund, påtroppende koordinator", "1. Godkjenning av innkalling"]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    found = read_lists(build_blocks(read_document(path)))
    assert [(a.name, a.category.value, a.organisation, a.role) for a in found] == [
        ("Kari Strand", "member", "Sjakkforeningen", None), ("Pål Vik", "member", "SK:IF", None),
        ("Eva Ås", "member", "quiz@uni", None), ("Siri Lund", "secretariat", None, "påtroppende koordinator")]


def test_attendance_in_a_pages_front_matter(tmp_path: Path):
    path = tmp_path / "m.md"
    path.write_text('---\nlayout: meeting\ntitle: Første møte\n\nreferent: "Dahl"\n\nattending:\n'
                    "    - sjakk, Kari Strand\n    - koordinator, Pål Vik\n    - kasserer,\n    - bok, Eva Ås,-\n\n"
                    "not_attending:\n"
                    "    - film, Tor Moe\n---\n\n## 1. Godkjenning av innkalling\n", encoding="utf-8")
    found = read_lists(build_blocks(read_document(path)))
    assert [(a.name, a.status.value, a.organisation, a.role) for a in found] == [
        ("Dahl", "present", None, None), ("Kari Strand", "present", "sjakk", None),
        ("Pål Vik", "present", None, "koordinator"), ("Eva Ås", "present", "bok", None),
        # a list of one 'Name, word' line may as well be two people ('Forfall: Tor, Lise'): no place is guessed
        ("Tor Moe", "absent", None, None)]


def test_a_project_group_inside_a_case_is_no_attendance(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text("Referat fra styremøte i Verkstedforeningen 2. mai 2024\n\nTil stede:\n\n- Siv Aas\n- Eva Li\n\n"
                    "Saker\n\n- Budsjett v/ Siv Aas\n- Dugnad v/ Tor Moe\n\n"
                    "Sak 1/24 Prosjekt\n\nDeltakere: Kari Dahl og Per Lie fra kommunen.\n\nForfall: Ole Nes\n",
                    encoding="utf-8")
    from referat.extract import extract_meeting

    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    # the agenda is no group of the list above it: who presents a point is a guest, from nowhere
    assert [(a.name, a.category.value, a.status.value, a.organisation) for a in meeting.attendance] == [
        ("Siv Aas", "member", "present", None), ("Eva Li", "member", "present", None),
        ("Ole Nes", "member", "absent", None), ("Tor Moe", "guest", "present", None)]


def test_dashes_between_people_and_who_stood_in(tmp_path: Path):
    people = _listed(tmp_path, "Tilstede: Kari Holm – Per Lie – Eva Dahl (deltok pr telefon), Siv Ås – Askøy kommune, "
                               "Jo Li (stilte for Bo Ek)\n\nDeltok fra administrasjonen: Anne Berg\n")
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "present", None),
                      "Eva Dahl": ("member", "remote", None), "Siv Ås": ("member", "present", None),
                      "Jo Li": ("substitute", "present", "Bo Ek"), "Anne Berg": ("secretariat", "present", None)}


def test_ocr_damage_in_a_column_header():
    people = _people(_table(["Navn", "Mgtt", "Forfa11"], ["Kari Holm", "x", ""], ["Per Lie", "", "x"]))
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "absent", None)}


def test_representatives_grouped_by_municipality(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_text("Møtet ble holdt i styrerommet, og referatet fra forrige møte var sendt ut på forhånd til alle.\n\n"
                    "Tilstede:\n\nFor Askøy kommune: Kari Holm og Eva Dahl (vara)\n\nFor Fjell kommune: Siv Ås\n",
                    encoding="utf-8")
    found = read_lists(build_blocks(read_document(path)))
    assert [(a.name, a.category.value, a.organisation) for a in found] == [
        ("Kari Holm", "member", "Askøy kommune"), ("Eva Dahl", "substitute", "Askøy kommune"),
        ("Siv Ås", "member", "Fjell kommune")]


def test_labels_in_nynorsk_and_other_wordings(tmp_path: Path):
    people = _listed(tmp_path, "Følgjande faste medlemar møtte: Kari Holm\n\nFrammøtte: Per Lie\n\n"
                               "Meldt fråfall: Eva Dahl\n\nOgså til stede: Siv Ås\n\nDeltakarar: Tor Moe\n")
    assert people == {"Kari Holm": ("member", "present", None), "Per Lie": ("member", "present", None),
                      "Eva Dahl": ("member", "absent", None), "Siv Ås": ("guest", "present", None),
                      "Tor Moe": ("member", "present", None)}


def test_more_labels_in_nynorsk(tmp_path: Path):
    people = _listed(tmp_path, "Møtande varamedlemar: Ola Vik (for Per Lie), Eva Ås i staden for Siv Berg\n\n"
                               "Møtte ikkje: Tor Moe\n\nAndre til stades: Liv Hope\n\nGjestar: Kari Rønning\n\n"
                               "Òg til stades: Jon Dale\n\nTil stades digitalt: Mia Lund\n")
    assert people == {"Ola Vik": ("substitute", "present", "Per Lie"), "Eva Ås": ("substitute", "present", "Siv Berg"),
                      "Tor Moe": ("member", "absent", None), "Liv Hope": ("guest", "present", None),
                      "Kari Rønning": ("guest", "present", None), "Jon Dale": ("guest", "present", None),
                      "Mia Lund": ("member", "remote", None)}


def test_a_secretary_among_the_members_by_a_second_title(tmp_path: Path):
    people = _listed(tmp_path, "Til stades:\n- Solfrid Hatlevik – leiar\n- Ingvild Nygård – rektor, sekretær\n")
    assert people == {"Solfrid Hatlevik": ("member", "present", None),
                      "Ingvild Nygård": ("secretariat", "present", None)}


def test_a_table_with_nynorsk_headers():
    people = _people(_table(["Namn", "Skule", "Til stades", "Fråverande", "Møtande vara"],
                            ["Emma Sølvberg", "Fjellvik ungdomsskule", "x", "", ""],
                            ["Jonas Rygg", "Fjellvik ungdomsskule", "", "x", "Amalie Nedrebø"],
                            ["Henrik Vassbotn", "Hjelle skule", "", "x", ""],
                            ["Ida Mæland", "Hjelle skule", "Teams", "", ""]))
    assert people == {"Emma Sølvberg": ("member", "present", None), "Jonas Rygg": ("member", "substituted", None),
                      "Amalie Nedrebø": ("substitute", "present", "Jonas Rygg"),
                      "Henrik Vassbotn": ("member", "absent", None), "Ida Mæland": ("member", "remote", None)}


def test_how_a_member_took_part_beside_the_title():
    found = read_tables(_table(["Namn", "Funksjon", "Møtt"], ["Håkon Vatle", "Styremedlem (på Teams)", "x"],
                               ["Sigrid Lothe", "Styremedlem", "x"]))
    assert [(a.name, a.role, a.status.value) for a in found] == [("Håkon Vatle", "Styremedlem", "remote"),
                                                                   ("Sigrid Lothe", "Styremedlem", "present")]


def test_lists_inside_a_flattened_page(tmp_path: Path):
    # a web transcript of a PDF page: one paragraph, the labels inside it
    path = tmp_path / "m.txt"
    path.write_text("1 PROTOKOLL FRA STYREMØTE TIRSDAG 5. NOVEMBER 2013 Sted: Samfunnshuset, Elvebyen Tid: Innkalte "
                    "Fra styret: Kari Holm, Per Lie og Stein T.B. Bø Forfall: Siv Ås. Per Lie gikk før sak 3. Fra adm: "
                    "Ola F. Berg Saksliste 19/13 ÅRSMØTE /13 BUDSJETT Side 1 av 5\n", encoding="utf-8")
    from referat.extract import extract_meeting

    meeting = extract_meeting(read_document(path)).meeting
    assert meeting is not None
    assert [(a.name, a.category.value, a.status.value) for a in meeting.attendance] == [
        ("Kari Holm", "member", "present"), ("Per Lie", "member", "present"), ("Stein T.B. Bø", "member", "present"),
        ("Siv Ås", "member", "absent"), ("Ola F. Berg", "secretariat", "present")]


def _from_text(tmp_path: Path, text: str) -> dict[str, tuple]:
    path = tmp_path / "m.txt"
    path.write_text(text, encoding="utf-8")
    return {a.name: (a.category.value, a.status.value, a.substitute_for, a.organisation)
            for a in read_tables(build_blocks(read_document(path)))}


def test_a_name_in_two_columns_or_surname_first_as_the_header_says():
    people = _people(_table(["Etternavn", "Fornavn", "Parti", "Møtt"], ["Hansen", "Kari", "AP", "x"],
                            ["Olsen", "Per Arne", "H", ""]))
    assert people == {"Kari Hansen": ("member", "present", None), "Per Arne Olsen": ("member", "absent", None)}
    people = _people(_table(["Etternavn, fornavn", "Parti", "Møtt"], ["Hansen Kari", "AP", "x"],
                            ["Olsen, Per Arne", "H", "x"]))
    assert people == {"Kari Hansen": ("member", "present", None), "Per Arne Olsen": ("member", "present", None)}


def test_a_row_wrapped_onto_the_next_line_is_one_person(tmp_path: Path):
    people = _from_text(tmp_path, "Navn                      Organisasjon              Møtt\n"
                                  "Kari Hansen               Helse Bergen HF,          x\n"
                                  "                          klinikk for psykisk helse\n"
                                  "Per Olsen                 Bergen kommune            x\n"
                                  "Eva Marie                 Høgskulen på              x\n"
                                  "Dahl-Berg                 Vestlandet\n"
                                  "Tor Moe                   Askøy kommune\n")
    assert people == {
        "Kari Hansen": ("member", "present", None, "Helse Bergen HF, klinikk for psykisk helse"),
        "Per Olsen": ("member", "present", None, "Bergen kommune"),
        "Eva Marie Dahl-Berg": ("member", "present", None, "Høgskulen på Vestlandet"),
        "Tor Moe": ("member", "absent", None, "Askøy kommune")}  # a blank under 'Møtt', not a continuation


def test_headings_inside_a_table_say_whose_rows_follow_and_how_they_attended():
    people = _people(_table(["Navn", "Parti", "Møtt"], ["Medlemmer"], ["Kari Hansen", "AP", "x"],
                            ["Varamedlemmer"], ["Eva Dahl", "SP", "x"], ["Administrasjonen"], ["Tor Moe", "", "x"],
                            ["Forfall"], ["Per Olsen", "H", ""]))
    assert people == {"Kari Hansen": ("member", "present", None), "Eva Dahl": ("substitute", "present", None),
                      "Tor Moe": ("secretariat", "present", None), "Per Olsen": ("member", "absent", None)}


def test_a_remark_says_whom_a_substitute_came_for_and_each_person_is_listed_once():
    people = _people(_table(["Navn", "Parti", "Møtt", "Merknad"],
                            ["Eva Dahl", "SP", "", "Forfall, vara Ola Bu møtte"],
                            ["Ola Bu", "SP", "x", "Vara for Eva Dahl"],
                            ["Kari Hansen", "AP", "x", "Fra sak 12"]))
    assert people == {"Eva Dahl": ("member", "substituted", None), "Ola Bu": ("substitute", "present", "Eva Dahl"),
                      "Kari Hansen": ("member", "present", None)}
    people = _people(_table(["Navn", "Rolle", "Status"], ["Eva Dahl", "Medlem", "Vara"],
                            ["Tor Moe", "Varamedlem", "Møtt for Eva Dahl"]))
    assert people == {"Eva Dahl": ("member", "substituted", None), "Tor Moe": ("substitute", "present", "Eva Dahl")}


def test_a_party_in_parentheses_after_the_name():
    found = read_tables(_table(["Navn", "Møtt", "Forfall"], ["Kari Hansen (AP)", "x", ""],
                               ["Per Olsen (H)", "", "x"], ["Geir Ness (Uavh.)", "x", ""]))
    assert [(a.name, a.organisation, a.status.value) for a in found] == [
        ("Kari Hansen", "AP", "present"), ("Per Olsen", "H", "absent"), ("Geir Ness", "Uavh.", "present")]


def test_a_header_repeated_on_the_next_page_goes_on_under_the_label(tmp_path: Path):
    people = _from_text(tmp_path, "Faste medlemmer som møtte:\n"
                                  "Navn                      Funksjon      Parti\n"
                                  "Kari Hansen               Leder         AP\n"
                                  "\fKommunestyret 12.03.2024                             Side 2 av 3\n\n"
                                  "Navn                      Funksjon      Parti\n"
                                  "Eva Dahl                  Medlem        SP\n\n"
                                  "Faste medlemmer som ikke møtte:\n"
                                  "Navn                      Funksjon      Parti\n"
                                  "Ole Bu                    Medlem        V\n")
    assert people == {"Kari Hansen": ("member", "present", None, "AP"), "Eva Dahl": ("member", "present", None, "SP"),
                      "Ole Bu": ("member", "absent", None, "V")}


def test_a_running_title_between_rows_does_not_end_the_table(tmp_path: Path):
    people = _from_text(tmp_path, "Faste medlemmer som møtte:\n"
                                  "Navn                      Funksjon      Parti\n"
                                  "Kari Hansen               Leder         AP\n\n"
                                  "Side 1 av 3\n\n"
                                  "Kommunestyret 12.03.2024\n\n"
                                  "Eva Dahl                  Medlem        SP\n")
    assert set(people) == {"Kari Hansen", "Eva Dahl"}


def test_a_from_line_without_its_colon_is_not_the_bulleted_list_above(tmp_path: Path):
    """'Deltok fra Fjellbygg AS Ragnar Tveit under sak 4/23' after the host's bulleted staff: a list of
    its own, whose guest comes from Fjellbygg AS, not from the host."""
    from referat.extract import extract_meeting

    path = tmp_path / "m.md"
    path.write_text("Protokoll fra styremøte i Nordhei Utvikling IKS 12. april 2023.\n\nDeltok fra styret:\n\n"
                    " • Åsmund Krokeide, styreleder\n • Sunniva Hafsås\n\nDeltok fra Nordhei:\n\n • Gro Engeset\n"
                    " • Eilif Bjordal under sak 4/23\n\nDeltok fra Fjellbygg AS Ragnar Tveit under sak 4/23\n\n"
                    "Sak 4/23 Nytt næringsområde\n\nRagnar Tveit presenterte planene.\n", encoding="utf-8")
    meeting = extract_meeting(read_document(path)).meeting
    people = {a.name: (a.category.value, a.organisation, a.items) for a in meeting.attendance}
    assert people["Ragnar Tveit"] == ("guest", "Fjellbygg AS", ["04-23"])
    assert people["Eilif Bjordal"] == ("guest", "Nordhei", ["04-23"])
