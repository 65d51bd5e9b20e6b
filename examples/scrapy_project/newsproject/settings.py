BOT_NAME = "newsproject"
SPIDER_MODULES = ["newsproject.spiders"]
ROBOTSTXT_OBEY = True
FEED_EXPORT_ENCODING = "utf-8"

# newsclean: clean item["body"] into item["text"]; drop items left without text.
ADDONS = {"newsclean.scrapy.NewscleanAddon": 0}
NEWSCLEAN_RULES = "site-rules.yaml"     # optional: your own rules, beside scrapy.cfg
NEWSCLEAN_FIELDS = {"body": "text"}
NEWSCLEAN_URL_FIELD = "url"
NEWSCLEAN_DROP_EMPTY = True
