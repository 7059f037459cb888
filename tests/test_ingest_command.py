"""`manage.py ingest_releases` on the real fixture releases: merging, idempotence, bad input, races."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper
from django.db import OperationalError, connection, transaction
from jsonschema import Draft202012Validator

from cases.models import AdversaryProceeding, Case, Company, Court, DisclosedAward, Motion, Person
from cases.reference import load_bankruptcy_courts
from timeline.ingest import decode, load, sources
from timeline.ingest.sources import expand
from timeline.management.commands import ingest_releases
from timeline.management.commands.ingest_releases import Progress
from timeline.models import EventSource, Release, TimelineEvent

from .conftest import FIXTURES, RELEASES

BASE = FIXTURES.parent
FIBERCORE = RELEASES / "00_fibercore_2003-11-17.txt"
FIBERCORE_REWRITE = RELEASES / "28_fibercore_photonics_com_rewrite_2003-11-17.txt"
PGE = sorted(RELEASES.glob("0[123]_pge_*.txt"))
ALL = sorted(RELEASES.glob("*.txt"))
MODELS = (Release, Company, Person, Case, TimelineEvent, EventSource, Motion, AdversaryProceeding, DisclosedAward)


def ingest(*paths, **options) -> tuple[int, str, str]:
    """Run the real command in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest_releases", *map(str, paths), stdout=out, stderr=err, **options)
        status = 0
    except CommandError as e:
        status = e.returncode
        err.write(f"CommandError: {e}\n")
    return status, out.getvalue(), err.getvalue()


def manage(*args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=BASE,
        env={**os.environ, "DEBUG": "1", **(env or {})},
        capture_output=True,
        **kwargs,
    )


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def history_rows() -> int:
    return sum(m.history.count() for m in MODELS if hasattr(m, "history"))


def failure_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("failed: ")]


# --- arguments -------------------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_order_skipping_hidden_files_and_annotations(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/2.txt", "a.txt", "b/1.html", ".hidden.txt", "a.expected.json", ".git/x.txt"]:
        (tmp_path / name).write_text("x")

    names = [s.name for s in expand([f"{tmp_path}/", "-"])]

    assert names == [f"{tmp_path}/a.txt", f"{tmp_path}/b/1.html", f"{tmp_path}/b/2.txt", "-"]


@pytest.mark.django_db
def test_a_release_on_standard_input_is_imported():
    status, out, _ = ingest("-", stdin=io.BytesIO(FIBERCORE.read_bytes()))

    assert status == 0
    assert out.startswith("created: standard input")
    assert Release.objects.get().origin == "standard input"


# --- importing the fixture releases ----------------------------------------------------------------


@pytest.mark.django_db
def test_importing_the_fixture_folder_reports_each_release_and_a_summary():
    status, out, err = ingest(RELEASES)

    assert status == 0, err
    assert len(out.splitlines()) == len(ALL)
    for line, path in zip(out.splitlines(), ALL, strict=True):
        assert re.match(rf"(created|updated|not a bankruptcy release): {re.escape(str(RELEASES / path.name))}", line)
    assert re.search(rf"{len(ALL)} releases in .*: \d+ created, \d+ updated, 0 unchanged, \d+ not a bankruptcy", err)
    assert err.rstrip().endswith("0 failed")
    assert Release.objects.count() == len(ALL)
    assert Release.objects.filter(is_bankruptcy=False, case__isnull=True).exclude(not_case_reason="").exists()


@pytest.mark.django_db
def test_importing_twice_changes_nothing():
    ingest(RELEASES)
    before, history_before = counts(), history_rows()

    status, out, err = ingest(RELEASES)

    assert status == 0
    assert counts() == before
    assert history_rows() == history_before
    assert all(line.startswith("unchanged: ") for line in out.splitlines())
    assert f"0 created, 0 updated, {len(ALL)} unchanged" in err


@pytest.mark.django_db
def test_a_rewrite_of_the_fibercore_release_joins_its_case():
    ingest(FIBERCORE)
    status, out, _ = ingest(FIBERCORE_REWRITE)

    assert status == 0
    assert out.startswith("updated: ")
    case = Case.objects.get()
    assert case.releases.count() == 2
    assert case.petition_date == dt.date(2003, 11, 14)
    # the adversary proceeding (same defendant) and the award are one record each, confirmed by both
    assert AdversaryProceeding.objects.get().defendant == "CommScope Inc."
    assert DisclosedAward.objects.get().amount_note == "yen-denominated"
    for kind in ("adversary_proceeding", "award"):
        assert case.events.get(kind=kind).sources.values("release").distinct().count() == 2


