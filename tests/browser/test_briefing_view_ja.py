"""Issue 25 item 5 in Japanese, in the real app: on a ``?lang=ja`` page the Statistics tab's
"Copy summary" paragraph is the Japanese one, for the page's filters, citing the JSO as it asks
and linking back to the page in Japanese. Invariants of the shipped data only (the counts vary)."""

from dashboard import ids
from tests.browser.conftest import open_tab, start, wait_until


def test_briefja101_statistics_tab_of_a_japanese_page_shows_the_japanese_paragraph(dash_duo):
    start(dash_duo, "/?from=2026-08-17&to=2026-09-15&lang=ja")
    dash_duo.wait_for_text_to_equal(f"#{ids.RESET}", "すべての条件をリセット", timeout=20)
    open_tab(dash_duo, "統計")

    def paragraph() -> str:
        return dash_duo.find_element(f"#{ids.STATS_BRIEFING}").text or ""

    wait_until(lambda: paragraph().startswith("Straitwatch要約：2026年8月17日～9月15日（データは"), 20,
               "the Japanese paragraph for the chosen period")
    text = paragraph()
    assert "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡" in text
    assert "出典：統合幕僚監部ウェブサイトを加工して作成。" in text
    assert text.endswith("?from=2026-08-17&to=2026-09-15&lang=ja")
    assert "Straitwatch briefing" not in text and "Source:" not in text
    assert dash_duo.find_element(f"#{ids.STATS_COPY}").get_attribute("title") == "要約をコピー"
    assert dash_duo.get_logs() == []
