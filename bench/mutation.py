"""Mutation testing of the core modules: which one-line changes the unit suite does not notice.

    .venv/bin/python bench/mutation.py [--only dashboard/filters.py ...] [--report]

``make mutation`` runs it. Each module in :data:`MODULES` is mutated by mutmut against only the
unit test files that state its behaviour (mutmut then runs, per mutant, only the tests of those
files that call the mutated function), in its own folder under ``.cache/mutation/`` so one
module's results never mix with another's. The score, the run times and every surviving mutant
with its note from :data:`NOTES` are written to ``docs/mutation.md``; nothing in it is typed by
hand. Then each of the one-line changes in :data:`CHANGES` (those issue 13 found the suite
did not notice) is made in a scratch copy and its test run, to show it is now caught.
``--report`` rewrites the page from the last run's results without running anything; ``--no-changes``
keeps the last run's verdicts on the one-line changes (a re-run of a few modules).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "mutation"
PAGE = ROOT / "docs" / "mutation.md"
PACKAGES = ("sightings", "geo", "dashboard")
# What the tests read besides the packages (mutmut copies these into its mutants/ folder).
ALSO_COPY = ("tests", "data", "assets", "app.py", "pytest.ini")
MAX_CHILDREN = 2           # the project's machines have 2 cores
#: Core modules not mutated, and why (shown on the page). Everything else in geo/, sightings/ and
#: dashboard/ is in :data:`MODULES`.
NOT_MUTATED: dict[tuple[str, ...], str] = {
    ("dashboard/layout.py", "dashboard/callbacks.py", "dashboard/factory.py", "dashboard/ids.py",
     "dashboard/mapview.py", "dashboard/legend.py", "dashboard/urlstate.py", "dashboard/settings.py",
     "dashboard/__main__.py", "dashboard/dossier_callbacks.py"):
        "thin Dash wiring and declarations (component trees, callback registration, ids, settings); "
        "the browser tests state them, and a unit test of one of their mutants would be a test of Dash "
        "(dashboard/dossier_callbacks.py registers one callback, a closure mutmut cannot switch on, whose "
        "decisions are dashboard/dossier.py's url_panel, build_dossier and dossier_panel, mutated there)",
    ("geo/columns.py",):
        "declarations only (the names of the columns the spatial join adds, no function): mutmut mutates code "
        "inside functions, so it makes no mutant of it; test_join.py::test_join005_enrich_keeps_every_row_and_the_"
        "reported_sea states that enrich adds every one",
    ("dashboard/data.py", "dashboard/security.py", "dashboard/feeds.py", "dashboard/overlay.py",
     "dashboard/downloads.py", "dashboard/callback_requests.py"):
        "HTTP routes and start-up I/O: their tests pay an app and a test client per test module "
        "(test_site_hostile.py takes 80 s a run)",
    ("sightings/fetch.py", "sightings/curate.py", "sightings/sqlite.py", "sightings/datapackage.py",
     "sightings/changelog.py", "sightings/__main__.py", "geo/build_layers.py", "geo/layers.py", "geo/__main__.py"):
        "I/O-heavy builds, fetches and command lines: their tests read or write whole datasets or spawn "
        "subprocesses (test_curate.py 12 s, test_import.py 110 s, test_data.py 34 s a run)",
}
#: Test files left out of a module's run on purpose, and why (shown on the page).
LEFT_OUT = {
    "sightings/ingest.py": "test_jso_corpus.py compares release_rows with release_rows of the same text (a mutant "
                           "changes both sides) over 208 releases (8 s a mutant)",
    "geo/join.py": "test_data.py tests the pipeline (sightings/pipeline.py) and pays whole builds of the "
                   "dataset in fresh processes",
    "sightings/store.py": "test_import.py tests the importer and pays command-line subprocesses; test_schema.py "
                          "(sightings/schema.py's table of cells, 0.3 s a test), test_hostile_import.py (whole imports "
                          "of the shipped dataset and subprocesses, 60 s a run) and test_properties.py (generated "
                          "input, 15 s) state what test_store_file_mutants.py states on tiny files",
    "sightings/importer.py": "test_import.py pays command-line subprocesses (110 s a run); test_hostile_import.py "
                             "imports into copies of the shipped dataset (60 s a run), and test_importer_small_mutants.py "
                             "states the same on a two-row dataset",
    "sightings/pipeline.py": "test_data.py builds the whole dataset in fresh processes (34 s a run)",
    "dashboard/i18n.py": "test_i18n_catalogue.py imports tools/ (the font subsetter and the message extractor), "
                         "which the run does not copy, and builds the app's pages; test_i18n_mutants.py states the "
                         "language, the query strings and the names on literal values",
    "sightings/schema.py": "test_schema.py loads a whole file per test (parse, locate, validate; 5 s a run, and "
                           "every mutant of parse runs all of it) and round-trips the shipped dataset; "
                           "test_schema_mutants.py states its cells on parse and validate directly, each message whole",
}
#: Statements never mutated (a regex of their first line), and why (shown on the page).
DO_NOT_MUTATE = {
    r"\bos\.kill\(": "`os.kill(pid, 0)` only asks whether a process lives, but its mutant `os.kill(pid, 1)` "
                      "sends a real SIGHUP (in the test of a live writer's file, to mutmut)",
    r"\bargparse\.ArgumentParser\(|\bparser\.add_argument\(": "a command line's declarations: its program name and "
        "--help text are read by people; what its options do is tested through the function they call",
}

# module -> the unit test files that state its behaviour (tests/unit/ implied), in the order run.
# Only fast files: none builds the whole dataset per test or spawns a subprocess.
MODULES: dict[str, tuple[str, ...]] = {
    "geo/compass.py": ("test_compass.py", "test_locate_mutants.py"),
    "geo/straits.py": ("test_waters.py",),
    "geo/seas.py": ("test_waters.py", "test_seas_mutants.py"),
    "sightings/text.py": ("test_text.py", "test_text_mutants.py"),
    "sightings/dates.py": ("test_record.py", "test_dates_mutants.py"),
    "sightings/coverage.py": ("test_coverage.py", "test_coverage_mutants.py"),
    "sightings/hulls.py": ("test_stats.py", "test_analyst_data.py", "test_hulls_mutants.py"),
    "dashboard/vessels.py": ("test_stats.py", "test_analyst_data.py", "test_vessels_mutants.py"),
    "dashboard/playback.py": ("test_playback.py", "test_playback_mutants.py", "test_workspace_views.py"),
    "sightings/stats.py": ("test_stats.py", "test_stats_mutants.py", "test_periods.py", "test_briefing.py",
                           "test_chart_exports.py", "test_frozen_stats.py"),
    "geo/tracks.py": ("test_tracks.py", "test_tracks_mutants.py"),
    "sightings/voyages.py": ("test_voyages.py", "test_voyages_mutants.py", "test_plausibility.py"),
    "sightings/export.py": ("test_export.py", "test_export_mutants.py"),
    "sightings/pipeline.py": ("test_truth_filters.py", "test_pipeline_mutants.py"),
    "dashboard/filters.py": ("test_filters.py", "test_filters_mutants.py", "test_filters_current.py"),
    "dashboard/facets.py": ("test_filters.py", "test_facets_mutants.py", "test_truth_filters.py",
                            "test_filters_stated.py"),
    "dashboard/export.py": ("test_export.py", "test_export_mutants.py"),
    "geo/locate.py": ("test_locate.py", "test_locate_mutants.py"),
    "geo/join.py": ("test_join.py", "test_join_mutants.py"),
    "sightings/merge.py": ("test_merge.py", "test_merge_mutants.py", "test_merge_pairs_mutants.py"),
    "sightings/ingest.py": ("test_ingest_small_mutants.py", "test_ingest_rows_mutants.py", "test_ingest_mutants.py",
                            "test_ingest.py"),
    "sightings/importer.py": ("test_importer_small_mutants.py", "test_importer_mutants.py"),
    "sightings/store.py": ("test_store_mutants.py", "test_store_file_mutants.py", "test_store_text_mutants.py"),
    "sightings/jso.py": ("test_jso_text_mutants.py", "test_jso_mutants.py", "test_jso_pdf_mutants.py", "test_jso.py"),
    "sightings/classes.py": ("test_taxonomy.py", "test_classes_mutants.py"),
    "sightings/corrections.py": ("test_corrections_mutants.py",),
    "sightings/schema.py": ("test_schema_mutants.py",),
    "sightings/cells.py": ("test_cells_mutants.py", "test_export.py"),
    "sightings/positions.py": ("test_positions_mutants.py", "test_derived_stored.py"),
    "geo/places.py": ("test_places_mutants.py", "test_locate_mutants.py"),
    "dashboard/events.py": ("test_events_mutants.py", "test_analyst_data.py"),
    "dashboard/cite.py": ("test_cite.py",),
    "dashboard/details.py": ("test_details_mutants.py", "test_dossier.py", "test_tracks_figure.py"),
    "dashboard/tracks_figure.py": ("test_tracks_figure_mutants.py", "test_tracks_figure.py", "test_analyst_data.py"),
    "dashboard/stats_view.py": ("test_stats_view_mutants.py", "test_chart_exports.py", "test_stats.py",
                                "test_stats_coverage.py"),
    "dashboard/figures.py": ("test_figures_mutants.py", "test_figures.py", "test_truth_views.py",
                             "test_frozen_playback.py"),
    "sightings/joint.py": ("test_joint_mutants.py", "test_joint.py"),
    "sightings/plausibility.py": ("test_plausibility_mutants.py", "test_plausibility.py"),
    "sightings/textsearch.py": ("test_textsearch_mutants.py", "test_search.py"),
    "sightings/vessels.py": ("test_register_mutants.py", "test_vessel_register.py", "test_search.py"),
    "dashboard/briefing.py": ("test_briefing_mutants.py", "test_briefing.py", "test_briefing_ja.py",
                              "test_frozen_briefing.py"),
    "dashboard/views.py": ("test_views_mutants.py", "test_workspace_views.py"),
    "dashboard/dossier.py": ("test_dossier_mutants.py", "test_dossier.py"),
    "dashboard/search.py": ("test_search_mutants.py", "test_search.py"),
    "dashboard/i18n.py": ("test_i18n_mutants.py",),
}
#: Modules whose code builds the app's data: their mutants must rebuild it, so they run without
#: bench/mutation_plugin.py (which keeps the shipped app and data built once per run, for all others).
LOADS_THE_APP: frozenset[str] = frozenset()
#: Tests left out of a module's run because a fixture they use rebuilds the whole dataset, which
#: would happen again for every mutant (bench/mutation_plugin.py deselects them): module -> fixtures.
DESELECT: dict[str, tuple[str, ...]] = {
    "sightings/voyages.py": ("built",),          # curate(SOURCES): the whole build from the sources, 3 s
}
#: Tests left out of a module's run because each costs seconds per mutant (a whole PDF read by pypdf, the
#: whole dataset read and validated, a command line in a subprocess) while a fast test of that module's
#: mutants states the same behaviour on a small hand-made input (bench/mutation_plugin.py deselects them):
#: module -> {"file.py::test_name": why}. They stay in the normal suite, unchanged.
SLOW_TESTS: dict[str, dict[str, str]] = {
    "dashboard/figures.py": {
        "test_figures.py::test_figure009_the_map_draws_every_point_at_ten_thousand_rows": "draws 10,000 markers "
            "(3 s); test_figures.py::test_figure001 and test_figures_mutants.py state the markers on a few rows",
        "test_figures.py::test_figure018_big_selection_patches_to_the_same_map": "patches a map to 2,001 rows "
            "(1.6 s); test_figures.py::test_figure017 states the same patches for three filtered views of the data",
    },
    "sightings/jso.py": {
        "test_jso.py::test_jso003_pdf_parses_to_the_same_sightings_as_its_text":
            "reads the six shipped PDFs with pypdf (3 s); test_jso_pdf_mutants.py reads small hand-made PDFs",
        "test_jso.py::test_jso004_pdf_values_read_by_hand": "reads four shipped PDFs with pypdf (1.7 s); "
            "test_jso_text_mutants.py checks the 48 releases of the corpus against truth.csv, test_jso.py's noise "
            "tests the forms of a PDF's text",
        "test_jso.py::test_jso013_arbitrary_text_returns_sightings_or_the_documented_error":
            "300 generated texts (1.5 s), a crash test that states no value",
        "test_jso_mutants.py::test_jso_mutant005_pages_are_joined_by_one_line_break":
            "reads a shipped PDF with pypdf; test_jso_pdf_mutants.py states the same on a hand-made PDF",
    },
    "sightings/ingest.py": {
        "test_ingest.py::test_ingest008_reissued_release_merges_with_its_first_issue": "reads the whole shipped "
            "dataset for an empty frame (1 s); test_ingest_small_mutants.py merges a re-issue into a two-row dataset",
        "test_ingest.py::test_ingest009_release_fills_the_news_row_it_retells": "curates the whole dataset from its "
            "sources (5 s); test_merge.py::test_merge002_release_first_news_kept_gaps_filled states the merge of a release "
            "into a news row (sightings/merge.py)",
        "test_ingest.py::test_ingest010_shipped_dataset_cites_every_release_of_the_corpus": "an invariant of the "
            "shipped dataset (reads it whole), no behaviour of the module",
        "test_ingest.py::test_ingest011_no_two_rows_describe_the_same_sighting": "an invariant of the shipped dataset "
            "(reads it whole), no behaviour of the module",
        "test_ingest.py::test_ingest012_ingesting_a_shipped_release_again_adds_nothing": "the command line on a copy "
            "of the whole dataset and a shipped PDF (3 s); test_ingest_small_mutants.py ingests into a two-row dataset",
        "test_ingest.py::test_ingest013_dry_run_output_and_refusals": "the command line on a copy of the whole "
            "dataset (3 s); test_ingest_small_mutants.py states a dry run on a two-row dataset",
    },
    "sightings/importer.py": {
        f"test_importer_mutants.py::test_importer_mutant00{n}_{name}": "reads the whole shipped dataset (1 s); "
        "test_importer_small_mutants.py states the same on a two-row dataset"
        for n, name in ((1, "an_id_already_stored_is_a_repeat"), (2, "a_stored_row_imported_again_is_a_duplicate_not_new"),
                        (3, "every_changed_field_is_shown_as_written"),
                        (4, "coordinates_equal_to_five_decimals_are_the_same"))
    },
}
#: CPU-time budget of one module's run, in CPU seconds of mutmut and its mutants (:data:`BUDGET_DEFAULT` if not
#: named): on the project's 2 cores a run takes about half of it in wall time when the cores are free, and
#: longer when other work shares them, while its CPU time stays the same. A run over budget (or over
#: :data:`WALL_LIMIT` times it in wall time, a hung run) is stopped; the mutants it did not reach are counted
#: as such on the page, never as killed. Each is about twice the module's CPU time measured on 7 December 2026
#: (at least a minute), so the whole run stays within 90 minutes on 2 free cores.
WALL_LIMIT = 10
BUDGET_DEFAULT = 60
BUDGET = {"sightings/coverage.py": 160, "sightings/hulls.py": 80, "dashboard/playback.py": 110,
          "sightings/stats.py": 480, "geo/tracks.py": 110, "sightings/voyages.py": 190, "sightings/export.py": 240,
          "sightings/pipeline.py": 130, "dashboard/filters.py": 180, "dashboard/facets.py": 130,
          "dashboard/export.py": 80, "geo/locate.py": 520, "geo/join.py": 230, "sightings/merge.py": 290,
          "sightings/ingest.py": 540, "sightings/importer.py": 610, "sightings/store.py": 250,
          "sightings/jso.py": 710, "sightings/corrections.py": 170, "sightings/schema.py": 420,
          "dashboard/events.py": 100, "dashboard/details.py": 260, "dashboard/tracks_figure.py": 240,
          "dashboard/stats_view.py": 1400, "dashboard/figures.py": 890,
          "sightings/joint.py": 100, "sightings/textsearch.py": 170,
          "sightings/vessels.py": 130,
          "dashboard/briefing.py": 350, "dashboard/views.py": 110, "dashboard/dossier.py": 280,
          "dashboard/search.py": 100}

#: Functions whose mutants mutmut cannot test: they run once, at import or behind a cache,
#: before mutmut switches a mutant on, so every mutant of them survives whatever the tests
#: say. Left out of the score; beside each, the test that states what it makes.
ONCE: dict[str, dict[str, str]] = {
    "sightings/classes.py": {
        "ship_classes": "reads data/ship_classes.csv once (cached: 2.4 ms a read, and the ship-type facet, the search "
                        "and the dossier read it per request; mutmut mutates no decorated function, so it has no "
                        "mutants); test_taxonomy.py::test_tax01_every_dictionary_class_has_its_hand_checked_category "
                        "states every class's category from the hand table",
        "_by_japanese": "the release spellings' index, built once (cached: 1 ms, read for every ship of a release; no "
                        "mutants); test_classes_mutants.py::test_classes_mutant001_japanese_class_names_lead_to_their_row "
                        "states two rows whole and an unknown name",
        "_by_english": "the English spellings' index, built once (cached: 1.3 ms, read twice for every ship type name "
                       "of every row; no mutants); test_classes_mutants.py::test_classes_mutant002_class_of_a_spelling "
                       "and test_taxonomy.py::test_tax03 state where each spelling leads",
        "_row": "makes the indexes' rows, inside the cached functions above, so only before a mutant is switched "
                "on; test_classes_mutants.py::test_classes_mutant001 states two rows whole",
    },
    "geo/places.py": {
        "gazetteer": "reads data/gazetteer.csv once (cached: 1.2 ms a read, and every place a report names is looked "
                     "up in it; mutmut mutates no decorated function, so it has no mutants); test_places_mutants.py::"
                     "test_places_mutant006_points_and_the_cached_indexes states a point and a row's alt names",
        "place_index": "every spelling's key, built once (cached: 3.5 ms, read for every place of every phrase; no "
                       "mutants); test_places_mutant006 states eight keys, test_places_mutant003 the spellings of a row",
        "japanese_index": "every Japanese spelling, built once (cached: 1.2 ms, read for every place of a release; no "
                          "mutants); test_places_mutant006 states three, test_places_mutant005 the lookups",
    },
    "sightings/schema.py": {
        "_url_list": "makes SCHEMA's source_urls check at import; test_schema_mutants.py::"
                     "test_schema_mutant015_failures_in_row_order_and_long_lists_cut_at_80 (a javascript: URL) and "
                     "test_schema.py::test_schema002_bad_cell_is_named (no URL) state it",
        "_str_list": "makes SCHEMA's list checks at import; test_schema_mutants.py::"
                     "test_schema_mutant006_over_long_cells_and_lists_refused_before_parsing states the bounds parse "
                     "checks first",
        "_bounded": "makes SCHEMA's text-length checks at import, a guard for frames that did not come through parse "
                    "(which refuses the same lengths first: test_schema_mutant006)",
        "_load_checks_without_hypothesis": "loads pandera's checks at import without importing hypothesis (start-up "
                                           "time only); every validation test runs the checks it loads",
    },
    "sightings/jso.py": {
        "_day": "builds the date patterns at import; test_jso.py::test_jso002_release_parses_to_the_truth_table reads "
                "every date of the corpus, test_jso_mutants.py the back-references' ranges",
    },
    "geo/compass.py": {
        "_word": "spells the 16 points out when WORDS is declared, at import; test_compass.py::"
                 "test_compass001_every_spelling_names_one_point reads every spelling back to its point",
    },
    "geo/locate.py": {
        "_direction_pattern": "builds the fragment regex at import; test_locate_mutants.py::"
                              "test_locate_mutant001_every_compass_point reads all 16 points, spelled and abbreviated",
    },
}

#: Why a surviving mutant is acceptable: (module and function, text in the mutated line, why).
#: Empty text applies to every mutant of the function; text starting "==" must be the whole mutated
#: line. A survivor without a note is a gap.
NOTES: tuple[tuple[str, str, str], ...] = (
    ("dashboard/filters.py _clean", "start >= end", "equivalent: swapping two equal dates changes nothing"),
    ("dashboard/filters.py date_mask", 'keep = days >=', "equivalent: keep is all True before this line"),
    ("dashboard/filters.py date_span", 'lang: str = "XXenXX"', "equivalent: language() reads an unknown code as "
     "English, the default's language"),
    ("dashboard/filters.py date_span", 'lang: str = "EN"', "equivalent: language() reads an unknown code as English, "
     "the default's language"),
    ("dashboard/facets.py _either", 'lang: str = "XXenXX"', "equivalent: name() and either() read an unknown code "
     "as English (language()), the default's language"),
    ("dashboard/facets.py _either", 'lang: str = "EN"', "equivalent: name() and either() read an unknown code as "
     "English (language()), the default's language"),
    ("dashboard/facets.py _hull_phrase", 'lang: str = "XXenXX"', "equivalent: translator() and name() read an "
     "unknown code as English (language()), the default's language"),
    ("dashboard/facets.py _hull_phrase", 'lang: str = "EN"', "equivalent: translator() and name() read an unknown "
     "code as English (language()), the default's language"),
    ("dashboard/facets.py Facet.labelled_options", 'lang: str = "XXenXX"', "equivalent: name() reads an unknown "
     "code as English (language()), the default's language"),
    ("dashboard/facets.py Facet.labelled_options", 'lang: str = "EN"', "equivalent: name() reads an unknown code "
     "as English (language()), the default's language"),
    ("dashboard/facets.py _stated", "dtype=bool, na_value=None", "equivalent: the cast to bool turns the None put "
     "in a missing basis's place into False as well"),
    ("sightings/stats.py announcement_mask", "regex=None", "equivalent: pandas reads a falsy regex as a plain text "
     "search, like regex=False"),
    ("sightings/stats.py period_counts", "observed=None", "equivalent: pandas reads a falsy observed as False, so "
     "every strait (a category) has a count"),
    ("sightings/stats.py month_totals", "month_grid(rows, start, end, None)", "equivalent: the years after current_to "
     "that the grid then adds hold no sighting and no month inside the record (month_is_outside)"),
    ("sightings/stats.py month_totals", "month_grid(rows, start, end, )", "equivalent: the years after current_to "
     "that the grid then adds hold no sighting and no month inside the record (month_is_outside)"),
    ("geo/locate.py _between", "start.end() - 1",
     "differs only for 'between' followed at once by 'and', which no report writes"),
    ("geo/locate.py _between", "start.end() + 2", "differs only for a one-letter first place"),
    ("geo/locate.py _between", "count=2", "equivalent: the pattern is anchored at ^, so it matches once at most"),
    ("geo/locate.py _between", "], )", "equivalent: the pattern is anchored at ^, so it matches once at most"),
    ("geo/locate.py _between", '.split(",", )', "equivalent: find_place cuts a name at its first comma itself"),
    ("geo/locate.py _between", '.split(",", 2)', "equivalent: find_place cuts a name at its first comma itself"),
    ("geo/locate.py _between", '.rsplit(",", 1)', "equivalent: find_place cuts a name at its first comma itself"),
    ("geo/locate.py _between", '.split("XX,XX", 1)', "equivalent: find_place cuts a name at its first comma itself"),
    ("geo/locate.py _between", "if first.strip() or second.strip():",
     "an empty place ('between   and X') is a LocateError either way; only the message differs"),
    ("geo/join.py _nearest", "", "equivalent: every point has a nearest polygon, so an inner join is the left join"),
    ("geo/join.py _points", "crs=4327", "equivalent here: EPSG:4327 is WGS 84 in 3D, the same latitude and longitude"),
    ("geo/join.py _points", "lat.notna() | lon.notna()",
     "equivalent: a point with one NaN coordinate lies in no polygon and has no distance, like no point"),
    ("geo/join.py classify", "off_water = points.geometry.notna() | sea.isna()",
     "equivalent: a missing point gets no nearest sea either (sjoin_nearest skips it)"),
    ("geo/join.py classify", '"inside").fillna(None)', "equivalent: None is falsy, so astype(bool) gives False too"),
    ("geo/join.py distance_to_japan_km", "metric.geometry.notna() | ~metric.geometry.is_empty",
     "equivalent: a missing point joins nothing, so its distance stays NaN"),
    ("geo/join.py named_seas_column", "case=None", "equivalent: pandas reads a falsy case as ignore-case"),
    ("geo/join.py _within", 'predicate="within")', "equivalent: reindexed to every point next, so inner = left join"),
    ("geo/join.py _within", 'how="left", )', "differs only for a point exactly on a polygon's edge (intersects)"),
    ("geo/join.py classify", "}, index=None)", "equivalent: the columns are Series on the points' index already"),
    ("geo/join.py classify", "}, )", "equivalent: the columns are Series on the points' index already"),
    ("geo/join.py distance_to_japan_km", 'sjoin_nearest(located, coast, distance_col="metres")',
     "equivalent: every point has a nearest coast piece, so inner = left join"),
    ("geo/join.py distance_to_japan_km", ".reindex(None)", "equivalent: sjoin_nearest keeps the points' order"),
    ("geo/join.py distance_to_japan_km", 'how="left", )', "differs only for a point exactly on the coast line"),
    ("geo/join.py distance_to_japan_km", "= 1.0", "equivalent: 1 m is rounded away at the 0.1 km the distance keeps"),
    ("geo/join.py named_seas_column", "SEA_SYNONYMS.get(None, n): (first",
     "equivalent: the synonym's own key is never read, the layer name's key is set the same"),
    ("geo/join.py named_seas_column", 'first != "XXXX"',
     "equivalent: an empty reported sea adds an empty name, which the last line drops"),
    ("geo/join.py named_seas_column", "case=False, ).to_numpy()", "equivalent: regex=True is str.contains' default"),
    ("geo/join.py named_seas_column", 'removeprefix("; ")',
     "equivalent: the trailing '; ' splits into an empty name, which the last line drops"),
    ("geo/join.py named_seas_column", 'removesuffix("XX; XX")',
     "equivalent: the trailing '; ' splits into an empty name, which the last line drops"),
    ("sightings/export.py csv_chunks", "max(len(rows), 2)",
     "equivalent: a one-row frame gets a second, empty piece, which writes nothing (no header)"),
    ("sightings/export.py csv_chunks", "index=None", "equivalent: pandas reads index=None as False"),
    ("sightings/export.py csv_chunks", "lineterminator=None", "equivalent on Linux: None means os.linesep, '\\n'"),
    ("sightings/export.py csv_chunks", "header=start == 0, )", "equivalent on Linux: the default is os.linesep, '\\n'"),
    ("dashboard/export.py filename", '["STRAITWATCH"]', "equivalent: the name is lower-cased"),
    ("dashboard/export.py filename", '"START"', "equivalent: the name is lower-cased"),
    ("dashboard/export.py filename", '"END"', "equivalent: the name is lower-cased"),
    ("dashboard/export.py filename", '"FILTERED"', "equivalent: the name is lower-cased"),
    ("dashboard/export.py filename", "re.sub(",
     "a guard: the parts are dates, lower-case strait names and hull numbers, with nothing to replace"),
    ("sightings/merge.py plan_merge", 'sort_values(["event_date", "id"], ',
     "equivalent: pandas ignores kind when it sorts by several columns"),
    ("sightings/merge.py apply_decisions", 'sort_values(["event_date", "id"], ',
     "equivalent: pandas ignores kind when it sorts by several columns"),
    ("sightings/merge.py merge_row", "strict=None", "equivalent: None is falsy, like strict's default False"),
    ("sightings/merge.py merge_row", 'source_names"], ))', "equivalent: strict defaults to False"),
    ("sightings/merge.py plan_merge", "drop=None", "equivalent: None is falsy like False"),
    ("sightings/merge.py plan_merge", "ignore_index=None", "equivalent: None is falsy like False"),
    ("sightings/jso.py _subject", "default=", "equivalent: NAVIES is never empty, so max never needs its default"),
    ("sightings/jso.py _subject", "), )", "equivalent: NAVIES is never empty, so max never needs its default"),
    ("sightings/jso.py _subject", "last[0] > 0", "a same-as sentence starts with なお, so a navy is never at position 0"),
    ("sightings/jso.py _subject", "last[0] >= 1", "a same-as sentence starts with なお, so a navy is never at position 0"),
    ("sightings/jso.py _time", "hour > 24", "equivalent: hour % 12 + 12 is at most 23"),
    ("sightings/jso.py _time", "head.group()[:61]", "equivalent: a head (date, time, 海上自衛隊は、) is at most about "
     "40 characters, so the quote is never cut"),
    ("sightings/jso.py _place", ") or True", "equivalent: the substitution needs 、, に or は, which the search looks for"),
    ("sightings/coverage.py read_counts", 'period_start"].replace("XXXX", None)',
     "equivalent: pandas reads an empty date as NaT, like the None it replaces"),
    ("sightings/coverage.py read_counts", 'count_max"].replace("XXXX", None)',
     "equivalent: pandas' to_numeric reads an empty text as missing, like the None it replaces"),
    ("sightings/coverage.py record_rows", "frame.iloc[1:0]", "equivalent: both slices are empty"),
    ("sightings/hulls.py hull_table", "pd.Series(None, dtype", "equivalent: no data and [] make the same empty column"),
    ("sightings/hulls.py hull_table", "pd.Series(dtype", "equivalent: no data and [] make the same empty column"),
    ("dashboard/vessels.py vessel_rows", 'unit=None', "equivalent: a datetime64[D] array is written to the day anyway"),
    ("dashboard/vessels.py vessel_rows", '.to_numpy(dtype="datetime64[D]"), )',
     "equivalent: a datetime64[D] array is written to the day anyway"),
    ("dashboard/vessels.py vessel_rows", "to_numpy(dtype=None), unit=", "equivalent: unit='D' writes the day either way"),
    ("dashboard/vessels.py vessel_rows", "if (len(table)) or True", "equivalent: an empty table zips to [] too"),
    ("dashboard/playback.py from_fragment", '(fragment or "XXXX")', "equivalent: 'XXXX' holds no play or window value"),
    ("dashboard/playback.py from_fragment", 'lstrip("XX#XX")',
     "equivalent: also strips leading X, and the only keys read (play, window) start with neither"),
    ("dashboard/playback.py playback_updates", "if (start) or True",
     "equivalent: with no start the window is empty (NaT bounds), as the empty frame it replaces"),
    ("dashboard/playback.py playback_updates", "rows.iloc[1:0]", "equivalent: both slices are empty"),
    ("sightings/stats.py passage_rows", 'fillna("XXXX")', "equivalent: 'XXXX' states no heading either"),
    ("sightings/stats.py passage_table", "difference(seen, ", "equivalent: the zero lines are sorted by strait and year "
     "below, one per strait-year, so their order and index here do not matter"),
    ("sightings/stats.py passage_table", "to_frame(index=", "equivalent: the zero lines' index is dropped by the concat"),
    ("sightings/stats.py passage_table", "ignore_index=", "equivalent: the index is reset after the sort"),
    ("sightings/stats.py passage_table", "zeros.astype(table.dtypes.to_dict())], )",
     "equivalent: the index is reset after the sort"),
    ("sightings/stats.py passage_table", "kind=", "equivalent: pandas ignores kind when it sorts by several columns "
     "(a lexsort, stable)"),
    ("sightings/stats.py passage_table", "==)", "equivalent: pandas ignores kind when it sorts by several columns"),
    ("sightings/stats.py passage_table", "reset_index(drop=", "equivalent: the old index column is not selected"),
    ("sightings/stats.py passages", "groupby(keys, ", "equivalent: observed=True is pandas 3's default, and unobserved "
     "groups would only add rows the table's index drops"),
    ("sightings/stats.py passages", "PASSAGE_COLUMNS[4:]", "equivalent: nunique already gives int64 passages"),
    ("sightings/stats.py ships_per_month", "MONTH_COLUMNS[2:]", "equivalent: a sum of 1s is int64 already"),
    ("sightings/stats.py source_note", "str(None)", "equivalent: the mostly-news years are only tested for being any; "
     "the sentence says 'other years'"),
    ("geo/tracks.py heading", "maxsplit=", "equivalent: only the first piece of the split is read"),
    ("geo/tracks.py heading", '.lower(), )[0]', "equivalent: only the first piece of the split is read"),
    ("geo/tracks.py longest_hours", "dt.time(0)", "equivalent: dt.time(0) is dt.time(0, 0)"),
    ("geo/tracks.py longest_hours", "dt.time(0, )", "equivalent: dt.time(0) is dt.time(0, 0)"),
    ("sightings/voyages.py link_voyages", "dtype=None)", "equivalent: pandas 3 makes text a str column and lists an "
     "object column by itself"),
    ("sightings/voyages.py link_voyages", "index=frame.index, ),", "equivalent: pandas 3 makes text a str column by itself"),
    ("sightings/voyages.py parse_reference", "words[+1]", "equivalent: with two words, words[1] is words[-1]"),
    ("sightings/voyages.py _Voyages._possible", "< MAX_KNOTS", "differs only at exactly 32.000 knots"),
    ("sightings/pipeline.py add_facets", "kind=", "equivalent: pandas ignores kind when it sorts by several columns "
     "(a lexsort, stable)"),
    ("sightings/pipeline.py add_facets", '"id"], ).reset_index', "equivalent: pandas ignores kind when it sorts by "
     "several columns"),
    ("dashboard/filters.py facet_counts", "all_facet_counts(frame, spec, )[field]",
     "equivalent: counting every facet includes the one asked for, whose counts are the same"),
    ("dashboard/facets.py _flag", "to_numpy(dtype=None)", "equivalent: the indicator columns are bool already"),
    ("sightings/stats.py passage_rows", "dtype=None)", "equivalent: the key's dtype (object or str) changes no count"),
    ("sightings/stats.py passage_rows", "zip(groups, straits, headings)], )",
     "equivalent: the key's dtype (object or str) changes no count"),
    ("dashboard/export.py geojson_chunks", "ensure_ascii=None", "equivalent: None is falsy like False"),
    ("sightings/voyages.py _hull_links", "(rows.order[later], 2,", "equivalent: 2 sorts after a release link's 0 as 1 does"),
    ("sightings/voyages.py _reference_links", "range(max(1, days))",
     "differs only for a back-reference whose last day is before its first"),
    ("sightings/voyages.py _reference_links", "rows.order[j] <= rows.order[i]",
     "equivalent: j != i already, and no two rows share a place in the time order"),
    ("sightings/voyages.py _Rows.__init__", "pd.notna(a) or pd.notna(b)", "equivalent: a half point's distance is NaN, "
     "which max(0.0, NaN) reads as 0 km, so no speed limit applies to it either way"),
    ("sightings/voyages.py _release_name", 'rstrip("XX/XX")', "equivalent: a release file name never ends in X"),
    ("sightings/voyages.py _release_name", '.rsplit("/", 2)[-1]', "equivalent: the last piece is the same"),
    ("sightings/pipeline.py _each_distinct", "", "equivalent: called only on add_facets' frame, whose index is 0..n-1 "
     "(reset), with text and tuple keys a pure function answers the same each time"),
    ("sightings/pipeline.py _lists", "", "equivalent: called only on add_facets' frame, whose index is 0..n-1 (reset)"),
    ("sightings/pipeline.py add_facets", "pd.DataFrame(indicators, ", "equivalent: out's index is 0..n-1 (reset)"),
    ("sightings/pipeline.py add_facets", "vessel_classes(vessels), ", "equivalent: every class name in "
     "data/ship_classes.csv is ASCII, so escaping changes nothing"),
    ("sightings/pipeline.py _each_unique", "[False], dtype=None)", "equivalent: the answers are bools already"),
    ("sightings/pipeline.py _each_unique", "[False], )", "equivalent: the answers are bools already"),
    ("sightings/pipeline.py _each_unique", "[True], dtype=bool", "equivalent: the extra answer is for a missing value "
     "(code -1), which a joined URL list never is"),
    ("sightings/pipeline.py _per_unique", "", "equivalent: the table has one row per distinct value already, of bools, "
     "so the reindex adds and fills nothing"),
    ("sightings/voyages.py _release_name", '.rsplit("/", )[-1]', "equivalent: the last piece is the same"),
    ("dashboard/export.py stats_csv", "index=None", "equivalent: pandas reads index=None as False"),
    ("dashboard/export.py stats_csv", "lineterminator=None", "equivalent on Linux: None means os.linesep, '\\n'"),
    ("dashboard/export.py stats_csv", "to_csv(index=False, )", "equivalent on Linux: the default is os.linesep, '\\n'"),
    ("sightings/dates.py stated_time", 'text or "XXXX"', "equivalent: 'XXXX' states no clock time either"),
    ("sightings/dates.py says_announced_on", "lower()[:4]",
     "equivalent: the pattern's month group is the three-letter abbreviation itself (sep, not sept)"),
    ("sightings/jso.py _sighting", "_NAVY_NAMED.search(head, )", "equivalent: the head sentence (date, time, "
     "海上自衛隊は、) names no navy"),
    ("sightings/jso.py _sighting", "_SHIPS_END.search(head, )", "equivalent: the pattern is anchored at the end "
     "of the sentence"),
    ("sightings/jso.py _report_date", "header[-201:]", "differs only for a date line exactly 200 characters above "
     "the body"),
    ("sightings/jso.py _pypdf_problem", "isinstance(exc, classes)), None)", "equivalent: None is falsy like '', "
     "so the detail alone is said"),
    ("sightings/jso.py _anchor", "if before or place:", "differs only for an anchor that begins or ends with の, "
     "which the position pattern never reads (の before the bearing is its own)"),
    ("sightings/jso.py _back_refs", 'subject, read_to = "all", 1', "equivalent: the text starts with なお、, so no "
     "navy is named at its first character"),
    ("sightings/jso.py _back_refs", "read_to = None", "equivalent: the last navy named before a date is the same "
     "over the whole text before it (reading each stretch once only keeps the time linear)"),
    ("sightings/jso.py _space_run", "if (start) or True", "equivalent: lines are stripped before they are joined, "
     "so no run of white space starts the text"),
    ("sightings/jso.py _space_run", 'if start else "XXXX"', "equivalent: lines are stripped before they are joined, "
     "so no run of white space starts the text"),
    ("sightings/jso.py _space_run", "if (end < len(text)) or True", "equivalent: lines are stripped before they are "
     "joined, so no run of white space ends the text"),
    ("sightings/jso.py _space_run", "end <= len(text)", "equivalent: lines are stripped before they are joined, so "
     "no run of white space ends the text"),
    ("sightings/jso.py _space_run", 'if end < len(text) else "XXXX"', "equivalent: lines are stripped before they "
     "are joined, so no run of white space ends the text"),
    ("sightings/importer.py _differences", "pointless = ", "equivalent: an area row's only point is its strait's "
     "label point and an unlocated row has none (sightings/store.py's _check_area_points), and a missing point is "
     "the same as a missing point, so whether a pointless row's lat and lon are compared changes nothing"),
    ("sightings/importer.py _same", "isinstance(a, list) and isinstance(b, list)", "equivalent: both values come from "
     "the same column of two loaded frames, so both are lists or neither is"),
    ("sightings/importer.py plan", 'c != "XXidXX"', "equivalent: a row is compared with the stored row of its own "
     "id, so the ids never differ"),
    ("sightings/importer.py plan", 'c != "ID"', "equivalent: a row is compared with the stored row of its own id, "
     "so the ids never differ"),
    ("sightings/importer.py plan", 'existing.set_index("id", ', "equivalent: the stored rows are then read by the "
     "file's columns, which leave out id"),
    ("sightings/importer.py read_cells", "fillna(None)", "equivalent: a table of CSV text cells has no missing cell "
     "(read with keep_default_na=False)"),
    ("sightings/importer.py read_cells", "fillna(True)", "equivalent: a table of CSV text cells has no missing cell "
     "(read with keep_default_na=False)"),
    ("sightings/importer.py read_cells", "to_numpy(dtype=None)", "equivalent: the mask is bool already"),
    ("sightings/importer.py _replacements", '"XXlatXX" in given', "equivalent: the given columns, lat and lon among "
     "them, are copied over the stored row just after"),
    ("sightings/importer.py _replacements", '"LAT" in given', "equivalent: the given columns, lat and lon among "
     "them, are copied over the stored row just after"),
    ("sightings/importer.py _replacements", '"lat" not in given', "equivalent: the given columns, lat and lon among "
     "them, are copied over the stored row just after"),
    ("sightings/importer.py duplicate_of", "dtype=None)", "equivalent: the column holds the same ids as text"),
    ("sightings/importer.py duplicate_of", "index=range(len(incoming)), )", "equivalent: the column holds the same "
     "ids as text"),
    ("sightings/importer.py merge_into", "verify_integrity=", "a guard: the replaced rows were dropped from the kept "
     "ones just before, so their labels never repeat"),
    ("sightings/importer.py merge_into", "[kept, result.replaced], )", "a guard: the replaced rows were dropped from "
     "the kept ones just before, so their labels never repeat"),
    ("sightings/importer.py merge_into", "ignore_index=", "equivalent: the index is reset after the sort"),
    ("sightings/importer.py merge_into", "[merged, result.new], )", "equivalent: the index is reset after the sort"),
    ("sightings/importer.py merge_into", 'sort_values("event_date", ', "differs only among 17 or more rows of one "
     "date: numpy sorts fewer by insertion, which is stable"),
    ("sightings/importer.py read_upload", '.rpartition(",")', "equivalent: a data URL's header and base64 hold no "
     "comma, so the one comma is found from either end"),
    ("sightings/importer.py read_upload", '(contents or "XXXX")', "equivalent: 'XXXX' is no data URL either"),
    ("sightings/importer.py read_upload", 'else ("XXXX", "", "")', "equivalent: 'XXXX' is no data URL either"),
    ("sightings/importer.py read_upload", 'else ("", "XXXX", "")', "equivalent: the separator is not read"),
    ("sightings/importer.py read_upload", 'else ("", "", "XXXX")', "equivalent: an empty header is refused before "
     "the payload is read"),
    ("sightings/ingest.py _passage", "==label = None", "equivalent: no label point is named '' or None"),
    ("sightings/ingest.py _passage", '==label = "XXXX"', "equivalent: no label point is named 'XXXX'"),
    ("sightings/ingest.py sighting_row", "direction=direction, activity=", "equivalent: the row starts with every "
     "column empty, sea_area among them"),
    ("sightings/ingest.py _read_file", 'decode("UTF-8-SIG")', "equivalent: codec names are read case-blind"),
    ("sightings/ingest.py sighting_row", 'float("NAN")', "equivalent: float() reads nan in any case"),
    ("sightings/ingest.py sighting_row", '"XXanchorXX": ""', "equivalent: the row starts with an empty anchor"),
    ("sightings/ingest.py sighting_row", '"ANCHOR": ""', "equivalent: the row starts with an empty anchor"),
    ("sightings/ingest.py merge_rows", "if (len(incoming)) or True", "equivalent: no incoming rows make no decisions"),
    ("sightings/ingest.py merge_rows", "url.rsplit('/', )[-1]", "equivalent: only the last piece is read"),
    ("sightings/ingest.py merge_rows", "url.rsplit('/', 2)[-1]", "equivalent: only the last piece is read"),
    ("sightings/ingest.py merge_rows", "url.rsplit('/', 1)[+1]", "equivalent: a URL splits into two pieces at its "
     "last /, so the second is the last"),
    ("sightings/ingest.py _bounded_bytes", "handle.read(limit + 2)", "equivalent: one byte more of a file that grew "
     "past its limit after it was judged"),
    ("sightings/ingest.py _read_corpus", 'decode("UTF-8-SIG")', "equivalent: codec names are read case-blind"),
    ("sightings/ingest.py _read_corpus", "split())[:201]", "equivalent: json's and the UTF-8 codec's messages are "
     "under 200 characters"),
    ("sightings/store.py _is_utf8", 'decode("UTF-8")', "equivalent: codec names are read case-blind"),
    ("sightings/store.py _text_encoding", 'b"XXaXX".decode(name)', "equivalent: any bytes tell a text codec from a "
     "bytes-to-bytes one"),
    ("sightings/store.py _text_encoding", 'b"A".decode(name)', "equivalent: any bytes tell a text codec from a "
     "bytes-to-bytes one"),
    ("sightings/store.py clean_leftovers", '.split(".", )[0]', "equivalent: only the first piece (the pid) is read"),
    ("sightings/store.py clean_leftovers", '.split(".", 2)[0]', "equivalent: only the first piece (the pid) is read"),
    ("sightings/store.py clean_leftovers", "age >= stale_seconds", "differs only at the same instant to the "
     "microsecond"),
    ("sightings/store.py clean_leftovers", "missing_ok=", "differs only when another cleaner removes the file "
     "between the listing and the unlink (both hold the lock, so never)"),
    ("sightings/store.py write_atomic", "temporary.unlink(missing_ok=", "differs only when the temporary file is "
     "gone already, which only another process could do"),
    ("sightings/store.py write_atomic", "os.O_EXCL & os.O_CLOEXEC", "differs only when the random temporary name "
     "exists already (or the descriptor leaks into a child started meanwhile)"),
    ("sightings/store.py write_atomic", "encoding=None,", "equivalent where Python's text encoding is UTF-8, as "
     "on the project's machines (UTF-8 mode); a gap elsewhere"),
    ("sightings/store.py write_atomic", "encoding=None if (binary) or True", "equivalent where Python's text "
     "encoding is UTF-8, as on the project's machines (UTF-8 mode); a gap elsewhere"),
    ("sightings/store.py write_atomic", '"w", newline=None if binary', "equivalent where Python's text encoding is "
     "UTF-8, as on the project's machines (UTF-8 mode); a gap elsewhere"),
    ("sightings/store.py write_atomic", "newline=None)", "equivalent on Linux: '\\n' is written as it is"),
    ("sightings/store.py write_atomic", "newline=None if (binary) or True", "equivalent on Linux: '\\n' is written "
     "as it is"),
    ("sightings/store.py write_atomic", '"UTF-8"', "equivalent: codec names are read case-blind"),
    ("sightings/store.py write_atomic", "==) as out:", "equivalent on Linux: '\\n' is written as it is"),
    ("sightings/store.py read_dataset", "read_file(path, )", "equivalent: the import limit is the same 128 MB"),
    ("sightings/store.py read_file", "stream.read(limit + 2)", "equivalent: one byte more of a file already over "
     "the limit, the same refusal"),
    ("sightings/store.py _check_area_points", "abs(a - b) <= 1e-4", "differs only at exactly 1e-4 degrees (11 m)"),
    ("sightings/store.py _decode", "raw[:4097]", "equivalent: one byte more in a 4 KB sample changes no guess"),
    ("sightings/store.py _decode", 'if b"XX\\x00XX" in raw', "equivalent: a NUL then reaches the decoded text's "
     "check, which names the same line"),
    ("sightings/store.py _decode", 'raw.count(b"\\n", None,', "equivalent: None is the start, 0"),
    ("sightings/store.py _decode", 'text.count("\\n", None,', "equivalent: None is the start, 0"),
    ("sightings/store.py _looks_utf16", "len(a) / 4", "equivalent: for whole counts, more than n / 4 is more than "
     "n // 4"),
    ("sightings/store.py _structure", 'text.split("\\n", )[0]', "equivalent: only the first piece is read"),
    ("sightings/store.py _structure", 'text.split("\\n", 2)[0]', "equivalent: only the first piece is read"),
    ("sightings/store.py read_text", "index_col=None)", "equivalent: _structure refuses a row longer than the "
     "header, the only case where pandas would take the first column as the index"),
    ("sightings/store.py read_text", "==)", "equivalent: _structure refuses a row longer than the header, the only "
     "case where pandas would take the first column as the index"),
    ("sightings/store.py read_text", '"UTF-8-SIG"', "equivalent: codec names are read case-blind"),
    ("sightings/store.py to_csv_text", 'float_format="%.5F"', "equivalent: %F differs from %f only for inf and nan, "
     "which a float column writes as an empty cell (the schema refuses infinite coordinates)"),
    ("sightings/store.py to_csv_text", "index=None", "equivalent: pandas reads index=None as False"),
    ("sightings/store.py to_csv_text", "lineterminator=None", "equivalent on Linux: None means os.linesep, '\\n'"),
    ("sightings/store.py to_csv_text", 'to_csv(index=False, float_format=', "equivalent on Linux: the default is "
     "os.linesep, '\\n'"),
    ("geo/places.py find_place_ja", "list(index), cutoff=0.5)", "equivalent: 3 is get_close_matches' default n"),
    ("geo/places.py spellings", 'candidate.rsplit(None, 1)', "differs only for a name with a run of spaces or a tab "
     "before its Island, which the gazetteer never writes (names are stripped, spaced once)"),
    ("sightings/corrections.py apply_corrections", 'set_index("id", drop=None)', "equivalent: None is falsy like False"),
    ("sightings/corrections.py _cite", '"source_urls"].split(None)', "equivalent: a URL holds no white space (the "
     "schema's), and the lone '|' items a split at spaces adds are empty items the load drops"),
    ("sightings/cells.py as_cells", "pd.DataFrame(index=None)", "equivalent: the first column assigned gives the "
     "empty frame the rows' index (no caller asks for no columns)"),
    ("sightings/cells.py as_cells", '.rstrip("XX0XX")', "equivalent: rstrip takes a set of characters, and a "
     "formatted number holds no X"),
    ("sightings/cells.py as_cells", '.rstrip("XX.XX")', "equivalent: rstrip takes a set of characters, and a "
     "formatted number holds no X"),
    ("sightings/positions.py fill_positions", 'out["lat"].notna() | out["lon"].notna()', "equivalent: parse "
     "refuses a row with only one of lat and lon (test_schema_mutant003), so a point is both or neither"),
    ("sightings/corrections.py apply_corrections", '"position_kind"]] = None', "equivalent: the cells are "
     "written back as CSV text, where None is an empty cell too"),
    ("sightings/corrections.py apply_corrections", "kept.to_csv(index=None)", "equivalent: pandas reads index=None "
     "as False"),
    ("sightings/schema.py _item_problems", "default=None", "equivalent: pandas compares an empty list's None as "
     "missing, never greater than the size"),
    ("sightings/schema.py _item_problems", "default=1)", "equivalent: an empty list's longest item (1 instead of 0) "
     "is compared with item sizes of 16 or more"),
    ("sightings/schema.py _item_problems", "default=0)) >= size", "equivalent: a row is only picked here; its "
     "items longer than the size are named next (none at exactly the size)"),
    ("sightings/schema.py parse", "out = pd.DataFrame(index=None)", "equivalent: the first column assigned gives the "
     "empty frame the rows' index"),
    ("sightings/schema.py _parse_dates", "parsed <= pd.Timestamp.min", "equivalent: Timestamp.min and max are not "
     "midnights, so no parsed date equals either"),
    ("sightings/schema.py _parse_dates", "parsed >= pd.Timestamp.max", "equivalent: Timestamp.min and max are not "
     "midnights, so no parsed date equals either"),
    ("sightings/schema.py _parse_ships", ".astype(None)", "equivalent: astype(None) is float64"),
    ("sightings/schema.py _parse_floats", ".astype(None)", "equivalent: astype(None) is float64"),
    ("sightings/schema.py _describe", "isinstance(index, (int, float)) or pd.notna(index)", "a guard: pandera gives "
     "a failure of a whole column the index None (test_schema_mutant013), never NaN, which notna guards against"),
    ("sightings/schema.py _describe", "column = case.column if ", "a guard: pandera names a column of the frame or "
     "none (the checks across columns are read before)"),
    ("sightings/schema.py _describe", "preview(repr(value), 81)", "differs only for a value whose repr is exactly 81 "
     "characters"),
    ("sightings/jso.py pdf_text", 'or "XXXX"',
     "a page without text (a scan) is in no release; such a release would not parse either way"),
    ("dashboard/tracks_figure.py _arrow", "<= 1e-9", "differs only for a leg exactly 1e-9 degrees (0.1 mm) long"),
    ("dashboard/figures.py layer_files", 'encode("UTF-8")', "equivalent: codec names are read case-blind"),
    ("dashboard/figures.py area_styles", 'key.rpartition(":")', "equivalent: an area key holds one colon"),
    ("dashboard/figures.py selection_trace", "to_numpy(dtype=None)", "equivalent: the comparison is bool already"),
    ("dashboard/figures.py fan_offsets", "np.maximum(count - 1, 2)", "equivalent: a spread of 0.7 over one gap or 0.35 "
     "is capped at FAN_STEP (0.18) either way, and a lone row's offset is 0"),
    ("dashboard/figures.py _days", "strftime(None)", "equivalent: the dates are days (midnight), which pandas "
     "writes as YYYY-MM-DD by default"),
    ("sightings/joint.py joint_events", "itertuples(index=None)", "equivalent: None is falsy like False"),
    ("sightings/joint.py joint_events", "row <= other", "equivalent: a row paired with itself (report_pairs pairs "
     "every row with itself) has its own voyage, so the voyage test refuses it"),
    ("sightings/plausibility.py plausibility", "itertuples(index=None)", "equivalent: None is falsy like False"),
    ("sightings/vessels.py read_register", "nrows=", "equivalent: a file of more rows than MAX_ROWS is refused "
     "either way (check_register); reading stops at the first row past it only to bound the work"),
    ("sightings/vessels.py read_register", "keep_default_na=False, )", "equivalent: a file of more rows than MAX_ROWS "
     "is refused either way (check_register); reading stops at the first row past it only to bound the work"),
    ("sightings/textsearch.py _class_spellings", "itertuples(index=None)", "equivalent: None is falsy like False"),
    ("sightings/textsearch.py _places_in", "range(len(text) + 1)", "equivalent: a window past the last two characters "
     "is shorter than every key of the index (a spelling's first two characters)"),
    ("sightings/textsearch.py search_fields", "}, index=None)", "equivalent: the Series among the columns carry the "
     "frame's index already, and the lists take it by position"),
    ("sightings/textsearch.py search_fields", "==}, )", "equivalent: the Series among the columns carry the "
     "frame's index already, and the lists take it by position"),
    ("dashboard/search.py find", "regex=None", "equivalent: pandas reads a falsy regex as a plain text search, like "
     "regex=False (test_search01's 'a.*' and '[' are read as text)"),
    *((f"dashboard/views.py {function}", 'lang: str = "', "equivalent: translator() and with_language() read an "
       "unknown code as English (language()), the default's language")
      for function in ("voyages_section", "sighting_link", "unknown_sighting")),
    ("dashboard/briefing.py _notable", 'kind="STABLE"', "equivalent: numpy reads a sort kind's name case-blind"),
    ("dashboard/dossier.py dossier_panel", 'lang: str = "', "equivalent: translator() reads an unknown code as "
     "English (language()), the default's language"),
    ("dashboard/dossier.py dossier_panel", 'hull: str = "XXXX"', "equivalent: the hull is read only for a hull no "
     "dossier holds, and every caller passes it then (dossier_callbacks.py, from the URL)"),
    ("dashboard/dossier.py url_panel", '(search or "XXXX")', "equivalent: 'XXXX' holds no key=value pair, so "
     "parse_qs reads nothing from it, as from ''"),
    ("dashboard/dossier.py with_sighting", '(search or "XXXX")', "equivalent: 'XXXX' holds no key=value pair, so "
     "parse_qs reads nothing from it, as from ''"),
    ("dashboard/briefing.py _strait_sentence", "observed=None", "equivalent: pandas reads a falsy observed as False, "
     "so every strait (a category) has a count"),
    ("dashboard/dossier.py build_dossier", 'to_dict("RECORDS")', "equivalent: pandas reads an orient's name "
     "case-blind"),
    ("dashboard/i18n.py language_of_query", '(query or "XXXX")', "equivalent: 'XXXX' holds no key=value pair, so "
     "parse_qsl reads nothing from it, as from ''"),
    ("dashboard/i18n.py with_language", '(query or "XXXX")', "equivalent: 'XXXX' holds no key=value pair, so "
     "parse_qsl reads nothing from it, as from ''"),
)



@dataclass(frozen=True)
class Change:
    """A one-line change to core behaviour the unit suite must notice (issue 13's, then issue 20's)."""

    name: str
    path: str
    before: str
    after: str
    test: str        # the unit test that fails with the change in place


CHANGES: tuple[Change, ...] = (
    Change("ship-type filtering turned from OR into AND", "dashboard/facets.py",
           "np.logical_or.reduce([_flag(frame, column_of(c)) for c in chosen])",
           "np.logical_and.reduce([_flag(frame, column_of(c)) for c in chosen])",
           "tests/unit/test_filters.py::test_filter002_or_is_not_and"),
    Change("facet counts no longer ignoring the facet's own selection", "dashboard/filters.py",
           "facet.counts(frame, _keep(frame, masks, facet.field, dates))",
           "facet.counts(frame, _keep(frame, masks, None, dates))",
           "tests/unit/test_filters.py::test_filter004_counts_ignore_their_own_selection"),
    Change("the WSW bearing moved by 2.5 degrees", "geo/compass.py",
           "{point: i * 22.5 for i, point in enumerate(POINTS)}",
           "{point: i * 22.5 + 2.5 * (point == 'WSW') for i, point in enumerate(POINTS)}",
           "tests/unit/test_locate_mutants.py::test_locate_mutant001_every_compass_point"),
    Change('the "2022" preset becoming 2023', "dashboard/filters.py",
           "return dt.date(2022, 1, 1), dt.date(2022, 12, 31)", "return dt.date(2023, 1, 1), dt.date(2023, 12, 31)",
           "tests/unit/test_filters.py::test_filter017_preset_range"),
    Change("an incoming id already in the dataset no longer caught", "sightings/importer.py",
           'found[by_id] = incoming.loc[by_id, "id"].to_numpy()', "pass",
           "tests/unit/test_importer_mutants.py::test_importer_mutant001_an_id_already_stored_is_a_repeat"),
    Change("derived points no longer faded", "dashboard/figures.py",
           '{"reported": 1.0, "derived": 0.6}', '{"reported": 1.0, "derived": 1.0}',
           "tests/unit/test_figures.py::test_figure013_derived_points_are_faded"),
    Change("the table keeping the oldest rows instead of the latest", "dashboard/figures.py",
           "rows.tail(MAX_TABLE_ROWS)", "rows.head(MAX_TABLE_ROWS)",
           "tests/unit/test_figures.py::test_figure014_table_keeps_the_latest_rows_newest_first_when_capped"),
    Change("search becoming case-sensitive", "sightings/textsearch.py",
           'return unicodedata.normalize("NFKC", text[:MAX_FIELD]).casefold()',
           'return unicodedata.normalize("NFKC", text[:MAX_FIELD])',
           "tests/unit/test_search.py::test_search01_finds_rows_in_every_field"),
    Change("a point on land no longer 0 km from Japan", "geo/join.py",
           'metres[on_land[~on_land.index.duplicated()]["index_right"].notna().to_numpy()] = 0.0', "pass",
           "tests/unit/test_join.py::test_join010_a_point_on_japanese_land_is_0_km_from_japan"),
    Change("a report naming two seas found by its first sea only", "sightings/pipeline.py",
           "return list(dict.fromkeys(sea for sea in (sea_area, *named) if sea)) or [NOT_STATED]",
           "return [sea_area or NOT_STATED]",
           "tests/unit/test_truth_filters.py::test_truth04_sea_facet_matches_every_sea_a_report_names"),
    # one-line changes in the modules issue 20 added to the run, each caught by the test named
    Change("a passage counted in the year of its last sighting", "sightings/stats.py",
           'transform("min").dt.year', 'transform("max").dt.year',
           "tests/unit/test_stats_mutants.py::test_stats_mutant001_passage_rows_keys_headings_and_years"),
    Change("a route three days long no longer known", "geo/tracks.py",
           "abs(days_apart) <= ROUTE_KNOWN_DAYS", "abs(days_apart) < ROUTE_KNOWN_DAYS",
           "tests/unit/test_tracks_mutants.py::test_tracks_mutant006_route_known_within_three_days_at_sea"),
    Change("a hull seen in no strait said to be in one", "sightings/hulls.py",
           'fillna({"class": NO_CLASS, "straits": ""})', 'fillna({"class": NO_CLASS, "straits": NO_CLASS})',
           "tests/unit/test_analyst_data.py::test_vessel004_hull_table_of_hand_made_rows"),
    Change("hull links stretched to 15 days", "sightings/voyages.py",
           "HULL_GAP_DAYS = 14", "HULL_GAP_DAYS = 15",
           "tests/unit/test_voyages_mutants.py::test_voyages_mutant001_hull_links_within_fourteen_days"),
    Change("an activity no kind matches left with no kind", "sightings/pipeline.py",
           'if kind.lower() in clauses] or ["other"]', 'if kind.lower() in clauses] or []',
           "tests/unit/test_pipeline_mutants.py::test_pipeline_mutant006_activity_kinds"),
    Change("a playback window one day longer", "dashboard/playback.py",
           "WINDOWS[size].length).date() - dt.timedelta(days=1)", "WINDOWS[size].length).date()",
           "tests/unit/test_playback_mutants.py::test_playback_mutant002_window_end_is_its_last_day"),
    Change("a click on a two-class cell searching for both", "dashboard/vessels.py",
           'value != NO_CLASS and ";" not in value', "value != NO_CLASS",
           "tests/unit/test_vessels_mutants.py::test_vessels_mutant003_a_click_on_a_cell"),
    Change("a transit of that many ships held only when two rows hold it", "sightings/coverage.py",
           "share.append(1.0 if len(rows) else 0.0)", "share.append(1.0 if len(rows) > 1 else 0.0)",
           "tests/unit/test_coverage.py::test_coverage002_each_count_beside_the_rows_in_its_scope"),
    Change("12 p.m. read as midnight's next day", "sightings/dates.py",
           'hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)',
           'hour = hour + (12 if meridiem.lower() == "p" else 0)',
           "tests/unit/test_dates_mutants.py::test_dates_mutant002_clock_times_at_their_edges"),
    Change("a release's unknown class given no name instead of its own", "sightings/classes.py",
           "return known.class_en if known else class_ja", 'return known.class_en if known else ""',
           "tests/unit/test_classes_mutants.py::test_classes_mutant001_japanese_class_names_lead_to_their_row"),
    Change("a corrected strait keeping the old strait's label point", "sightings/corrections.py",
           'text.loc[fix.id, ["lat", "lon", "position_kind"]] = ""', "pass",
           "tests/unit/test_corrections_mutants.py::test_corrections_mutant011_a_position_input_clears_the_stored_point"),
    Change("a check across columns named once per column of the row", "sightings/schema.py",
           'if row and case.schema_context == "DataFrameSchema":', "if False:",
           "tests/unit/test_schema_mutants.py::test_schema_mutant010_pandera_failures_as_sentences"),
    Change("a context event's band one day short", "dashboard/events.py",
           '"x1": (e.end + dt.timedelta(days=1)).isoformat()', '"x1": e.end.isoformat()',
           "tests/unit/test_events_mutants.py::test_events_mutant005_a_band_and_a_numbered_marker_per_event"),
    Change("a citation keeping the page's old query", "dashboard/cite.py",
           'page = (page_href or "/").partition("#")[0].partition("?")[0]', 'page = (page_href or "/").partition("#")[0]',
           "tests/unit/test_cite.py::test_cite002_the_default_view_cites_the_bare_page"),
    Change("numpy's bools shown as True and False in the details", "dashboard/details.py",
           "if isinstance(value, (bool, np.bool_)):", "if isinstance(value, bool):",
           "tests/unit/test_details_mutants.py::test_details_mutant012_a_row_taken_from_a_frame_says_yes_and_no"),
    Change("a route over land drawn as a solid line", "dashboard/tracks_figure.py",
           "for run in known_runs(points, track.route_known):",
           "for run in known_runs(points, (True,) * len(track.route_known)):",
           "tests/unit/test_tracks_figure.py::test_truth10_a_route_over_land_is_faint_dots_never_a_line"),
    Change("passage bars as tall as their ship-sightings", "dashboard/stats_view.py",
           '"y": [r.passages for r in part]', '"y": [r.ship_sightings for r in part]',
           "tests/unit/test_stats_view_mutants.py::test_stats_view_mutant006_passages_chart"),
    Change("a stacked marker's click stuck on its first sighting", "dashboard/figures.py",
           "target = members[(at + 1) % len(members)]", "target = members[0]",
           "tests/unit/test_figures_mutants.py::test_figures_mutant004_stacked_markers_take_turns"),
    Change("joint rows of no stored voyage grouped as one event", "sightings/joint.py",
           "for k in positions[1:] if voyage else ():", "for k in positions[1:]:",
           "tests/unit/test_joint_mutants.py::test_joint_mutant001_rows_of_no_stored_voyage_are_not_one_voyage"),
    Change("a report exactly ten days late flagged as late", "sightings/plausibility.py",
           "late > LATE_DAYS", "late >= LATE_DAYS",
           "tests/unit/test_plausibility_mutants.py::"
           "test_plausibility_mutant004_late_reports_from_eleven_days_unless_the_notes_say_background"),
    Change("a place found inside a longer word (Oki in Okinawa)", "sightings/textsearch.py",
           "joins_after = end < len(text) and _wordy(text[end]) and _wordy(name[-1])", "joins_after = False",
           "tests/unit/test_textsearch_mutants.py::test_textsearch_mutant007_places_named_as_whole_words_in_order"),
    Change("a hull's name dropped on the last day it was carried", "sightings/vessels.py",
           '(table["carried_to"] >= iso)', '(table["carried_to"] > iso)',
           "tests/unit/test_register_mutants.py::test_register_mutant009_carried_on_a_day_includes_both_ends"),
    Change("a period ending on the data's last day marked partial", "dashboard/briefing.py",
           "if current_to is not None and last > current_to:", "if current_to is not None and last >= current_to:",
           "tests/unit/test_briefing_mutants.py::test_briefing_mutant002_periods_partial_exactly_past_their_edges"),
    Change("a voyage with no ship count shown as 0 ships", "dashboard/views.py",
           '"ships": int(ships.max()) if len(ships) else None', '"ships": int(ships.max()) if len(ships) else 0',
           "tests/unit/test_views_mutants.py::test_views_mutant005_voyages_in_report_order_whatever_the_frame_order"),
    Change("a hull's dossier taking in the sightings of a longer hull number", "dashboard/dossier.py",
           'listed = frame["hull_numbers"].map(lambda hulls: hull in hulls)',
           'listed = frame["hull_numbers"].map(lambda hulls: any(hull in h for h in hulls))',
           "tests/unit/test_dossier_mutants.py::test_dossier_mutant001_the_whole_history_of_a_hull_as_written"),
    Change("a search query's runs of spaces kept", "dashboard/search.py",
           'needle = fold(" ".join(str(query)[:MAX_QUERY].split()))', "needle = fold(str(query)[:MAX_QUERY].strip())",
           "tests/unit/test_search_mutants.py::"
           "test_search_mutant002_the_query_is_cut_to_80_characters_then_its_spaces_collapsed"),
    Change("an English link keeping the Japanese page's lang=", "dashboard/i18n.py",
           "if key != PARAM]", "]",
           "tests/unit/test_i18n_mutants.py::test_i18n_mutant003_the_language_kept_in_a_query_string"),
)

KILLED = {1, 3, 36, 24, -24, 152, 255}      # mutmut's exit codes for killed and timed out
STATUS = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", None: "not checked"}


@dataclass(frozen=True)
class Survivor:
    module: str
    line: int
    function: str
    before: str
    after: str
    status: str


@dataclass(frozen=True)
class ModuleResult:
    module: str
    tests: tuple[str, ...]
    total: int
    killed: int
    seconds: float
    budget: float                    # the wall-clock budget the run had
    ending: str                      # "finished", or why the run stopped early
    unchecked: int                   # mutants the run did not reach (over budget): neither killed nor survived
    survivors: tuple[Survivor, ...]
    once: tuple[Survivor, ...]       # mutants of ONCE functions, which mutmut cannot test
    cpu_seconds: float | None = None  # CPU time of mutmut and its mutants (None: a run before this was measured)
    load: float | None = None        # the machine's mean 1-minute load average while the module ran
    ended: str = ""                  # when the run ended (UTC)

    @property
    def tested(self) -> int:
        return self.total - len(self.once)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=sorted(MODULES), help="mutate only these modules")
    parser.add_argument("--report", action="store_true", help="rewrite docs/mutation.md from the last run")
    parser.add_argument("--no-changes", action="store_true",
                        help="keep the last run's verdicts on the one-line changes (re-running a few modules)")
    args = parser.parse_args(argv)
    modules = args.only or list(MODULES)
    if not args.report:
        for module in modules:
            seconds = mutate(module)
            print(f"{module}: {seconds:.0f} s ({json.loads((workdir(module) / 'seconds.json').read_text())['ending']})",
                  flush=True)
    if not (args.report or args.no_changes):
        (WORK / "changes.json").write_text(json.dumps([caught for caught in check_changes().values()]))
    caught = dict(zip(CHANGES, json.loads((WORK / "changes.json").read_text()), strict=True))
    results = [result for module in MODULES if (result := read_result(module)) is not None]
    PAGE.write_text(page(results, caught))
    killed, tested = sum(r.killed for r in results), sum(r.tested for r in results)
    print(f"overall {killed}/{tested} killed ({percent(killed, tested)}); wrote {PAGE.relative_to(ROOT)}")
    return 0


def mutate(module: str) -> float:
    """Run mutmut on ``module`` in a fresh folder of its own; returns the wall time in seconds."""
    folder = workdir(module)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in PACKAGES + ALSO_COPY:
        (folder / name).symlink_to(ROOT / name)
    (folder / "pyproject.toml").write_text(config(module))
    budget = BUDGET.get(module, BUDGET_DEFAULT)
    started = time.perf_counter()
    cpu_before = _children_cpu()
    loads = []
    with open(folder / "mutmut.log", "wb") as log:
        run = subprocess.Popen([sys.executable, "-m", "mutmut", "run", "--max-children", str(MAX_CHILDREN)],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                               env=os.environ | {"CI": "", "PYTHONPATH": str(ROOT / "bench"),
                                                 "MUTATION_DESELECT_FIXTURES": ",".join(DESELECT.get(module, ())),
                                                 "MUTATION_DESELECT_TESTS": ",".join(SLOW_TESTS.get(module, {})),
                                                 "MUTATION_LOADS_THE_APP": "1" if module in LOADS_THE_APP else ""},
                               start_new_session=True)
        _keep_niceness(run.pid)
        try:
            code = None
            while code is None:                  # every 5 s: the machine's load, the run's CPU time so far
                loads.append(os.getloadavg()[0])
                if _group_cpu(run.pid) > budget or time.perf_counter() - started > WALL_LIMIT * budget:
                    raise subprocess.TimeoutExpired(run.args, budget)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    code = run.wait(timeout=5.0)
            ending = "finished" if code == 0 else f"mutmut failed (exit code {code}, see mutmut.log)"
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGTERM)        # mutmut and the mutants it forked: its own session
            with contextlib.suppress(subprocess.TimeoutExpired):
                run.wait(timeout=10)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
            run.wait()
            ending = f"stopped at its budget ({budget} CPU s)"
    seconds = time.perf_counter() - started
    (folder / "seconds.json").write_text(json.dumps({
        "seconds": seconds, "ending": ending, "budget": budget, "cpu_seconds": _children_cpu() - cpu_before,
        "load": sum(loads) / len(loads), "ended": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}))
    return seconds


def _keep_niceness(session: int) -> None:
    """Give mutmut's new session the niceness this process runs at (``nice -n 15 make mutation``).

    On Linux with autogroup scheduling every session is scheduled as one group, at its own
    niceness (0), whatever the niceness of its processes: a run in a session of its own would
    take its full share of the cores from the other work of the machine, not the low priority
    it was started at.
    """
    with contextlib.suppress(OSError):
        Path(f"/proc/{session}/autogroup").write_text(str(os.nice(0)))


def _group_cpu(group: int) -> float:
    """CPU seconds used so far by the processes of session ``group`` (mutmut, its fork server, the
    mutants running now) and by the children they have reaped (the mutants already tested)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat_file.read_text().rpartition(")")[2].split()
            if int(fields[2]) == group:          # the process group: mutmut started it in a session of its own
                total += sum(int(value) for value in fields[11:15])     # utime stime cutime cstime
    return total / tick


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished children: mutmut and the mutants it forked."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def config(module: str) -> str:
    """mutmut's settings for one module: mutate only it, select only its test files."""
    tests = [f"tests/unit/{name}" for name in test_files(module)]
    return "\n".join([
        "[tool.mutmut]",
        f"source_paths = {json.dumps(list(PACKAGES))}",
        f"only_mutate = {json.dumps([module])}",
        f"also_copy = {json.dumps(list(ALSO_COPY))}",
        f"do_not_mutate_patterns = {json.dumps(list(DO_NOT_MUTATE))}",
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        f"pytest_add_cli_args = {json.dumps(['-p', 'mutation_plugin'])}",
        "",
    ])


