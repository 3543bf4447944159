"""Passage statistics against independent pandas group-bys of the shipped dataset."""

import pandas as pd

from sightings.stats import chinese_share, passages, rows_by_source, ships_per_month, source_note


def test_stats001_passages_per_strait_and_year_equal_a_groupby(sightings):
    got = passages(sightings)
    part = sightings[sightings["strait"] != ""].assign(year=sightings["event_date"].dt.year,
                                                        n=sightings["ships"].fillna(0))
    want = part.groupby(["strait", "year"]).agg(sightings=("id", "count"), ships=("n", "sum")).reset_index()
    assert list(got.columns) == ["strait", "year", "sightings", "ships"]
    merged = got.merge(want, on=["strait", "year"], how="outer", suffixes=("", "_want"), indicator=True)
    assert (merged["_merge"] == "both").all()
    assert (merged["sightings"] == merged["sightings_want"]).all() and (merged["ships"] == merged["ships_want"]).all()
    assert got["sightings"].sum() == (sightings["strait"] != "").sum() == 218
    # straits in the schema's order: Soya first, and each strait's years ascending
    assert got["strait"].iloc[0] == "Soya" and got.groupby("strait")["year"].apply(lambda y: y.is_monotonic_increasing).all()


def test_stats002_by_direction_splits_each_strait_year_into_headings(sightings):
    got = passages(sightings, by_direction=True)
    soya_2026 = got[(got["strait"] == "Soya") & (got["year"] == 2026)].set_index("direction")["sightings"].to_dict()
    rows = sightings[(sightings["strait"] == "Soya") & (sightings["event_date"].dt.year == 2026)]
    first_word = rows["direction"].str.extract(r"^(east|west)\b", expand=False).fillna("not stated")
    assert soya_2026 == first_word.value_counts().to_dict()
    totals = got.groupby(["strait", "year"])["sightings"].sum().reset_index()
    pd.testing.assert_frame_equal(totals, passages(sightings)[["strait", "year", "sightings"]]
                                  .sort_values(["strait", "year"]).reset_index(drop=True))


def test_stats003_ships_per_month_and_chinese_share(sightings):
    monthly = ships_per_month(sightings)
    key = sightings["event_date"].dt.strftime("%Y-%m")
    want = sightings["ships"].fillna(0).groupby(key).sum()
    assert dict(zip(monthly["month"].dt.strftime("%Y-%m"), monthly["ships"])) == want.astype(int).to_dict()
    assert monthly["sightings"].sum() == len(sightings)
    share = chinese_share(sightings).set_index("year")
    year = sightings["event_date"].dt.year
    want_share = sightings.groupby(year)["with_chinese_ships"].mean()
    pd.testing.assert_series_equal(share["share"], want_share, check_names=False, check_index_type=False)


def test_stats004_rows_by_source_and_the_note_name_each_year(sightings):
    by_source = rows_by_source(sightings).set_index("year")
    assert by_source.loc[2026].tolist() == [38, 9] and by_source.loc[2024].tolist() == [0, 30]
    assert by_source.sum().sum() == len(sightings)
    note = source_note(rows_by_source(sightings))
    assert note.startswith("Where each year's rows come from: 2026 mostly from Joint Staff releases")
    assert "2026: 38 from releases, 9 from news" in note and "2011: 0 from releases, 4 from news" in note
    assert source_note(rows_by_source(sightings.iloc[0:0])) == "No rows in this selection."


def test_stats005_charts_carry_the_counts_of_a_groupby(sightings):
    from dashboard.stats_view import stats_figures
    passages_chart, monthly_chart, chinese_chart = stats_figures(sightings)
    part = sightings[sightings["strait"] != ""]
    want = part.groupby([part["strait"], part["event_date"].dt.year]).size()
    got = pd.Series({(trace["legendgroup"], x): 0 for trace in passages_chart["data"] for x in trace["x"]})
    for trace in passages_chart["data"]:
        for x, y in zip(trace["x"], trace["y"]):
            got[(trace["legendgroup"], x)] += y
    assert got.sort_index().to_dict() == want.to_dict()
    soya_2011 = [t for t in passages_chart["data"] if t["name"].startswith("Soya ") and 2011 in t["x"]]
    assert [t["name"] for t in soya_2011] == ["Soya east"]          # both 2011 Soya rows head east
    assert passages_chart["data"][0]["name"].startswith("Soya ")    # the schema's order
    monthly = sightings.groupby(sightings["event_date"].dt.strftime("%Y-%m-01"))["ships"].sum()
    assert dict(zip(monthly_chart["data"][0]["x"], monthly_chart["data"][0]["y"])) == monthly.astype(int).to_dict()
    yearly = sightings.groupby(sightings["event_date"].dt.year)["with_chinese_ships"].agg(["sum", "size"])
    chinese = chinese_chart["data"][0]
    assert chinese["x"] == yearly.index.tolist()
    assert chinese["customdata"] == list(zip(yearly["sum"].tolist(), yearly["size"].tolist()))
    assert chinese["y"] == (yearly["sum"] / yearly["size"] * 100).round(1).tolist()
    assert chinese_chart["layout"]["xaxis"]["ticktext"][-1] == "2026<br>38 rel. / 9 news"


def test_stats006_an_empty_selection_draws_empty_charts(sightings):
    from dashboard.stats_view import stats_figures
    for chart in stats_figures(sightings.iloc[0:0]):
        assert all(trace["x"] == [] for trace in chart["data"])
        assert chart["layout"]["annotations"][0]["text"] == "No rows in this selection."
