BOT_NAME = "newsproject"
SPIDER_MODULES = ["newsproject.spiders"]
ROBOTSTXT_OBEY = True
FEED_EXPORT_ENCODING = "utf-8"

# newsclean: clean each page in item["html"] into item["text"], with the metadata the
# page has (NEWSCLEAN_FIELDS: Result field -> item field, the default shown); drop the
# page's HTML from the item once cleaned, and items left without text.
ADDONS = {"newsclean.scrapy.NewscleanAddon": 0}
NEWSCLEAN_RULES = "site-rules.yaml"     # optional: your own rules, beside scrapy.cfg
NEWSCLEAN_INPUT_FIELD = "html"
NEWSCLEAN_FORMAT = "html"
NEWSCLEAN_FIELDS = {
    "text": "text", "title": "title", "section": "section", "author": "author",
    "published": "published", "language": "language", "canonical_url": "canonical_url",
}
NEWSCLEAN_DROP_INPUT = True
NEWSCLEAN_URL_FIELD = "url"
NEWSCLEAN_DROP_EMPTY = True
