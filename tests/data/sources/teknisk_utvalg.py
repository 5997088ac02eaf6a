"""Minutes of a technical committee with an exempt case that runs over a page break, as reportlab
draws them: the text-layer PDF the publication tests redact.

    python tests/data/sources/teknisk_utvalg.py tests/data/exempt/teknisk-utvalg-2025-02-11.pdf
"""
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

styles = getSampleStyleSheet()
body = styles["BodyText"]
rows = [["Navn", "Parti", "Møtt", "Forfall"],
        ["Astrid Bøe", "Sp", "X", ""],
        ["Knut Eide", "H", "X", ""],
        ["Marit Rønning", "Ap", "", "X"]]
t = Table(rows, colWidths=[130, 60, 60, 60])
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                       ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
filler = ("Teknisk sjef gjorde rede for status i prosjektet, og utvalget stilte spørsmål om fremdrift, "
          "kostnader og hvordan naboene er varslet om arbeidet i området.")
story = [Paragraph("Møteprotokoll", styles["Title"]),
         Paragraph("<b>Utvalg:</b> Teknisk utvalg", body),
         Paragraph("<b>Møtedato:</b> 11.02.2025 kl. 17:00", body),
         Paragraph("<b>Møtested:</b> Kommunestyresalen", body), Spacer(1, 8),
         Paragraph("<b>Oppmøte</b>", body), t, Spacer(1, 8),
         Paragraph("<b>Sak 10/25 Vedlikeholdsplan for kommunale veier</b>", body),
         *[Paragraph(filler, body) for _ in range(9)],
         Paragraph("<b>Vedtak</b>", body),
         Paragraph("Teknisk utvalg vedtar vedlikeholdsplanen for kommunale veier.", body),
         Paragraph("<b>Sak 11/25 Tilbud på brøyting av Nordbygda rode 4</b> Unntatt offentlighet jf. offl. §§ 23 og 18",
                   body),
         Paragraph("Utvalget fikk lagt fram tre tilbud, og Fjellmaskin Holding AS hadde laveste pris med 812 000 kroner.",
                   body),
         Paragraph("Det andre tilbudet fra Snøkongen Entreprenør var 40 prosent høyere enn kalkylen.", body),
         *[Paragraph(f"Forhandlingsnotat {k}: utvalget holder tilbake sin grense for pris i runde {k} med "
                     f"leverandøren i Nordbygda.", body) for k in range(1, 13)],
         Paragraph("<b>Vedtak</b>", body),
         Paragraph("Teknisk utvalg går i forhandlinger med Fjellmaskin Holding AS om brøyting av rode 4.", body),
         Paragraph("<b>Sak 12/25 Orienteringssaker</b>", body),
         Paragraph("Utvalget tok orienteringene til etterretning.", body)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
