"""Minutes kept as a table of cases, as many project groups write them: 'Sak | Tema og konklusjon | Ansvar'.

    python tests/data/sources/koordineringsgruppen.py tests/data/minutes/koordineringsgruppen-2024-03-14.pdf
"""
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

styles = getSampleStyleSheet()
body = styles["BodyText"]
grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")])


def cell(text: str) -> Paragraph:
    return Paragraph(text, body)


people = [["Navn", "Virksomhet", "Møtt", "Forfall"],
          ["Marte Solheim", "Helse Fonna", "x", ""],
          ["Jon Are Vik", "Haugesund kommune", "Teams", ""],
          ["Liv Tveit", "Karmøy kommune", "", "x"],
          ["Odd Rune Hus", "Tysvær kommune", "x", ""],
          ["Kristin Bø", "Helse Fonna", "x", ""]]
cases = [["Sak", "Tema og konklusjon", "Ansvar"],
         ["08/24", cell("<b>Godkjenning av referat fra 1. februar</b><br/>Referatet ble godkjent."), ""],
         ["09/24", cell("<b>Felles rutine for utskrivning</b><br/>Marte Solheim la fram utkastet. Gruppen drøftet "
                        "ansvarsdelingen ved helg.<br/><b>Konklusjon:</b> Rutinen sendes på høring til kommunene, "
                        "jf. sak 14/23 i Samhandlingsutvalget."), cell("Marte Solheim")],
         ["10/24", cell("<b>Status for pasientforløp KOLS</b><br/>Utsatt til neste møte."), ""]]
story = [Paragraph("Referat", styles["Title"]),
         Paragraph("<b>Koordineringsgruppen for helsefellesskapet Fonna</b>", body), Spacer(1, 6),
         Paragraph("<b>Dato:</b> 14.03.2024 &nbsp;&nbsp; <b>Tid:</b> 12.00–14.00 &nbsp;&nbsp; <b>Sted:</b> Teams", body),
         Spacer(1, 8), Table(people, colWidths=[130, 150, 50, 50], style=grid), Spacer(1, 8),
         Paragraph("Referent: Kristin Bø", body), Spacer(1, 12),
         Table(cases, colWidths=[45, 330, 90], style=grid)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