def test_files(module: str) -> tuple[str, ...]:
    """The module's test files that exist (a *_mutants.py file is added once it is needed)."""
    return tuple(name for name in MODULES[module] if (ROOT / "tests" / "unit" / name).exists())


def workdir(module: str) -> Path:
    return WORK / module.replace("/", "_").removesuffix(".py")


def check_changes() -> dict[Change, bool]:
    """Which of :data:`CHANGES` their test catches, each made in turn in a scratch copy of the tree.

    The tests must pass on the copy first, so a test that fails for another reason is not
    counted as catching anything.
    """
    with tempfile.TemporaryDirectory(prefix="straitwatch-change-") as scratch:
        tree = Path(scratch)
        for name in PACKAGES + ALSO_COPY:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, tree / name)
        if pytest_code(tree, sorted({change.test for change in CHANGES})) != 0:
            raise SystemExit("the tests named in CHANGES fail on the unchanged tree; fix them first")
        caught = {}
        for change in CHANGES:
            path = tree / change.path
            source = path.read_text()
            if source.count(change.before) != 1:
                raise SystemExit(f"{change.path}: expected {change.before!r} once, found it "
                                 f"{source.count(change.before)} times; update CHANGES in bench/mutation.py")
            path.write_text(source.replace(change.before, change.after))
            caught[change] = pytest_code(tree, [change.test]) == 1      # 1: tests ran and one failed
            path.write_text(source)
            print(f"{'caught' if caught[change] else 'NOT caught'}: {change.name}", flush=True)
    return caught


