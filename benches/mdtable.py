"""Markdown helpers shared by report.py (criterion medians) and instructions.py (callgrind)."""


def ratio(a, b):
    """`a / b` as "1.23×", or "-" when either side is missing."""
    return f"{a / b:.2f}×" if a and b else "-"


def table(header, rows):
    """Prints a Markdown table: the first column left-aligned, the others right-aligned."""
    print("| " + " | ".join(header) + " |")
    print("| --- | " + " | ".join("---:" for _ in header[1:]) + " |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