@pytest.mark.django_db
def test_the_three_pge_releases_build_one_case():
    status, _, err = ingest(*PGE)

    assert status == 0, err
    case = Case.objects.get()
    assert case.releases.count() == 3
    assert case.court_id == "canb"  # from the second release, which names the court
    assert {"petition_filed", "plan_filed"} <= set(case.events.values_list("kind", flat=True))


@pytest.mark.django_db
def test_every_event_source_quotes_the_stored_text():
    ingest(RELEASES)
    for source in EventSource.objects.select_related("release"):
        assert source.release.text[source.start : source.end] == source.quote


@pytest.mark.django_db
def test_different_petition_dates_are_both_kept(tmp_path):
    changed = tmp_path / "fibercore_other_date.txt"
    changed.write_bytes(
        FIBERCORE.read_bytes().replace(b"Friday  afternoon,  November  14th", b"Thursday  afternoon,  November  13th")
    )
    assert changed.read_bytes() != FIBERCORE.read_bytes()
    ingest(FIBERCORE)

    ingest(changed)

    case = Case.objects.get()
    assert case.petition_date == dt.date(2003, 11, 14)
    dates = sorted(case.events.filter(kind="petition_filed").values_list("date", flat=True))
    assert dates == [dt.date(2003, 11, 13), dt.date(2003, 11, 14)]


@pytest.mark.django_db
def test_a_petition_date_corrected_in_the_admin_survives_reimporting_a_changed_release(staff_client, tmp_path):
    ingest(FIBERCORE)
    case = Case.objects.get()
    url = f"/admin/cases/case/{case.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    data["petition_date"] = "2003-11-13"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.petition_date == dt.date(2003, 11, 13) and "petition_date" in case.edited_fields
    changed = tmp_path / "00_fibercore_corrected.txt"
    changed.write_bytes(FIBERCORE.read_bytes() + b"\nCorrection: contact details updated.\n")

    status, out, _ = ingest(changed)

    assert status == 0 and out.startswith("updated: ")
    case.refresh_from_db()
    assert case.petition_date == dt.date(2003, 11, 13)
    assert case.releases.count() == 2