def pytest_code(tree: Path, tests: list[str]) -> int:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", *tests], cwd=tree,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def read_result(module: str) -> ModuleResult | None:
    """The last finished run's verdicts for ``module`` (None if there is none)."""
    folder = workdir(module)
    meta = folder / "mutants" / (module + ".meta")
    if not (folder / "seconds.json").exists() or not meta.exists():   # never run, still running, or failed early
        return None
    run = json.loads((folder / "seconds.json").read_text())
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    unchecked = sum(code is None for code in codes.values())
    codes = {name: code for name, code in codes.items() if code is not None}
    survivors = tuple(survivor(folder, module, name, STATUS.get(code, f"exit code {code}"))
                      for name, code in sorted(codes.items(), key=lambda kv: mutant_order(kv[0]))
                      if code not in KILLED)
    settings = tomllib.loads((folder / "pyproject.toml").read_text())["tool"]["mutmut"]
    tests = tuple(Path(t).name for t in settings["pytest_add_cli_args_test_selection"])
    return ModuleResult(module, tests, len(codes), sum(code in KILLED for code in codes.values()),
                        run["seconds"], run["budget"], run["ending"], unchecked,
                        tuple(s for s in survivors if s.function not in ONCE.get(module, {})),
                        tuple(s for s in survivors if s.function in ONCE.get(module, {})),
                        run.get("cpu_seconds"), run.get("load"), run.get("ended", ""))


