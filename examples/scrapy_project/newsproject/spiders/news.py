import scrapy


class NewsSpider(scrapy.Spider):
    """Follows the story links of a front page; each story's page goes to item["html"]."""

    name = "news"

    def __init__(self, start_url="http://127.0.0.1:8000/", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        yield from response.follow_all(css="a.story", callback=self.parse_story)

    def parse_story(self, response):
        yield {
            "url": response.css('link[rel="canonical"]::attr(href)').get(response.url),
            "html": response.text,
        }
