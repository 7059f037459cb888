"""Benchmarks at scale: every figure is measured beside a floor in the same run (`python -m bench`).

Never part of the test suite: the data is generated into a database of its own (bench/data/ on
SQLite, <name>_bench on PostgreSQL), which the run creates and drops.
"""
