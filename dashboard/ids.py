"""Every component id, in one place, so layout, callbacks and browser tests agree."""

URL = "url"
SPEC = "filter-spec"
SELECTED = "selected-id"

DATES = "dates"
#: Says a typed date was refused; assets/datefields.js finds it as the start field's id + "-message".
DATES_MESSAGE = DATES + "-message"
PRESET_ALL = "preset-all"
PRESET_2022 = "preset-2022"
PRESET_LAST_12_MONTHS = "preset-last-12-months"
#: The preset date-range buttons, by preset name (dashboard.filters.PRESETS).
PRESETS = {"all": PRESET_ALL, "2022": PRESET_2022, "last-12-months": PRESET_LAST_12_MONTHS}
RESET = "reset"
STRAITS = "strait"
SEAS = "sea"
SHIP_TYPES = "ship-type"
CLASSES = "ship-class"
ACTIVITIES = "activity"
CHINESE = "chinese"
SEARCH = "type-search"
HULLS = "hull"
PRIMARY = "primary-source"
#: "Stated dates only": the checkbox of the ``date_basis`` facet (not the date picker, :data:`DATES`).
STATED_DATES = "stated-dates"
#: The plausibility checks filter (``?flag=``, :mod:`sightings.plausibility`).
FLAGS = "check-flag"

SUMMARY = "summary"
MAP = "map"
MAP_LAYERS = "map-layers"
MAP_NOTE = "map-note"
UPLOAD = "upload"
UPLOAD_MESSAGE = "upload-message"
#: A file the browser did not send (too large): its name and size, set by assets/upload.js.
UPLOAD_REFUSED = "upload-refused"
TIMELINE = "timeline"
TABLE = "table"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_GEOJSON = "download-geojson"
#: The JSON sidecar of the CSV download: version, licence, export date, filters (issue 25 item 5).
DOWNLOAD_ABOUT = "download-about"
ABOUT = "about"

# map, table and page controls (issue 9)
MAP_LANGUAGE = "map-language"
ZOOM_RESULTS = "zoom-results"
MAP_LEGEND = "map-legend"
MAP_SUMMARY = "map-summary"
MAP_LOADING = "map-loading"
#: The map's size in CSS pixels, reported by assets/maplabels.js, so the server can frame a view.
MAP_SIZE = "map-size"
DETAILS = "details"
FILTERS_TOGGLE = "filters-toggle"
FILTERS_CLOSE = "filters-close"
# -- analyst views (issue 10): vessels, statistics, playback, timeline events
VESSELS = "vessels"
STATS_PASSAGES = "stats-passages"
STATS_MONTHLY = "stats-monthly"
STATS_CHINESE = "stats-chinese"
STATS_DOWNLOAD = "stats-download"
#: "How complete each year is": the record beside the sourced counts of announcements.
STATS_COVERAGE = "stats-coverage"
# -- briefing-ready statistics (issue 25): heatmap, month-of-year totals, periods compared, "Copy summary"
STATS_HEATMAP = "stats-heatmap"
STATS_MONTHS = "stats-months"
STATS_COMPARE = "stats-compare"
STATS_BRIEFING = "stats-briefing"
STATS_COPY = "stats-copy"
STATS_SIDECAR = "stats-sidecar"
PLAY_STATE = "play-state"
PLAY_TIMER = "play-timer"
PLAY = "play"
PLAY_STEP = "play-step"
PLAY_STOP = "play-stop"
PLAY_WINDOW = "play-window"
PLAY_SPEED = "play-speed"
PLAY_LABEL = "play-label"
SHOW_EVENTS = "show-events"
EVENTS_LIST = "events-list"
# -- versioned data, feeds and API (issue 22)
DATASET_VERSION = "dataset-version"
CITE = "cite-view"
FEED_ATOM = "feed-atom"
FEED_JSON = "feed-json"
FEED_GEOJSON = "feed-geojson"
# -- the analyst's workspace (issue 21): tabs of views computed only when shown, a link per sighting
#: The tabs below the map (Table, Vessels, Voyages, Statistics): only the shown one is computed.
VIEW_TABS = "view-tabs"
VOYAGES = "voyages"
#: The sighting a link (``?id=``) asks to open, set when the URL is read (None otherwise).
FOCUS = "focus-id"
#: What the URL asked that the page ignores ("ignored: strait=Atlantis").
URL_NOTE = "url-note"
DETAILS_TOGGLE = "details-toggle"
DETAILS_CLOSE = "details-close"
#: The tabs' section, the skip link's target.
RESULTS = "results"

# -- the page's language (issue 21; dashboard/i18n.py)
#: The language the page was built in (a dcc.Store the server fills; callbacks read it).
LANGUAGE = "page-language"
#: The language last chosen in this browser (a dcc.Store, storage_type="local").
LANGUAGE_CHOICE = "language-choice"
#: The page-language switch (radio), and the full-page navigation it makes (dcc.Location, refresh=True).
LANGUAGE_SWITCH = "language-switch"
LANGUAGE_LOCATION = "language-location"