def admin_form_data(response) -> dict:
    """What the browser would post back from an admin change page, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({formset.management_form.add_prefix(k): v for k, v in formset.management_form.initial.items()})
        forms += formset.forms
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field.widget, admin.widgets.FilteredSelectMultiple) or isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(v) for v in value or []]
            elif value is None or value is False:
                continue
            elif value is True:
                data[form.add_prefix(name)] = "on"
            elif isinstance(value, dt.date):
                data[form.add_prefix(name)] = value.isoformat()
            else:
                data[form.add_prefix(name)] = str(value)
    return data


@pytest.mark.django_db
def test_hostile_html_is_stored_as_text_without_its_script(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>FiberCore Files for Chapter 11</title><script>alert('head')</script></head><body>"
        "<p onclick=\"alert('attr')\">CHARLTON, Mass., Nov. 17, 2003 -- FiberCore, Inc. announced today it filed "
        "for protection under Chapter 11 on November 14, 2003 in the U.S. Bankruptcy Court for the District of "
        "Massachusetts.</p><script>document.write('<img src=x onerror=alert(1)>')</script>"
        "<img src=x onerror=\"alert('img')\"><iframe src='javascript:alert(2)'></iframe></body></html>"
    )

    status, _, err = ingest(page)

    assert status == 0, err
    release = Release.objects.get()
    assert release.format == "html"
    for needle in ("<script", "alert(", "onerror", "javascript:", "<img"):
        assert needle not in release.text
        assert not EventSource.objects.filter(quote__contains=needle).exists()
        assert not TimelineEvent.objects.filter(summary__contains=needle).exists()


# --- bad input -------------------------------------------------------------------------------------

UNDECODABLE = bytes(range(1, 9)) * 400  # control bytes only: no text encoding reads this as a release
BAD_INPUTS = {
    "empty": (b"", "empty"),
    "blank": (b" \n\t\n", "empty"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "PNG"),
    "undecodable": (UNDECODABLE, "not text"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_gets_one_clear_line_and_the_batch_goes_on(kind, tmp_path):
    raw, reason = BAD_INPUTS[kind]
    bad = tmp_path / f"{kind}.txt"
    bad.write_bytes(raw)

    status, out, err = ingest(bad, FIBERCORE)

    assert status == 1
    assert failure_lines(err) == [failure_lines(err)[0]]
    assert failure_lines(err)[0].startswith(f"failed: {bad}: ") and reason in failure_lines(err)[0]
    assert "1 failed" in err
    assert Release.objects.get().origin == str(FIBERCORE)
    assert out.startswith("created: ")


@pytest.mark.django_db
def test_a_nul_byte_deep_in_a_text_file_is_refused_with_one_line_on_every_database(tmp_path):
    """PostgreSQL cannot store a NUL in text: it raised the driver's error there, and SQLite stored it."""
    text = FIBERCORE.read_bytes()
    at = len(text) + 9000  # past the first 8 KB, which were all that was looked at
    nul = tmp_path / "nul.txt"
    nul.write_bytes(text + b" " * 9000 + b"\x00 and more text\n")

    status, out, err = ingest(nul, *PGE)

    assert status == 1
    assert failure_lines(err) == [f"failed: {nul}: binary file (contains NUL bytes, the first at byte {at:,})"]
    assert Release.objects.count() == len(PGE) and not Release.objects.filter(origin=str(nul)).exists()
    assert [line.split(":", 1)[0] for line in out.splitlines()] == ["created", "updated", "updated"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_or_a_device_among_the_inputs_is_refused_and_the_good_files_are_read(tmp_path):
    """Opening a FIFO waits for a writer, for ever: the whole import hung on it."""
    folder = tmp_path / "releases"
    folder.mkdir()
    os.mkfifo(folder / "00_pipe.txt")
    (folder / "01_fibercore.txt").write_bytes(FIBERCORE.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")

    run = manage("ingest_releases", "--dry-run", folder, tmp_path / "pipe.txt", "/dev/zero", text=True, timeout=60)

    assert run.returncode == 1
    assert failure_lines(run.stderr) == [
        f"failed: {folder / '00_pipe.txt'}: not a regular file (a named pipe)",
        f"failed: {tmp_path / 'pipe.txt'}: not a regular file (a named pipe)",
        "failed: /dev/zero: not a regular file (a character device)",
    ]
    assert run.stdout.splitlines()[0].startswith(f"read: {folder / '01_fibercore.txt'}: FiberCore")


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(FIBERCORE.read_bytes()[:2000])
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))

    status, _, err = ingest(big)

    assert status == 1
    assert failure_lines(err) == [f"failed: {big}: over the size limit (2,000 bytes; the limit is 1,000)"]
    assert big not in opened
    assert Release.objects.count() == 0


@pytest.mark.django_db
def test_input_over_the_size_limit_on_standard_input_is_refused(monkeypatch):
    monkeypatch.setattr(decode, "MAX_BYTES", 1000)

    status, _, err = ingest("-", stdin=io.BytesIO(FIBERCORE.read_bytes()))

    assert status == 1
    assert failure_lines(err) == ["failed: standard input: over the size limit (more than 1,000 bytes)"]


@pytest.mark.django_db
def test_missing_paths_and_folders_without_releases_are_named(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"\0")

    status, _, err = ingest(tmp_path / "nope.txt", tmp_path / "empty", FIBERCORE)

    assert status == 1
    assert failure_lines(err) == [
        f"failed: {tmp_path / 'nope.txt'}: not found",
        f"failed: {tmp_path / 'empty'}: a directory with no releases",
    ]
    assert "1 created" in err and "2 failed" in err


def test_the_exit_status_of_the_real_command_says_a_release_failed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    run = manage("ingest_releases", "--dry-run", empty, FIBERCORE, text=True)

    assert run.returncode == 1
    assert [line for line in run.stderr.splitlines() if line.startswith("failed:")] == [f"failed: {empty}: empty file"]
    assert f"created: {FIBERCORE}" not in run.stdout  # a dry run creates nothing
    assert f"read: {FIBERCORE}" in run.stdout


