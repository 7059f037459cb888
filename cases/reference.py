"""Reference data: every U.S. bankruptcy court from courts-db, keyed on its readable id."""

from __future__ import annotations

from courts_db import courts as COURTS_DB


def bankruptcy_courts() -> list[dict]:
    """Trial-level bankruptcy courts (not the appellate panels), as Court field values."""
    rows = []
    for court in COURTS_DB:
        if court.get("type") != "bankruptcy" or court["id"].startswith("bap"):
            continue
        rows.append(
            {
                "id": court["id"],
                "name": court["name"],
                "citation": court.get("citation_string") or court["name"],
                "jurisdiction": court.get("location") or "",
                "divisions": court.get("divisions") or [],
            }
        )
    return rows


def load_bankruptcy_courts(court_model) -> int:
    """Create or refresh the courts; takes the model so a data migration can pass its historical one."""
    count = 0
    for row in bankruptcy_courts():
        court_id = row.pop("id")
        court_model.objects.update_or_create(id=court_id, defaults=row)
        count += 1
    return count
