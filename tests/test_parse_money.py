"""Money as written, with its hedges and notes."""

import pytest

from timeline.ingest.money import find_money, parse_money


@pytest.mark.parametrize(
    ("phrase", "value", "currency", "qualifier", "note"),
    [
        ("the $5.3 million  (yen-denominated) Shin-Etsu arbitration award", 5_300_000, "USD", None, "yen-denominated"),
        ("an adversarial proceeding in excess of $6,000,000 against", 6_000_000, "USD", "in_excess_of", None),
        ("a bond of more than 10.5 billion dlrs", 10_500_000_000, "USD", "in_excess_of", None),
        ("$40 million", 40_000_000, "USD", None, None),
        ("approximately $300 million or more per month", 300_000_000, "USD", "about", None),
        ("about $9.1 billion in cash", 9_100_000_000, "USD", "about", None),
        ('up to $25 million (the "DIP Facility")', 25_000_000, "USD", "up_to", None),
        ("at least $2 million", 2_000_000, "USD", "at_least", None),
        ("damages of not less than $10 billion.", 10_000_000_000, "USD", "at_least", None),
        ("arranged for two mln dlrs of new bank financing", 2_000_000, "USD", None, None),
        ("will pay 250,000 dlrs for 2,500,000 new shares", 250_000, "USD", None, None),
        ("the $6,750,000 Debtor-in-Possession (DIP) financing facility", 6_750_000, "USD", None, None),
        ("a C$12.5 million facility", 12_500_000, "CAD", None, None),
        ("a 500 million yen claim", 500_000_000, "JPY", None, None),
    ],
)
def test_amount_as_written(phrase, value, currency, qualifier, note):
    got = parse_money(phrase)
    assert got.to_contract() == {"value": value, "currency": currency, "qualifier": qualifier, "note": note}


@pytest.mark.parametrize(
    "text",
    ["96 pct of its revenues", "a 60 day suspension", "13-1/2 pct debentures", "Section 363", "508-248-3900"],
)
def test_numbers_that_are_not_money(text):
    assert find_money(text) == []