@pytest.mark.django_db
def test_a_failure_inside_one_release_rolls_back_only_that_release(monkeypatch):
    real_write = load._EventWriter.write

    def fail_for_the_rewrite(self, events):
        if self.release.origin.endswith(FIBERCORE_REWRITE.name):
            raise RuntimeError("simulated crash after the company, case and release were written")
        return real_write(self, events)

    monkeypatch.setattr(load._EventWriter, "write", fail_for_the_rewrite)

    status, _, err = ingest(FIBERCORE_REWRITE, *PGE)

    assert status == 1
    assert failure_lines(err) == [
        f"failed: {FIBERCORE_REWRITE}: not imported, nothing written (RuntimeError: simulated crash after the "
        "company, case and release were written)"
    ]
    assert not Company.objects.filter(normalized_name="fibercore").exists()
    assert not Release.objects.filter(origin__endswith=FIBERCORE_REWRITE.name).exists()
    assert Release.objects.count() == len(PGE)


@pytest.mark.django_db
def test_nothing_is_half_written_when_the_load_fails(monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(EventSource.objects, "bulk_create", crash)  # the last write: the sources

    status, _, err = ingest(FIBERCORE)

    assert status == 1 and "connection lost" in err
    assert set(counts().values()) == {0}


class _LockConflict(Exception):
    pgcode = "40P01"  # what psycopg2 sets on the error Django wraps: deadlock detected


@pytest.mark.django_db
def test_a_batch_that_deadlocks_with_another_import_is_written_again_one_release_per_transaction(monkeypatch):
    real_load, depths = ingest_releases.load_release, []

    def deadlock_on_the_third(extraction, raw, **kwargs):
        depths.append(len(connection.atomic_blocks))
        if len(depths) == 3:  # two releases of the batch are written (uncommitted) by then
            raise OperationalError("deadlock detected") from _LockConflict()
        return real_load(extraction, raw, **kwargs)

    monkeypatch.setattr(ingest_releases, "load_release", deadlock_on_the_third)

    status, out, err = ingest(*PGE, FIBERCORE)

    assert status == 0 and not failure_lines(err)
    outside = depths[0] - 1  # the test's own transaction
    # three in the batch's transaction, the third rolled it all back; then each of the four alone
    assert depths == [outside + 1] * 3 + [outside] * 4
    assert [line.split(":", 1)[0] for line in out.splitlines()] == ["created", "updated", "updated", "created"]
    assert Release.objects.count() == 4 and Case.objects.count() == 2
    assert TimelineEvent.history.count() == TimelineEvent.objects.count()  # nothing written twice


@pytest.mark.django_db
def test_a_release_that_loses_a_lock_race_again_when_written_alone_is_written_again_after_a_wait(monkeypatch):
    """Four imports about the same cases: the release written alone after its batch deadlocked may
    deadlock again; it was then reported failed, and that import lost it."""
    real_load, calls, waits = ingest_releases.load_release, [], []

    def deadlocks(extraction, raw, **kwargs):
        calls.append(kwargs["origin"])
        # the batch's third release, then the second release alone, three times over
        if len(calls) == 3 or (kwargs["origin"] == str(PGE[1]) and calls.count(str(PGE[1])) in (2, 3, 4)):
            raise OperationalError("deadlock detected") from _LockConflict()
        return real_load(extraction, raw, **kwargs)

    monkeypatch.setattr(ingest_releases, "load_release", deadlocks)
    monkeypatch.setattr(time, "sleep", waits.append)

    status, out, err = ingest(*PGE, FIBERCORE)

    assert status == 0 and not failure_lines(err)
    assert [line.split(":", 1)[0] for line in out.splitlines()] == ["created", "updated", "updated", "created"]
    assert Release.objects.count() == 4 and TimelineEvent.history.count() == TimelineEvent.objects.count()
    assert len(waits) == 3 and waits == sorted(waits) and 0 < waits[0] < 0.2 and waits[-1] <= 2


@pytest.mark.django_db
def test_a_release_that_always_loses_its_lock_races_fails_after_a_bounded_number_of_tries(monkeypatch):
    waits = []

    def always_deadlocks(extraction, raw, **kwargs):
        raise OperationalError("deadlock detected") from _LockConflict()

    monkeypatch.setattr(ingest_releases, "load_release", always_deadlocks)
    monkeypatch.setattr(time, "sleep", waits.append)

    status, _, err = ingest(FIBERCORE)

    assert status == 1
    assert failure_lines(err) == [
        f"failed: {FIBERCORE}: not imported, nothing written (OperationalError: deadlock detected)"
    ]
    assert len(waits) == load.LOCK_CONFLICT_TRIES - 1 and sum(waits) < 10


@pytest.mark.django_db
def test_a_release_failing_inside_a_batch_rolls_back_to_its_savepoint_and_the_batch_commits(monkeypatch):
    monkeypatch.setattr(ingest_releases, "BATCH", 2)
    real_write = load._EventWriter.write

    def fail_for_the_second_pge_release(self, events):
        if self.release.origin.endswith(PGE[1].name):
            raise RuntimeError("simulated bug")
        return real_write(self, events)

    monkeypatch.setattr(load._EventWriter, "write", fail_for_the_second_pge_release)

    status, out, err = ingest(*PGE, FIBERCORE)

    assert status == 1
    assert failure_lines(err) == [f"failed: {PGE[1]}: not imported, nothing written (RuntimeError: simulated bug)"]
    assert sorted(Release.objects.values_list("origin", flat=True)) == sorted(map(str, [PGE[0], PGE[2], FIBERCORE]))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLSTATE of a PostgreSQL error")
@pytest.mark.django_db
def test_a_deadlock_reported_by_postgresql_is_told_from_other_errors():
    def error_of(sql: str) -> Exception:
        with pytest.raises(Exception) as caught, transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
        return caught.value

    deadlock = error_of("DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'; END $$")
    serialization = error_of("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END $$")
    unique = error_of("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'unique_violation'; END $$")

    assert load.is_lock_conflict(deadlock) and load.is_lock_conflict(serialization)
    assert not load.is_lock_conflict(unique)


# --- the dry run and its contract ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_dry_run_prints_the_contract_for_every_release_and_writes_nothing(django_assert_num_queries):
    validator = Draft202012Validator(json.loads((FIXTURES / "contract/release-extraction.schema.json").read_text()))
    given = "fixtures/corpus/releases/"  # relative, with a trailing slash: source.file keeps it as given

    cwd = os.getcwd()
    os.chdir(BASE)
    try:
        with django_assert_num_queries(0):
            status, out, err = ingest(given, dry_run=True, format="jsonl")
    finally:
        os.chdir(cwd)

    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == len(ALL)
    for line, path in zip(lines, ALL, strict=True):
        obj = json.loads(line)
        errors = [e.message for e in validator.iter_errors(obj)]
        assert errors == [], f"{path.name}: {errors}"
        assert obj["source"]["file"] == given + path.name
        for event in obj["events"]:
            text = event["evidence"]
            assert text["end"] >= text["start"]
    assert "dry run, nothing written" in err


def test_the_dry_run_output_is_the_contract_and_nothing_else_on_stdout():
    run = manage("ingest_releases", "--dry-run", "--format", "jsonl", FIBERCORE, FIBERCORE_REWRITE, text=True)

    assert run.returncode == 0, run.stderr
    objects = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["source"]["file"] for o in objects] == [str(FIBERCORE), str(FIBERCORE_REWRITE)]
    assert "dry run, nothing written: 2 releases" in run.stderr


