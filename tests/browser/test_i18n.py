"""Issue 21, Japanese throughout, in the real app: ``?lang=ja`` builds the page in Japanese, drawn
in the bundled font (this machine has no CJK font: ``fc-list :lang=ja`` is empty), and the
language survives a filter change, a reload, a visit with no ``lang`` and the switch back."""

import re

from dashboard import ids
from tests.browser.conftest import start, wait_until

FAMILY = "Straitwatch Noto Sans JP"
FONT_LOADED = f"""return Array.from(document.fonts).some(f => f.family.replace(/"/g, '') === '{FAMILY}'
                                                     && f.status === 'loaded');"""
FONT_CHECK = f"""return document.fonts.check('16px "{FAMILY}"', '宗谷海峡');"""
#: Four full-width glyphs of the bundled font are four ems wide; a missing glyph would not be.
GLYPH_WIDTH = f"""const c = document.createElement('canvas').getContext('2d');
c.font = '16px "{FAMILY}"'; return c.measureText('宗谷海峡').width;"""
#: The family the summary is drawn in, first in its stack.
SUMMARY_FONT = f"return getComputedStyle(document.getElementById('{ids.SUMMARY}')).fontFamily;"
LANG = "return document.documentElement.lang;"
SEARCH = "return window.location.search;"
JAPANESE_SUMMARY = re.compile(r"^確認\d+件、艦艇のべ\d+隻.*、データは\d{4}年\d{1,2}月\d{1,2}日現在$")


def text(dash_duo, selector):
    return dash_duo.find_element(selector).text


def japanese_page(dash_duo):
    """Wait for the page in Japanese: controls, legend, summary (literal words; counts vary with the data)."""
    dash_duo.wait_for_text_to_equal(f"#{ids.RESET}", "すべての条件をリセット", timeout=20)
    wait_until(lambda: JAPANESE_SUMMARY.match(text(dash_duo, f"#{ids.SUMMARY}")), 20, "the summary in Japanese")
    assert dash_duo.driver.execute_script(LANG) == "ja"
    labels = [e.text for e in dash_duo.find_elements("#filters label")]
    assert {"期間", "海峡", "海域", "艦種", "艦級", "艦番号", "活動"} <= set(labels)
    assert text(dash_duo, f"#{ids.PRESET_2022}") == "2022年（侵攻の年）"
    legend = text(dash_duo, f"#{ids.MAP_LEGEND}")
    for words in ("色：海峡", "宗谷海峡", "津軽海峡", "海峡外", "大きさ：隻数", "淡色：", "記述から算出した位置",
                  "領海（12海里）", "特定海域（3海里）"):
        assert words in legend
    assert dash_duo.find_element(f"#{ids.MAP_LANGUAGE} input[value='ja']").is_selected()   # place names follow


def test_i18n101_japanese_page_in_the_bundled_font_kept_across_filters_reloads_and_visits(dash_duo):
    start(dash_duo, "/?lang=ja")
    japanese_page(dash_duo)

    # the bundled font is loaded and draws the Japanese (no system CJK font here)
    wait_until(lambda: dash_duo.driver.execute_script(FONT_LOADED), 20, f"the font face {FAMILY} to load")
    assert dash_duo.driver.execute_script(FONT_CHECK) is True
    assert abs(dash_duo.driver.execute_script(GLYPH_WIDTH) - 64) < 1
    assert dash_duo.driver.execute_script(SUMMARY_FONT).replace('"', "").startswith(FAMILY)

    # playback's button swaps its words in the page's language (assets/playback.js)
    dash_duo.find_element(f"#{ids.PLAY}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", "一時停止", timeout=10)
    dash_duo.find_element(f"#{ids.PLAY_STOP}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", "再生", timeout=10)

    # a filter change keeps lang in the URL, and the summary in Japanese
    dash_duo.find_element(f"#{ids.PRESET_2022}").click()
    wait_until(lambda: "from=2022-01-01" in dash_duo.driver.execute_script(SEARCH), message="the 2022 filter in the URL")
    assert "lang=ja" in dash_duo.driver.execute_script(SEARCH)
    wait_until(lambda: "2022年1月1日～12月31日" in text(dash_duo, f"#{ids.SUMMARY}"), message="the 2022 summary")

    # a reload keeps the language and the filter
    dash_duo.driver.refresh()
    japanese_page(dash_duo)
    assert "2022年1月1日～12月31日" in text(dash_duo, f"#{ids.SUMMARY}")

    # a visit with no lang in the URL: the choice remembered in this browser
    dash_duo.wait_for_page(url=dash_duo.server_url + "/?strait=Soya")
    japanese_page(dash_duo)
    wait_until(lambda: "lang=ja" in dash_duo.driver.execute_script(SEARCH), message="lang=ja written back to the URL")
    assert "宗谷海峡" in text(dash_duo, f"#{ids.SUMMARY}")

    # the switch: the same view in English, the URL without lang
    dash_duo.find_element(f"#{ids.LANGUAGE_SWITCH} input[value='en']").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.RESET}", "Reset all filters", timeout=20)
    wait_until(lambda: text(dash_duo, f"#{ids.SUMMARY}").endswith("Soya Strait") or
               "Soya Strait" in text(dash_duo, f"#{ids.SUMMARY}"), message="the English summary")
    assert dash_duo.driver.execute_script(LANG) == "en"
    assert "lang=" not in dash_duo.driver.execute_script(SEARCH) and "strait=Soya" in dash_duo.driver.execute_script(SEARCH)
    assert "Colour: strait" in text(dash_duo, f"#{ids.MAP_LEGEND}")
    assert dash_duo.get_logs() == []
