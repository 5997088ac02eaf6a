"""An attendance table without ruling lines, marks centred in their columns, as Word templates lay it out.

    python tests/data/sources/samarbeidsutvalget.py tests/data/minutes/samarbeidsutvalget-2024-03-14.pdf
"""
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

styles = getSampleStyleSheet()
body = styles["BodyText"]
people = [["Navn", "Organisasjon", "Møtt", "Forfall"],
          ["Marte Solheim", "Helse Fonna", "x", ""],
          ["Jon Are Vik", "Haugesund kommune", "", "x"],
          ["Odd Rune Hus", "Tysvær kommune", "Teams", ""],
          ["Åse Lid", "Sauda kommune", "", "x"]]
plain = TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("ALIGN", (2, 0), (-1, -1), "CENTER")])
story = [Paragraph("Referat fra møte i Samarbeidsutvalget", styles["Title"]),
         Paragraph("Dato: 14.03.2024, kl. 12.00–14.00. Sted: Teams", body), Spacer(1, 8),
         Table(people, colWidths=[130, 150, 50, 50], style=plain, hAlign="LEFT"), Spacer(1, 8),
         Paragraph("<b>Sak 8/24 Godkjenning av referat</b>", body),
         Paragraph("Referatet ble godkjent.", body),
         Paragraph("<b>Sak 9/24 Felles kompetanseplan</b>", body),
         Paragraph("Marte Solheim la fram planen.", body),
         Paragraph("Utvalget sluttet seg til planen.", body)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