# --- progress --------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_progress_is_one_bar_redrawn_in_place():
    screen = Terminal()
    progress = Progress(3, OutputWrapper(screen))
    progress.REDRAW_EVERY = 0
    for _ in range(3):
        progress.step()
    progress.finish()

    drawn = screen.getvalue()
    assert "\n" not in drawn
    assert drawn.count("\r[") == 3
    assert "3/3 releases" in drawn and "/s, ETA" in drawn


def test_in_a_pipe_big_batches_get_a_plain_line_every_tenth():
    pipe = io.StringIO()
    progress = Progress(1000, OutputWrapper(pipe))
    for _ in range(1000):
        progress.step()

    lines = pipe.getvalue().splitlines()
    assert len(lines) == 9
    assert lines[0].startswith("progress: 100/1000 releases, ") and "\r" not in pipe.getvalue()


def test_in_a_pipe_small_batches_get_no_progress_lines():
    pipe = io.StringIO()
    progress = Progress(17, OutputWrapper(pipe))
    for _ in range(17):
        progress.step()
    assert pipe.getvalue() == ""


# --- parsing in a worker process ----------------------------------------------------------------------


def written() -> dict:
    """What an import wrote, without ids (a second run numbers its rows on)."""
    return {
        "counts": counts(),
        "history": history_rows(),
        "cases": sorted(map(str, Case.objects.select_related("company", "court"))),
        "events": sorted(  # repr: an undated event sorts beside a dated one of the same kind
            TimelineEvent.objects.values_list("case__company__name", "kind", "date", "summary", "motion__kind"),
            key=repr,
        ),
        "sources": sorted(EventSource.objects.values_list("release__origin", "event__kind", "start", "end")),
        "people": sorted(Person.objects.values_list("company__name", "name", "title")),
    }


