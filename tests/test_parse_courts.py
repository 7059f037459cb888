"""Court names as releases write them -> courts-db ids."""

import pytest

from timeline.ingest.courts import court_for_city, find_court


@pytest.mark.parametrize(
    ("text", "court_id", "division"),
    [
        (
            "with the U.S.  Bankruptcy  Court  for the  District  of  Massachusetts,  Western\nDivision, late",
            "mab",
            "Western Division",
        ),
        ("in the U.S. Bankruptcy Court for the Southern District of\nNew York.", "nysb", None),
        ("filed in the Southern District of New York.", "nysb", None),
        ("after the bankruptcy court for the Southern District of New\nYork approved", "nysb", None),
        ("filed in the U.S. Bankruptcy Court of New Jersey, intending to close", "njb", None),
        ("U.S. Bankruptcy Judge Robert Drain in White Plains, N.Y., authorized", "nysb", None),
        ("filed for reorganization in San Francisco bankruptcy court.", "canb", None),
        ("filed in Federal Bankruptcy Court in Wilmington, Del., on Monday", "deb", None),
        ("filed in the U.S. Bankruptcy Court in Wilmington, Delaware, on Monday", "deb", None),
        ("filed in the bankruptcy court in Wilmington, N.C., on Monday", "nceb", None),
        ("The filings were made in the United States Bankruptcy Court for the District of Delaware.", "deb", None),
        ("in the U.S. Bankruptcy Court for\nthe District of Arizona. None of", "arb", None),
        (
            "which the Bankruptcy Court for the Western District of Louisiana, Lafayette Division approved",
            "lawb",
            "Lafayette Division",
        ),
        ("received approval from the U.S. Bankruptcy Court for the Northern District of California, of", "canb", None),
        ("a petition in the U.S. Bankruptcy Court for the Eastern District of Texas", "txeb", None),
        ("in the Bankruptcy Court for the S.D.N.Y.", "nysb", None),
        ("filed in bankruptcy court in Houston on Friday", "txsb", None),
        ("U.S. Bankruptcy Court for the District of Columbia", "dcb", None),
    ],
)
def test_court_resolves(text, court_id, division):
    court = find_court(text)
    assert (court.id, court.division) == (court_id, division)


def test_unnamed_court_keeps_the_words():
    court = find_court("jointly filed a Plan of Reorganization in U.S. Bankruptcy Court today")
    assert (court.id, court.name) == (None, "U.S. Bankruptcy Court")


@pytest.mark.parametrize(
    ("city", "state", "court_id"),
    [
        ("Wilmington", "Del.", "deb"),
        ("Wilmington", "N.C.", "nceb"),
        ("Portland", None, "orb"),
        ("Chicago", None, "ilnb"),
    ],
)
def test_city_table(city, state, court_id):
    assert court_for_city(city, state) == court_id


def test_no_court_named():
    assert find_court("The company filed for Chapter 11 protection.") is None


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "filed in the U.S. Bankruptcy Court in Wilmington, Delaware, on Monday",
            "U.S. Bankruptcy Court in Wilmington, Delaware",
        ),
        (
            "filed for Chapter 11 in the bankruptcy court in Manhattan, Harborview said.",
            "bankruptcy court in Manhattan",
        ),
    ],
)
def test_court_named_by_city_keeps_whole_words(text, name):
    assert find_court(text).name == name
