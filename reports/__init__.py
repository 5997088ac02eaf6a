"""Reports: HTML (jinja2, autoescaped, self-contained) and CSV for analysts."""