def forget_everything() -> None:
    for model in (Release, Case, Person, Company):
        model.objects.all().delete()
    for model in MODELS:
        if hasattr(model, "history"):
            model.history.all().delete()


@pytest.mark.django_db
def test_parsing_in_a_worker_process_gives_the_outcome_and_output_of_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_releases, "PARALLEL_FROM", 5)  # the fixtures are fewer than a real batch
    submitted = []

    class Pool(sources.ProcessPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            submitted.append(args[-1])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(sources, "ProcessPoolExecutor", Pool)
    for path in ALL:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "zz_fibercore_again.txt").write_bytes(FIBERCORE.read_bytes())  # the same bytes later in the batch
    (tmp_path / "00_empty.txt").write_bytes(b"")

    def run(jobs: int) -> tuple:
        status, out, err = ingest(tmp_path, jobs=jobs)
        err = re.sub(r" in [0-9.]+ s \([0-9]+/s\)", "", err)  # the timing is all that may differ
        err = re.sub(r"^progress: .*\n", "", err, flags=re.M)  # and the rate the progress lines give
        result = (status, out, err, written())
        forget_everything()
        return result

    one_process = run(1)
    assert not submitted
    in_a_worker = run(2)

    # all parsed in the worker (the empty file fails there, as here) but the same bytes' second copy
    assert len(submitted) == len(ALL) + 1 and str(tmp_path / "zz_fibercore_again.txt") not in submitted
    assert in_a_worker == one_process
    status, out, err, rows = one_process
    assert status == 1 and failure_lines(err) == [f"failed: {tmp_path / '00_empty.txt'}: empty file"]
    assert f"unchanged: {tmp_path / 'zz_fibercore_again.txt'}: FiberCore" in out
    assert rows["counts"]["Release"] == len(ALL)


@pytest.mark.django_db
def test_releases_no_worker_has_taken_are_parsed_by_the_writer_instead_of_waited_for(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_releases, "PARALLEL_FROM", 5)
    taken_back = []

    class StalledPool:  # a worker that never starts: every release must be taken back and parsed here
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, fn, *args):
            future = sources.Future()
            future.cancel = lambda f=future, name=args[-1]: taken_back.append(name) or sources.Future.cancel(f)
            return future

        def shutdown(self, **kwargs):
            pass

    for path in ALL:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    alone = ingest(tmp_path, jobs=1)[:2], written()
    forget_everything()
    monkeypatch.setattr(sources, "ProcessPoolExecutor", StalledPool)

    stalled = ingest(tmp_path, jobs=2)[:2], written()

    assert stalled == alone
    assert sorted(set(taken_back)) == sorted(str(tmp_path / path.name) for path in ALL)


CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


@pytest.mark.parametrize("jobs", [0, -1, CPUS + 1, CPUS * 8])
def test_jobs_must_be_between_one_and_the_cpus_this_process_may_use(jobs):
    expected = f"--jobs must be between 1 and {CPUS} (the CPUs this process may use), not {jobs}"
    with pytest.raises(CommandError, match=re.escape(expected)):
        call_command("ingest_releases", str(FIBERCORE), jobs=jobs, stdout=io.StringIO(), stderr=io.StringIO())


# --- an import stopped partway ---------------------------------------------------------------------


