"""The app's settings pointed at the benchmark database, with production's DEBUG off and a ping view.

Chosen with DJANGO_SETTINGS_MODULE=bench.settings by `python -m bench` and by the gunicorn it starts;
the app's own URLconf never gains the bench views.
"""

import os

# config.settings makes a throwaway key when DEBUG is on; DEBUG itself is switched off again below.
os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: E402, F403
from config.settings import ALLOWED_HOSTS, BASE_DIR, DATABASES  # noqa: E402

# As production: no per-query log in memory, no static file rescans, errors as plain 500s.
DEBUG = False
WHITENOISE_AUTOREFRESH = False
STATIC_ROOT = None  # static files come from the finders; no collectstatic needed (nor its warning)
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver", "127.0.0.1", "localhost"]

BENCH_DATA = BASE_DIR / "bench" / "data"
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # BENCH_SQLITE: another file, so two benchmark runs on one machine do not drop each other's data
    _db["NAME"] = os.environ.get("BENCH_SQLITE") or str(BENCH_DATA / "bench.sqlite3")
else:
    _db["NAME"] = f"{_db['NAME']}_bench"
