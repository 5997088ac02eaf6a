"""The ruled attendance table of a municipal committee, with party and remark columns, as reportlab draws it.

    python tests/data/sources/oppvekstutvalget.py tests/data/minutes/oppvekstutvalget-2024-09-10.pdf
"""
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

styles = getSampleStyleSheet()
body = styles["BodyText"]
rows = [["Medlem", "Parti", "Til stede", "Forfall", "Merknad"],
        ["Hege Lyngstad", "Ap", "X", "", ""],
        ["Arild Nesheim", "H", "", "X", "Vara: Tonje Rabben"],
        ["Camilla Urdal", "Sp", "X", "", "Deltok på Teams"],
        ["Geir Kalvø", "FrP", "", "X", ""],
        ["Siri Hope", "KrF", "X", "", "Gikk fra møtet etter sak 33/24"]]
t = Table(rows, colWidths=[110, 50, 60, 60, 170])
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                       ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
story = [Paragraph("Protokoll", styles["Title"]),
         Paragraph("<b>Utvalg:</b> Oppvekstutvalget", body),
         Paragraph("<b>Møtedato:</b> 10.09.2024 kl. 18:00", body),
         Paragraph("<b>Møtested:</b> Rådhuset, møterom 1", body), Spacer(1, 8),
         Paragraph("<b>Oppmøte</b>", body), t, Spacer(1, 8),
         Paragraph("Fra administrasjonen: Kommunalsjef Bodil Tangen", body), Spacer(1, 8),
         Paragraph("<b>Sak 32/24 Skolebruksplan</b>", body),
         Paragraph("Kommunalsjefen orienterte om høringsinnspillene. Det ble fremmet forslag om utsettelse, "
                   "som falt med 2 mot 3 stemmer.", body),
         Paragraph("<b>Vedtak</b>", body),
         Paragraph("Oppvekstutvalget anbefaler kommunestyret å vedta skolebruksplanen.", body),
         PageBreak(),
         Paragraph("<b>Sak 33/24 Tilstandsrapport for grunnskolen</b>", body),
         Paragraph("Saken tas til orientering.", body),
         Paragraph("<b>Sak 34/24 Spørsmål fra Siri Hope om skoleskyss</b> Unntatt offentlighet jf. offl. § 13", body),
         Paragraph("Kommunalsjefen svarte muntlig.", body)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