@pytest.mark.django_db
def test_ctrl_c_rolls_back_the_batch_in_flight_and_says_where_the_import_stopped(monkeypatch):
    monkeypatch.setattr(ingest_releases, "BATCH", 2)
    real_load, loaded = ingest_releases.load_release, []

    def interrupt_in_the_second_batch(extraction, raw, **kwargs):
        loaded.append(kwargs["origin"])
        if len(loaded) == 4:  # the second batch's first release is written (not committed) by then
            raise KeyboardInterrupt
        return real_load(extraction, raw, **kwargs)

    monkeypatch.setattr(ingest_releases, "load_release", interrupt_in_the_second_batch)

    try:
        status, out, err = ingest(*PGE, FIBERCORE)
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped the command: a traceback instead of one line")

    assert status == 130
    assert err.splitlines()[-1] == (
        "CommandError: interrupted: stopped after 2 of 4 releases; those in flight were rolled back, none of them "
        "half-written (run the same command again for the rest)"
    )
    assert sorted(Release.objects.values_list("origin", flat=True)) == sorted(map(str, PGE[:2]))
    assert len(out.splitlines()) == 2


KILL_TEST_APP = "chronology-import-under-test"  # application_name of the import's PostgreSQL session


def many_releases(folder: Path, count: int = 1000) -> Path:
    """``count`` short releases about 100 debtors: each files for Chapter 11, tells it again later with
    another date, and in between has other news (quick to write, so the test is too)."""
    folder.mkdir()
    for i in range(count):
        debtor, telling = i % 100, i // 100
        if telling in (0, 5):
            text = (
                f"WILMINGTON, Del., March {1 + telling}, 2019 -- Widget Maker {debtor:02d} Corp. today filed a "
                "voluntary petition under Chapter 11 in the U.S. Bankruptcy Court for the District of Delaware.\n"
            )
        else:
            text = f"DALLAS, April {1 + telling}, 2019 -- Widget Maker {debtor:02d} Corp. reported sales of ${i}.\n"
        (folder / f"{i:04d}.txt").write_text(text)
    return folder


def shared_database(tmp_path: Path) -> dict:
    """The environment that points ``manage.py`` at a database this test reads too: PostgreSQL's test
    database; on SQLite, whose test database lives in this process's memory, a copy of it in a file."""
    if Court.objects.count() < 90:  # an earlier transactional test's flush may have emptied them
        load_bankruptcy_courts(Court)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(tmp_path / "empty.sqlite3")) as copy:
            connection.connection.backup(copy)
        shutil.copy(tmp_path / "empty.sqlite3", tmp_path / "import.sqlite3")
        return {"DATABASE_URL": f"sqlite:///{tmp_path / 'import.sqlite3'}"}
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return {"DATABASE_URL": url, "PGAPPNAME": KILL_TEST_APP}


def written_there(tmp_path: Path) -> dict:
    """``written()`` of the shared database (on SQLite, once its file is copied into this process's)."""
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(tmp_path / "import.sqlite3")) as shared:
            shared.backup(connection.connection)
    return written()


def empty_there(tmp_path: Path) -> None:
    if connection.vendor == "sqlite":
        for journal in ("import.sqlite3-wal", "import.sqlite3-shm"):  # a killed import's, else none
            (tmp_path / journal).unlink(missing_ok=True)
        shutil.copy(tmp_path / "empty.sqlite3", tmp_path / "import.sqlite3")
    else:
        forget_everything()


def releases_there(tmp_path: Path) -> int:
    return written_there(tmp_path)["counts"]["Release"]