def mutant_order(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number)


def survivor(folder: Path, module: str, name: str, status: str) -> Survivor:
    """Where a mutant is in the original file and what it changed, from mutmut's diff."""
    from mutmut import configuration
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    with contextlib.chdir(folder):
        configuration._config = None              # mutmut reads its settings from the cwd
        diff = get_diff_for_mutant(name, path=module).splitlines()
    before = next(line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---"))
    after = next(line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++"))
    function = display_name(name)
    return Survivor(module, source_line(ROOT / module, function, before), function, before, after, status)


def display_name(mutant: str) -> str:
    """``dashboard.filters.xǁFilterSpecǁ__post_init____mutmut_3`` -> ``FilterSpec.__post_init__``."""
    mangled = mutant.rpartition(".")[2].rpartition("__mutmut_")[0]
    if mangled.startswith("xǁ"):
        return ".".join(mangled[2:].split("ǁ"))
    return mangled.removeprefix("x_")


def source_line(path: Path, function: str, text: str) -> int:
    """The line of ``text`` inside ``function`` of ``path`` (its first line if not found)."""
    lines = path.read_text().splitlines()
    node = find_function(ast.parse("\n".join(lines)), function.split("."))
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    for number in range(start, node.end_lineno + 1):
        if lines[number - 1].strip() == text:
            return number
    for number in range(start, node.end_lineno + 1):
        if text and text in lines[number - 1]:
            return number
    return start


def find_function(tree: ast.AST, names: list[str]) -> ast.AST:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == names[0]:
            return node if len(names) == 1 else find_function(node, names[1:])
    raise LookupError(f"no function {'.'.join(names)}")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def page(results: list[ModuleResult], caught: dict[Change, bool]) -> str:
    killed, tested = sum(r.killed for r in results), sum(r.tested for r in results)
    once, seconds = sum(len(r.once) for r in results), sum(r.seconds for r in results)
    gaps = sum(1 for r in results for s in r.survivors if note(s) is None)
    unchecked = sum(r.unchecked for r in results)
    every = tested + unchecked
    stopped = [r.module for r in results if r.ending != "finished"]
    timed = [r for r in results if r.cpu_seconds is not None]
    cpu = sum(r.cpu_seconds for r in timed)
    load = sum(r.load * r.seconds for r in timed) / sum(r.seconds for r in timed) if timed else float("nan")
    ended = sorted(r.ended for r in results if r.ended)
    out = [
        "# Mutation testing",
        "",
        f"Generated by `bench/mutation.py` (`make mutation`; mutmut {mutmut_version()}); do not edit by hand.",
        "Each module is mutated against only the unit test files listed beside it; a mutant is",
        "*killed* when one of those tests fails (or times out) with the change in place. The score",
        "is killed / tested, where *tested* leaves out the mutants of functions that run only once,",
        "at import or behind a cache, before mutmut switches a mutant on (listed below with the test",
        "that states what they make). Every survivor is listed with why it is acceptable, or as a",
        "**gap** where a test should state the behaviour.",
        "",
        f"**Overall ({len(results)} of the {len(MODULES)} modules of the run"
        + ("" if len(results) == len(MODULES) else ", the others listed below without a run")
        + f"): {killed} / {tested} mutants killed ({percent(killed, tested)})**; "
        f"{unchecked} mutants not reached (runs stopped at their budget: {', '.join(f'`{m}`' for m in stopped) or 'none'}), "
        f"so {percent(killed, every)} of all {every} mutants outside run-once functions are killed; {once} more in "
        f"run-once functions; {gaps} survivors marked as gaps.",
        "",
        f"**Run time: {cpu / 60 / MAX_CHILDREN:.1f} min on {MAX_CHILDREN} free cores**: the runs used {cpu / 60:.1f} min "
        f"of CPU time (mutmut and the mutants it forked, {MAX_CHILDREN} at a time; this machine has "
        f"{os.cpu_count()} cores)"
        + ("" if len(timed) == len(results) else f" (CPU time measured for {len(timed)} of the {len(results)} modules)")
        + f". Their wall times add up to {seconds / 60:.1f} min: the cores were shared with other work (the "
        f"machine's 1-minute load average while the modules ran was {load:.1f} on average, each module's below), "
        "so the wall time is longer than the CPU time says. Each module is run on its own (one `make mutation`, or "
        "`bench/mutation.py --only MODULE ...` runs and then `--report`, which writes this page from every module's "
        f"last run); the runs of this page ended between {ended[0] if ended else '?'} and "
        f"{ended[-1] if ended else '?'} UTC.",
        "",
        "Each module has a budget of CPU time; a run that reaches it is stopped, and the mutants it did not reach "
        "are counted as *not reached*, never as killed or tested. "
        f"The budgets add up to {sum(BUDGET.get(m, BUDGET_DEFAULT) for m in MODULES) / 60:.0f} CPU min, so a whole "
        f"run ends within {sum(BUDGET.get(m, BUDGET_DEFAULT) for m in MODULES) / 60 / MAX_CHILDREN:.0f} min on "
        f"{MAX_CHILDREN} free cores, plus a minute or two for the one-line changes below.",
        "",
        "| module | test files (tests/unit/) | tested | killed | survived | score | run once | not reached "
        "| CPU time (budget) | wall time | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        stop = "" if r.ending == "finished" else f", **{r.ending}**"
        out.append(f"| `{r.module}` | {', '.join(r.tests)} | {r.tested} | {r.killed} | {len(r.survivors)} | "
                   f"{percent(r.killed, r.tested)} | {len(r.once)} | {r.unchecked} | "
                   + (f"{r.cpu_seconds:.0f} s" if r.cpu_seconds is not None else "n/a")
                   + f" ({r.budget:.0f} s{stop}) | {r.seconds:.0f} s | "
                   + (f"{r.load:.1f} |" if r.load is not None else "n/a |"))
    missing = [m for m in MODULES if m not in {r.module for r in results}]
    if missing:
        out += ["", "**Not in this page (no finished run):** " + ", ".join(f"`{m}`" for m in missing) + "."]
    out += ["", "Core modules not mutated, and why:", ""]
    out += [f"- {', '.join(f'`{name}`' for name in names)}: {why}." for names, why in NOT_MUTATED.items()]
    out += ["", "The shipped app and its data are built once per module's run and every mutant starts with them "
            "(`bench/mutation_plugin.py`), so a test of the live dataset costs a mutant nothing; a mutant of code "
            "that runs only while loading survives rather than being falsely killed ("
            + (("modules run without it: " + ", ".join(f"`{m}`" for m in sorted(LOADS_THE_APP)))
               if LOADS_THE_APP else "every module runs with it") + "). Tests left out "
            "because a fixture they use rebuilds the whole dataset for every mutant: "
            + "; ".join(f"`{m}`: tests using {', '.join(f'`{f}`' for f in fixtures)}" for m, fixtures in DESELECT.items())
            + "."]
    out += ["", "Tests left out of a module's run because each costs seconds per mutant, while a fast test of "
            "that module's mutants states the same behaviour on a small hand-made input (they stay in `make test`):",
            ""]
    out += [f"- `{m}`: `{test}`: {why}." for m, tests in SLOW_TESTS.items() for test, why in tests.items()]
    out += ["", "Test files left out on purpose: " + "; ".join(f"`{m}`: {why}" for m, why in LEFT_OUT.items()) + ". "
            "Statements never mutated: " + "; ".join(f"`{p}`: {why}" for p, why in DO_NOT_MUTATE.items()) + "."]
    out += ["", "## One-line changes the unit suite must notice", "",
            "The ten issue 13 found the suite did not notice (where the code moved, the same change in its new home),",
            "then one in each module issue 20 added to the run. Each change is made in turn in a scratch copy of",
            "the tree and the named test run: it must fail (the same tests pass on the unchanged copy first).", "",
            "| change | where | test that catches it | caught |", "|---|---|---|---|"]
    for change, yes in caught.items():
        out.append(f"| {change.name}: `{cell(change.before)}` → `{cell(change.after)}` | `{change.path}` | "
                   f"`{change.test.removeprefix('tests/unit/')}` | {'yes' if yes else '**no**'} |")
    out += ["", "## Run-once functions", "", "| module | function | mutants | why, and the test of its output |",
            "|---|---|---:|---|"]
    for r in results:
        for function, why in ONCE.get(r.module, {}).items():
            out.append(f"| `{r.module}` | `{function}` | {sum(s.function == function for s in r.once)} | {why} |")
    out += ["", "## Surviving mutants", ""]
    for r in results:
        if not r.survivors:
            continue
        out += [f"### `{r.module}`", "", "| line | function | change | note |", "|---:|---|---|---|"]
        for s in r.survivors:
            status = "" if s.status == "survived" else f" ({s.status})"
            out.append(f"| {s.line} | `{s.function}` | `{cell(s.before)}` → `{cell(s.after)}` | "
                       f"{note(s) or '**gap**'}{status} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


#: The note of every mutant that only loosens a ``zip(..., strict=True)`` (to None, False or no argument).
LOOSER_ZIP = ("equivalent: strict=True only guards lengths that are equal by construction here (the columns of "
              "one frame, a list and the list made from it)")


def note(survivor: Survivor) -> str | None:
    """Why ``survivor`` is acceptable (:data:`NOTES`, or :data:`LOOSER_ZIP`), or None for a gap."""
    where = f"{survivor.module} {survivor.function}"
    found = next((why for place, text, why in NOTES if place == where and (
        survivor.after == text[2:] if text.startswith("==") else text in survivor.after)), None)
    return found or (LOOSER_ZIP if looser_zip(survivor.before, survivor.after) else None)


def looser_zip(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with one ``strict=True`` turned into None, False or nothing."""
    parts = before.split("strict=True")
    return any("strict=True".join(parts[:k]) + loose + "strict=True".join(parts[k:]) == after
               for k in range(1, len(parts)) for loose in ("strict=None", "strict=False", ""))


def cell(code: str) -> str:
    """Source text fit for a markdown table cell inside backticks."""
    return code.replace("|", "\\|").replace("`", "'")


def mutmut_version() -> str:
    from importlib.metadata import version
    return version("mutmut")


if __name__ == "__main__":
    sys.exit(main())
