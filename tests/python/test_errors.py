"""Clear errors (issue 14, part 5): a bad input or rules file says what and where,
as the right exception, and libxml2 prints nothing of its own."""

from __future__ import annotations

import pytest

import newsclean


@pytest.fixture(scope="module")
def cleaner() -> newsclean.Cleaner:
    return newsclean.Cleaner()


def test_a_lone_surrogate_is_a_value_error_naming_its_position(cleaner):
    text = "The council met on Tuesday \udc8f to agree the budget."
    with pytest.raises(ValueError, match=r"lone surrogate U\+DC8F at position 27"):
        cleaner.clean(text)
    with pytest.raises(ValueError, match=r"texts\[1\] has a lone surrogate U\+D800 at position 0"):
        cleaner.clean_many(["fine", "\ud800"])
    with pytest.raises(TypeError, match="must be str or bytes, not int"):
        cleaner.clean(42)


def test_yaml_nested_too_deep_names_file_and_line():
    deep = "[" * 5000 + "]" * 5000
    with pytest.raises(ValueError, match=r"^<string>:4:\d+: nested too deep"):
        newsclean.Cleaner(f"rules:\n  - id: deep\n    category: footer\n    pattern: {deep}\n")


def test_xpath_with_an_unknown_function_is_refused_at_load(capfd):
    rules = ("rules:\n  - id: promo-box\n    category: advert\n"
             "    xpath: '//div[matches(@class, \"promo\")]'\n")
    with pytest.raises(ValueError, match=r"^<string>:4:12: rule 'promo-box': "
                                         r"unknown XPath function 'matches\(\)' at column 7"):
        newsclean.Cleaner(rules)
    bad = "rules:\n  - id: bad-x\n    category: advert\n    xpath: '//div[@class='\n"
    with pytest.raises(ValueError, match=r"invalid XPath \(invalid expression at column 14\)"):
        newsclean.Cleaner(bad)
    assert capfd.readouterr().err == ""  # libxml2's "XPath error : ..." no longer printed