def children(pid: int) -> list[int]:
    """The live processes ``pid`` started (Linux /proc; a zombie is dead)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            state, ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(ppid) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def sessions_of_the_import() -> int:
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [KILL_TEST_APP])
        return cursor.fetchone()[0]


def wait_until(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def start_and_stop_partway(folder: Path, env: dict, signum: int, after: int = 64) -> tuple[int, str, str, list]:
    """Start an import of ``folder``, send it ``signum`` once ``after`` releases are reported, and wait for
    it to end: (exit status, stdout, stderr, the pids of its worker processes)."""
    importer = subprocess.Popen(
        [sys.executable, "manage.py", "ingest_releases", "-v", "1", "--jobs", "2", str(folder)],
        cwd=BASE,
        env={**os.environ, "DEBUG": "1", "PYTHONUNBUFFERED": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    try:
        reported = [importer.stdout.readline() for _ in range(after)]
        workers = children(importer.pid)
        os.kill(importer.pid, signum)
        out, err = importer.communicate(timeout=60)
        return importer.returncode, "".join(reported) + out, err, workers
    finally:
        if importer.poll() is None:
            importer.kill()
        if not wait_until(lambda: not any(map(alive, workers)), 10):
            for pid in filter(alive, workers):  # left behind (the bug): end them, their locks would hang the suite
                os.kill(pid, signal.SIGKILL)
            raise AssertionError(f"worker processes {workers} outlived the import")


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or CPUS < 2, reason="Linux /proc, a core for the worker")
@pytest.mark.django_db(transaction=True)
def test_an_import_killed_partway_leaves_no_process_nor_session_and_a_rerun_writes_what_one_run_does(tmp_path):
    """kill -9 left the parsing worker alive, holding the import's database socket: its session stayed
    idle in transaction, keeping its row locks, and the next import waited on them for ever."""
    folder = many_releases(tmp_path / "releases")
    env = shared_database(tmp_path)
    assert manage("ingest_releases", "-v", "0", folder, env=env).returncode == 0
    uninterrupted = written_there(tmp_path)
    empty_there(tmp_path)

    status, out, _, workers = start_and_stop_partway(folder, env, signal.SIGKILL)

    assert status == -signal.SIGKILL and workers  # killed partway, with a worker at work
    assert wait_until(lambda: sessions_of_the_import() == 0), "the killed import's session is still open"
    rerun = manage("ingest_releases", "-v", "1", folder, env=env, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert 64 <= rerun.stdout.count("unchanged: ") < 1000
    assert written_there(tmp_path) == uninterrupted


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or CPUS < 2, reason="Linux /proc, a core for the worker")
@pytest.mark.django_db(transaction=True)
def test_sigterm_ends_an_import_as_ctrl_c_does_with_one_line_and_nothing_half_written(tmp_path):
    folder = many_releases(tmp_path / "releases")
    env = shared_database(tmp_path)

    status, out, err, workers = start_and_stop_partway(folder, env, signal.SIGTERM)

    assert status == 128 + signal.SIGTERM and workers
    last = err.splitlines()[-1]
    stopped = re.fullmatch(
        r"CommandError: terminated \(SIGTERM\): stopped after (\d+) of 1000 releases; those in flight were rolled "
        r"back, none of them half-written \(run the same command again for the rest\)",
        last,
    )
    assert stopped, err
    assert "Traceback" not in err
    assert wait_until(lambda: sessions_of_the_import() == 0)
    # what was reported is what is stored: the batch in flight left nothing
    assert releases_there(tmp_path) == int(stopped[1]) == len(out.splitlines())


# --- two imports at once ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("order", ["same", "rotated"])
def test_two_imports_of_the_same_folder_at_once_leave_no_duplicates(tmp_path, order):
    """In different orders each import locks companies the other needs next: on PostgreSQL one of them
    is failed as a deadlock and writes its batch again, one release per transaction."""
    # committed rows, so the racing processes see the courts; an earlier transactional test's flush
    # may have emptied the reference data the migration loaded
    if Court.objects.count() < 90:
        load_bankruptcy_courts(Court)
    ingest(RELEASES)  # what one import alone writes
    alone = counts()
    for model in (Release, Case, Person, Company):
        model.objects.all().delete()
    assert counts() == dict.fromkeys(alone, 0)

    if connection.vendor == "sqlite":
        # the test database lives in this process's memory: race two imports on a file database instead
        env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}"}
        assert manage("migrate", "--no-input", env=env).returncode == 0
    else:
        db = connection.settings_dict
        env = {"DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"}
    paths = {"same": [[RELEASES], [RELEASES]], "rotated": [ALL, ALL[8:] + ALL[:8]]}[order]
    racers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "ingest_releases", "-v", "1", *map(str, files)],
            cwd=BASE,
            env={**os.environ, "DEBUG": "1", **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in paths
    ]
    results = [racer.communicate(timeout=120) for racer in racers]

    for racer, (_, err) in zip(racers, results, strict=True):
        assert racer.returncode == 0, err
    outcomes = [line.split(":", 1)[0] for out, _ in results for line in out.splitlines()]
    assert len(outcomes) == 2 * len(ALL)
    assert len([o for o in outcomes if o != "unchanged"]) == len(ALL)  # each release written exactly once
    script = (
        "import json; from timeline.models import *; from cases.models import *; "
        f"print(json.dumps({{m.__name__: m.objects.count() for m in ({', '.join(m.__name__ for m in MODELS)})}}))"
    )
    after = json.loads(manage("shell", "-c", script, env=env, text=True, check=True).stdout.splitlines()[-1])
    assert after == alone
